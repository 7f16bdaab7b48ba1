// The watched-folder driver: many on-premise POS systems import orders from files. Protocol
// (README "POS drivers"), all files in `pos.dropDir`:
// - order: `<order id>.json` (the normalized order), written atomically: a temporary
//   `.<order id>.json.tmp` is written, flushed to disk, then renamed, so the POS never sees half a
//   file;
// - the POS answers each file with `<name>.result.json`: exactly `{ "pos_order_id": "<text>" }` or
//   `{ "error": "<text>" }`; anything else is a refusal that flags the order with the content;
// - void: `<order id>.void.json`, answered by `<order id>.void.result.json`;
// - catalog (optional): the POS may leave `catalog.json` in Stream's catalog shape.
// Exactly once: before writing, a result file already there is the answer (a retry after a
// crash), and an order file already there is simply waited on again, never written twice. The
// file name is the order id, so a POS that imports each name once cannot take an order twice.
// Every file is opened without following links (O_NOFOLLOW, lstat): a symbolic link or a FIFO
// planted in the folder is refused, never written through, and cannot hang an attempt.
// The folder is never created here: a missing folder is a network share that is down, and files
// written into an empty local folder in its place would never reach the POS.
import { watch, type FSWatcher } from 'node:fs';
import { access, constants, lstat, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PosOrder } from '../../../../shared/pos.js';
import type { CancelTimer, Clock } from '../../util/clock.js';
import {
  failed,
  refused,
  type DriverResult,
  type PosDriver,
  type PosHealth,
  type VoidRequest,
  voidDocument,
} from '../driver.js';

export interface WatchedFolderOptions {
  dropDir: string;
  /** How long one attempt waits for the POS's result file. */
  timeoutMs: number;
  /** Result files are also looked for this often (file events are unreliable on network shares). */
  pollMs?: number;
}

type ResultFile =
  | { kind: 'ok'; posOrderId: string }
  | { kind: 'error'; error: string }
  /** Valid JSON in neither shape, or not a regular file: a refusal naming what was there. */
  | { kind: 'invalid'; reason: string }
  | { kind: 'unreadable' }
  | null;

/** Not on Windows: there, lstat alone guards against links. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** A FIFO opened for reading would wait for a writer forever without it. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Thrown for a link or special file where a plain file must be. */
class UnsafeFile extends Error {}

const SAFE_NAME = /^[A-Za-z0-9_-]{1,100}$/;

export class WatchedFolderDriver implements PosDriver {
  readonly name = 'folder' as const;
  private readonly dir: string;
  private readonly waits = new Set<() => void>();
  /** The last link or special file refused in the folder, for the POS tile until a clean exchange. */
  private unsafe: string | null = null;
  /** Set by a stop: attempts still starting end at once instead of waiting. */
  private stopping = false;

  constructor(
    private readonly options: WatchedFolderOptions,
    private readonly clock: Clock,
  ) {
    this.dir = path.resolve(options.dropDir);
  }

  inject(order: PosOrder): Promise<DriverResult> {
    return this.exchange(order.order_id, '', JSON.stringify(order, null, 2));
  }

  void(request: VoidRequest): Promise<DriverResult> {
    return this.exchange(
      request.order.order_id,
      '.void',
      JSON.stringify(voidDocument(request), null, 2),
    );
  }

  async health(): Promise<PosHealth> {
    try {
      await access(this.dir, constants.W_OK);
      if (this.unsafe)
        return { reachable: true, detail: `${this.dir} is writable, but ${this.unsafe}` };
      return { reachable: true, detail: `${this.dir} is writable` };
    } catch (err) {
      return {
        reachable: false,
        detail: `${this.dir}: ${(err as NodeJS.ErrnoException).code ?? 'not writable'}`,
      };
    }
  }

