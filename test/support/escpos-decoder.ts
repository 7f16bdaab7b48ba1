// A kitchen printer on loopback for tests and benchmarks: a real TCP listener that reads ESC/POS
// bytes the way a thermal printer does and turns them back into text lines with their style (size,
// bold, white-on-black, alignment) and the cut. It answers the real-time status request DLE EOT n
// from its own state (offline, paper out, cover open …), or stays silent, or withholds chosen
// answers, so a test can put a printer in any state.
// Written from the ESC/POS command reference independently of the connector's encoder, so a wrong
// byte in a ticket shows up here as wrong text.
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { waitForEvent } from './wait-for-event.js';

export interface PrintedLine {
  text: string;
  width: number;
  height: number;
  bold: boolean;
  reverse: boolean;
  align: 'left' | 'center' | 'right';
}

export interface Printout {
  lines: PrintedLine[];
  /** Ended with a cut (GS V); false when the connection closed mid-ticket. */
  cut: boolean;
  connection: number;
  /** performance.now() when the cut arrived (benchmarks). */
  perfAt: number;
}

export interface PrinterState {
  offline: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  error: boolean;
}

const ALIGNS = ['left', 'center', 'right'] as const;
const cp1252 = new TextDecoder('windows-1252');

/** "[C 2x2 B R] text": alignment (C/R, left unmarked), size when not 1x1, Bold, Reverse. */
export function describeLine(line: PrintedLine): string {
  const marks = [
    line.align === 'center' ? 'C' : line.align === 'right' ? 'R' : '',
    line.width !== 1 || line.height !== 1 ? `${line.width}x${line.height}` : '',
    line.bold ? 'B' : '',
    line.reverse ? 'R' : '',
  ].filter(Boolean);
  return marks.length ? `[${marks.join(' ')}] ${line.text}` : line.text;
}

/** A printout as text, one line per printed line, and "[CUT]" at a cut. */
export function printoutText(p: Printout): string[] {
  return [...p.lines.map(describeLine), ...(p.cut ? ['[CUT]'] : [])];
}

/** Parses one connection's bytes as they arrive; commands split across chunks wait for the rest. */
export class EscPosParser {
  readonly printouts: Printout[] = [];
  /** The `n` of every DLE EOT n, in order. */
  readonly statusRequests: number[] = [];
  readonly unknown: string[] = [];
  private pending = Buffer.alloc(0);
  private style = {
    width: 1,
    height: 1,
    bold: false,
    reverse: false,
    align: 'left' as PrintedLine['align'],
  };
  private lineStyle: PrintedLine | null = null;
  private text: number[] = [];
  private lines: PrintedLine[] = [];

  constructor(
    private readonly connection = 0,
    private readonly onStatusRequest: (n: number) => void = () => {},
  ) {}

  feed(chunk: Buffer): void {
    let buf = Buffer.concat([this.pending, chunk]);
    let i = 0;
    const need = (n: number): boolean => i + n <= buf.length;
    while (i < buf.length) {
      const b = buf[i]!;
      if (b === 0x1b) {
        if (!need(2)) break;
        const cmd = buf[i + 1]!;
        if (cmd === 0x40) {
          this.style = { width: 1, height: 1, bold: false, reverse: false, align: 'left' };
          i += 2;
          continue;
        }
        if (!need(3)) break;
        const n = buf[i + 2]!;
        if (cmd === 0x61) this.style.align = ALIGNS[n % 48] ?? 'left';
        else if (cmd === 0x45) this.style.bold = (n & 1) === 1;
        else if (cmd === 0x64) this.endLine(true, n);
        else if (cmd === 0x74 || cmd === 0x21 || cmd === 0x2d) {
          // code page, print mode, underline: accepted, not modelled
        } else this.unknown.push(`ESC ${cmd.toString(16)}`);
        i += 3;
      } else if (b === 0x1d) {
        if (!need(3)) break;
        const cmd = buf[i + 1]!;
        const n = buf[i + 2]!;
        if (cmd === 0x21) {
          this.style.width = ((n >> 4) & 0x07) + 1;
          this.style.height = (n & 0x07) + 1;
          i += 3;
        } else if (cmd === 0x42) {
          this.style.reverse = (n & 1) === 1;
          i += 3;
        } else if (cmd === 0x56) {
          // GS V m (m = 0, 1, 48, 49) or GS V m n (m = 65, 66)
          const withFeed = n === 65 || n === 66;
          if (withFeed && !need(4)) break;
          this.cut();
          i += withFeed ? 4 : 3;
        } else {
          this.unknown.push(`GS ${cmd.toString(16)}`);
          i += 3;
        }
      } else if (b === 0x10) {
        if (!need(3)) break;
        if (buf[i + 1] === 0x04) {
          this.statusRequests.push(buf[i + 2]!);
          this.onStatusRequest(buf[i + 2]!);
        } else this.unknown.push(`DLE ${buf[i + 1]!.toString(16)}`);
        i += 3;
      } else if (b === 0x0a) {
        this.endLine(false);
        i += 1;
      } else if (b < 0x20) {
        this.unknown.push(`control ${b.toString(16)}`);
        i += 1;
      } else {
        if (this.text.length === 0) this.lineStyle = { text: '', ...this.style };
        this.text.push(b);
        i += 1;
      }
    }
    this.pending = buf.subarray(i);
    buf = Buffer.alloc(0);
  }

