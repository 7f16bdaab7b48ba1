// Reading ESC/POS real-time status bytes (DLE EOT 1, 2, 4) and the HTTP driver's auth header.
import { describe, expect, it } from 'vitest';
import { parseAuthHeader } from '../../electron/core/pos/drivers/http-json.js';
import {
  blocksPrinting,
  isStatusByte,
  readStatus,
  statusProblems,
} from '../../electron/core/pos/escpos/status.js';

describe('ESC/POS status', () => {
  it('tells a status byte (bits 1 and 4 on, 0 and 7 off) from anything else', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x1a)).toBe(true);
    expect(isStatusByte(0x72)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x13)).toBe(false);
    expect(isStatusByte(0x92)).toBe(false);
  });

  it('reads online, cover, paper end (from the offline cause or the roll sensor), near end and error', () => {
    const ready = readStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x12 });
    expect(ready).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
    });
    expect(blocksPrinting(ready)).toBe(false);
    expect(statusProblems(ready)).toEqual([]);

    const nearEnd = readStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x1e });
    expect(nearEnd.paperNearEnd).toBe(true);
    expect(blocksPrinting(nearEnd)).toBe(false);

    const out = readStatus({ printer: 0x1a, offlineCause: 0x32, paper: 0x72 });
    expect(out).toMatchObject({ online: false, paperOut: true });
    expect(statusProblems(out)).toEqual(['paper out']);
    const sensorOnly = readStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x72 });
    expect(sensorOnly.paperOut).toBe(true);

    const cover = readStatus({ printer: 0x1a, offlineCause: 0x16, paper: 0x12 });
    expect(statusProblems(cover)).toEqual(['cover open']);
    const broken = readStatus({ printer: 0x1a, offlineCause: 0x52, paper: 0x12 });
    expect(statusProblems(broken)).toEqual(['printer error']);
    const offline = readStatus({ printer: 0x1a, offlineCause: 0x12, paper: 0x12 });
    expect(statusProblems(offline)).toEqual(['offline']);
    expect(blocksPrinting(offline)).toBe(true);
  });
});

describe('HTTP driver auth header', () => {
  it('is the Authorization value, or a header of its own when written "Name: value"', () => {
    expect(parseAuthHeader('Bearer abc.def')).toEqual(['authorization', 'Bearer abc.def']);
    expect(parseAuthHeader('Basic dXNlcjpwYXNz')).toEqual(['authorization', 'Basic dXNlcjpwYXNz']);
    expect(parseAuthHeader('X-Api-Key: s3cr3t:with:colons')).toEqual([
      'x-api-key',
      's3cr3t:with:colons',
    ]);
  });
});