  async fetchCatalog(): Promise<unknown> {
    const file = path.join(this.dir, 'catalog.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new Error(
        `POS catalog: ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`POS catalog: ${file} is not valid JSON`);
    }
  }

  abortAll(): void {
    this.stopping = true;
    for (const abort of [...this.waits]) abort();
  }

  close(): void {
    this.abortAll();
  }

  /** Drop `<id><suffix>.json` (unless the POS already has it) and wait for its result file. */
  private async exchange(id: string, suffix: string, content: string): Promise<DriverResult> {
    if (!SAFE_NAME.test(id)) return refused(`order id ${id} cannot be a file name`);
    const name = `${id}${suffix}`;
    const dataFile = path.join(this.dir, `${name}.json`);
    const resultFile = path.join(this.dir, `${name}.result.json`);
    // The wait, its time limit and a stop's reach start now, so they cover every step below.
    const wait = this.waitForResult(resultFile);
    try {
      await access(this.dir, constants.W_OK);
    } catch (err) {
      wait.cancel();
      return failed(
        `drop folder ${this.dir}: ${(err as NodeJS.ErrnoException).code ?? 'not writable'}`,
      );
    }
    const earlier = await readResult(resultFile);
    if (earlier && earlier.kind !== 'unreadable') {
      wait.cancel();
      return this.outcome(earlier, name);
    }
    try {
      if (!(await plainFileExists(dataFile)))
        await writeAtomically(this.dir, `.${name}.json.tmp`, dataFile, content);
    } catch (err) {
      wait.cancel();
      if (err instanceof UnsafeFile) return this.refuseUnsafe(err.message);
      return failed(`could not write ${dataFile}: ${(err as Error).message}`);
    }
    const result = await wait.result;
    // By now the file is in the folder: the POS may take it while we are stopped.
    if (result === 'aborted') return failed('stopped', { aborted: true, uncertain: true });
    if (result === null || result.kind === 'unreadable')
      return failed(
        `no ${result === null ? '' : 'readable '}result file from the POS within ${this.options.timeoutMs} ms; ${name}.json waits in the folder`,
        { uncertain: true },
      );
    return this.outcome(result, name);
  }

  private outcome(
    result: Exclude<ResultFile, null | { kind: 'unreadable' }>,
    name: string,
  ): DriverResult {
    if (result.kind === 'invalid') {
      if (result.reason.startsWith('is a '))
        return this.refuseUnsafe(`${name}.result.json ${result.reason}`);
      return refused(
        `the POS's ${name}.result.json is neither {"pos_order_id": "…"} nor {"error": "…"}: ${result.reason}`,
      );
    }
    this.unsafe = null;
    if (result.kind === 'error') return refused(`the POS refused ${name}.json: ${result.error}`);
    return { ok: true, posOrderId: result.posOrderId, detail: `result file ${name}.result.json` };
  }

  private refuseUnsafe(what: string): DriverResult {
    this.unsafe = `refused ${what} (links and special files are never followed): ask IT to remove it`;
    return refused(this.unsafe);
  }

  /** `result` resolves with the result file's content, null at the timeout, or 'aborted'. */
  private waitForResult(file: string): {
    result: Promise<ResultFile | 'aborted'>;
    cancel: () => void;
  } {
    let cancel = (): void => {};
    const result = new Promise<ResultFile | 'aborted'>((resolve) => {
      const timers: CancelTimer[] = [];
      let watcher: FSWatcher | null = null;
      let done = false;
      let checking = false;
      let again = false;
      const finish = (value: ResultFile | 'aborted'): void => {
        if (done) return;
        done = true;
        for (const stop of timers) stop();
        watcher?.close();
        this.waits.delete(abort);
        resolve(value);
      };
      const abort = (): void => finish('aborted');
      cancel = () => finish(null);
      if (this.stopping) return abort();
      this.waits.add(abort);
      const check = async (): Promise<void> => {
        if (done) return;
        if (checking) {
          again = true;
          return;
        }
        checking = true;
        do {
          again = false;
          const found = await readResult(file);
          if (found && found.kind !== 'unreadable') return finish(found);
        } while (again && !done);
        checking = false;
      };
      try {
        watcher = watch(this.dir, (_event, changed) => {
          if (!changed || changed === path.basename(file)) void check();
        });
        watcher.on('error', () => watcher?.close());
      } catch {
        // no file events here (some network shares): polling alone finds the result
      }
      const poll = (): void => {
        void check();
        timers.push(this.clock.setTimer(poll, this.options.pollMs ?? 250));
      };
      timers.push(this.clock.setTimer(poll, this.options.pollMs ?? 250));
      timers.push(
        this.clock.setTimer(() => {
          void readResult(file).then(finish);
        }, this.options.timeoutMs),
      );
      void check();
    });
    return { result, cancel: () => cancel() };
  }
}

async function readResult(file: string): Promise<ResultFile> {
  let text: string;
  try {
    const handle = await open(file, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
    try {
      const st = await handle.stat();
      if (!st.isFile())
        return { kind: 'invalid', reason: 'is a special file (FIFO, device or folder)' };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK')
      return { kind: 'invalid', reason: 'is a symbolic link' };
    if (NOFOLLOW === 0 && (await lstat(file).catch(() => null))?.isSymbolicLink())
      return { kind: 'invalid', reason: 'is a symbolic link' };
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Half written by a POS that does not write atomically: read it again later.
    return { kind: 'unreadable' };
  }
  return resultOf(json, text);
}

/** The only two answers: `{"pos_order_id": "<text>"}` or `{"error": "<text>"}`, nothing more. */
export function resultOf(json: unknown, text: string): ResultFile {
  const shown = JSON.stringify(text.trim().slice(0, 200));
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const keys = Object.keys(json);
    const { pos_order_id: ref, error } = json as { pos_order_id?: unknown; error?: unknown };
    if (keys.length === 1 && typeof ref === 'string' && ref.trim())
      return { kind: 'ok', posOrderId: ref.trim().slice(0, 100) };
    if (keys.length === 1 && typeof error === 'string' && error.trim())
      return { kind: 'error', error: error.trim().slice(0, 500) };
  }
  return { kind: 'invalid', reason: shown };
}

/** Whether a plain file is there; a link or special file in its place is refused. */
async function plainFileExists(file: string): Promise<boolean> {
  const st = await lstat(file).catch(() => null);
  if (!st) return false;
  if (st.isSymbolicLink()) throw new UnsafeFile(`${file}: a symbolic link`);
  if (!st.isFile()) throw new UnsafeFile(`${file}: not a regular file`);
  return true;
}

/** Temporary file, flushed, renamed into place, folder entry flushed: all or nothing. */
async function writeAtomically(
  dir: string,
  tmpName: string,
  target: string,
  content: string,
): Promise<void> {
  const tmp = path.join(dir, tmpName);
  // A temporary file left by a crash is removed; a link or FIFO planted in its place is refused.
  if (await plainFileExists(tmp)) await rm(tmp, { force: true });
  let handle;
  try {
    handle = await open(
      tmp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
      0o644,
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ELOOP')
      throw new UnsafeFile(`${tmp}: appeared while writing`);
    throw err;
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  try {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}