  /** The connection closed: a ticket without its cut is kept as such. */
  close(): void {
    if (this.text.length) this.endLine(false);
    if (this.lines.some((l) => l.text.trim() !== '')) this.finish(false);
  }

  private endLine(feed: boolean, count = 1): void {
    if (this.text.length || !feed) {
      const style = this.lineStyle ?? { text: '', ...this.style };
      this.lines.push({ ...style, text: cp1252.decode(Buffer.from(this.text)) });
    }
    this.text = [];
    this.lineStyle = null;
    void count; // blank feed lines are not kept: tests read what is printed
  }

  private cut(): void {
    if (this.text.length) this.endLine(false);
    this.finish(true);
  }

  private finish(cut: boolean): void {
    // Trailing empty lines (feeds before the cut) carry no information.
    while (this.lines.length && this.lines[this.lines.length - 1]!.text.trim() === '')
      this.lines.pop();
    this.printouts.push({
      lines: this.lines,
      cut,
      connection: this.connection,
      perfAt: performance.now(),
    });
    this.lines = [];
  }
}

/** Pure decoding of a byte string (no status answers). */
export function decodeEscPos(bytes: Buffer): EscPosParser {
  const parser = new EscPosParser();
  parser.feed(bytes);
  return parser;
}

export class PrinterSim extends EventEmitter {
  readonly printouts: Printout[] = [];
  readonly state: PrinterState = {
    offline: false,
    paperOut: false,
    paperNearEnd: false,
    coverOpen: false,
    error: false,
  };
  /** False: status requests get no answer (a printer without real-time status). */
  answersStatus = true;
  /** Decide per request whether to answer it (`index` counts the connection's requests from 0). */
  withhold: ((connection: number, index: number) => boolean) | null = null;
  connections = 0;
  statusRequests = 0;
  /** Every byte received, in order, on every connection (a test checks the encoding itself). */
  private readonly received: Buffer[] = [];
  port = 0;
  readonly host = '127.0.0.1';
  private readonly sockets = new Set<net.Socket>();
  /** Connections whose last status request went unanswered: their client waits on its clock. */
  private readonly unanswered = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {
    super();
  }

  static async start(): Promise<PrinterSim> {
    const server = net.createServer();
    const sim = new PrinterSim(server);
    server.on('connection', (socket) => sim.accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sim.port = (server.address() as AddressInfo).port;
    return sim;
  }

  /** Every completed (cut) printout as text lines. */
  tickets(): string[][] {
    return this.printouts.filter((p) => p.cut).map(printoutText);
  }

  statusByte(n: number): number {
    const s = this.state;
    const base = 0x12; // bits 1 and 4 are fixed on in every status byte
    switch (n) {
      case 1:
        return base | (s.offline || s.paperOut || s.coverOpen || s.error ? 0x08 : 0);
      case 2:
        return base | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0) | (s.error ? 0x40 : 0);
      case 3:
        return base | (s.error ? 0x40 : 0);
      default:
        return base | (s.paperNearEnd ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
    }
  }

  waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
    const seen = (): string => `${this.printouts.length} printouts`;
    return waitForEvent({ emitter: this, event: 'change', who: 'printer', seen }, condition, ms);
  }

  receivedBytes(): Buffer {
    return Buffer.concat(this.received);
  }

  openConnections(): number {
    return this.sockets.size;
  }

  /** Clients waiting for an answer that will not come (silent or withheld status). */
  parkedConnections(): number {
    return this.unanswered.size;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    const connection = this.connections++;
    // A printer answers each status request at once; Nagle would hold the second byte for the
    // client's delayed ACK (40 ms), which is the simulator's artefact, not the connector's.
    socket.setNoDelay(true);
    this.sockets.add(socket);
    let index = 0;
    const parser = new EscPosParser(connection, (n) => {
      this.statusRequests++;
      const i = index++;
      if (!this.answersStatus || this.withhold?.(connection, i)) {
        this.unanswered.add(socket);
        this.emit('change');
        return;
      }
      this.unanswered.delete(socket);
      socket.write(Buffer.from([this.statusByte(n)]));
    });
    let seen = 0;
    const collect = (): void => {
      for (const p of parser.printouts.slice(seen)) this.printouts.push(p);
      seen = parser.printouts.length;
      this.emit('change');
    };
    socket.on('data', (chunk: Buffer) => {
      this.received.push(chunk);
      parser.feed(chunk);
      collect();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      parser.close();
      this.sockets.delete(socket);
      this.unanswered.delete(socket);
      collect();
    });
  }
}
