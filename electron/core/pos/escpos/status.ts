// Reading the printer's answers to DLE EOT n (ESC/POS real-time status). Every status byte has
// bits 1 and 4 set and bits 0 and 7 clear, which tells a status byte from anything else.
// - n = 1 (printer): bit 3 offline.
// - n = 2 (offline cause): bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error.
// - n = 4 (roll paper sensor): bits 2–3 paper near its end, bits 5–6 paper not present.

export interface StatusBytes {
  printer: number;
  offlineCause: number;
  paper: number;
}

export interface ReadStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  error: boolean;
}

export function isStatusByte(b: number): boolean {
  return (b & 0b1001_0011) === 0b0001_0010;
}

export function readStatus({ printer, offlineCause, paper }: StatusBytes): ReadStatus {
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (offlineCause & 0x20) !== 0 || (paper & 0x60) === 0x60,
    paperNearEnd: (paper & 0x0c) === 0x0c,
    error: (offlineCause & 0x40) !== 0,
  };
}

/** What is wrong, in words staff understand; empty when the printer can print. */
export function statusProblems(s: ReadStatus): string[] {
  const problems: string[] = [];
  if (s.paperOut) problems.push('paper out');
  if (s.coverOpen) problems.push('cover open');
  if (s.error) problems.push('printer error');
  if (!s.online && !problems.length) problems.push('offline');
  return problems;
}

/** True when a ticket sent now would not print. Paper near its end still prints. */
export function blocksPrinting(s: ReadStatus): boolean {
  return !s.online || s.paperOut || s.coverOpen || s.error;
}
