// The ESC/POS commands the kitchen ticket uses (Epson ESC/POS command reference; every thermal
// printer sold for kitchens speaks this subset), and text in code page WPC1252 so names like
// "Crème brûlée" print as written.

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** ESC @: initialize (clears styles left by whatever printed before). */
export const INIT = [ESC, 0x40];
/** ESC t 16: character code table WPC1252. */
export const CODE_PAGE_1252 = [ESC, 0x74, 16];

export type Align = 'left' | 'center' | 'right';
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };
/** ESC a n. */
export const align = (a: Align): number[] => [ESC, 0x61, ALIGN[a]];

/** GS ! n: character width and height multipliers, 1–8 each. */
export const size = (width: number, height: number): number[] => [
  GS,
  0x21,
  ((clamp(width) - 1) << 4) | (clamp(height) - 1),
];
/** ESC E n: emphasized (bold). */
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** GS B n: white on black. */
export const reverse = (on: boolean): number[] => [GS, 0x42, on ? 1 : 0];
/** ESC d n: print and feed n lines. */
export const feed = (lines: number): number[] => [ESC, 0x64, Math.max(0, Math.min(255, lines))];
/** GS V 65 n: feed n dots past the cutter, then cut (full cut). */
export const CUT = [GS, 0x56, 65, 3];

/** DLE EOT n, the real-time status request: 1 printer, 2 offline cause, 3 error cause, 4 paper. */
export const statusRequest = (n: 1 | 2 | 3 | 4): number[] => [DLE, EOT, n];

function clamp(n: number): number {
  return Math.max(1, Math.min(8, Math.round(n)));
}

/** WPC1252 bytes 0x80–0x9F (the rest of the code page is Latin-1). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
export const CP1252_DECODE: Record<number, string> = Object.fromEntries(
  Object.entries(CP1252_HIGH).map(([ch, byte]) => [byte, ch]),
);

/** Text as WPC1252 bytes. Control characters become spaces (a stray ESC in a customer's note
 * must not become a printer command); characters the code page lacks become "?". */
export function encodeText(text: string): number[] {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) out.push(0x20);
    else if (code < 0x80) out.push(code);
    else if (code >= 0xa0 && code <= 0xff) out.push(code);
    else out.push(CP1252_HIGH[ch] ?? 0x3f);
  }
  return out;
}
