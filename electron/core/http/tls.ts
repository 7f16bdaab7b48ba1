// HTTPS for the Stream listener (`stream.tls.certFile` / `keyFile`, PEM). The files are watched:
// a renewed certificate is taken with `setSecureContext`, so the listener never closes and
// connections already open finish on the old one. A half-written renewal (a certificate and a
// key that do not match yet) is logged and the old pair kept until the next change.
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type https from 'node:https';
import type { Logger } from '../util/log.js';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

/** Both files, or an error naming the key and file that could not be read. */
export function readTlsPair(files: TlsFiles): TlsPair {
  const read = (key: string, file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new Error(`${key} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`, {
        cause: err,
      });
    }
  };
  return {
    cert: read('stream.tls.certFile', files.certFile),
    key: read('stream.tls.keyFile', files.keyFile),
  };
}

/** Re-reads the pair whenever either file changes; stops when the server closes. */
export function watchTlsFiles(
  server: https.Server,
  files: TlsFiles,
  log: Logger,
  pollMs: number,
): void {
  const reload = (): void => {
    try {
      server.setSecureContext(readTlsPair(files));
      log.info('stream listener certificate reloaded', { certFile: files.certFile });
    } catch (err) {
      log.warn('stream listener certificate not reloaded; the previous one is still served', {
        reason: (err as Error).message,
      });
    }
  };
  const onChange = (
    now: { mtimeMs: number; size: number },
    before: { mtimeMs: number; size: number },
  ): void => {
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) reload();
  };
  for (const file of [files.certFile, files.keyFile])
    watchFile(file, { interval: pollMs, persistent: false }, onChange);
  server.once('close', () => {
    for (const file of [files.certFile, files.keyFile]) unwatchFile(file, onChange);
  });
}
