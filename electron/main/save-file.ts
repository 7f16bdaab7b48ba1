// Saving a file the page has (the history CSV) where staff choose. The window refuses browser
// downloads (hardening.ts), so the page hands the file to the shell, which asks where with the
// system's save dialog and writes it. The page never names a path: it suggests a file name, and
// only the name's last segment, cleaned, reaches the dialog.
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/shell-door.js';
import type { SaveFileResult } from '../../shared/contract.js';

/** Far above a year of history as CSV; a bigger string is not ours. */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

export const SaveFileRequest = z
  .object({
    name: z.string().min(1).max(200),
    contentType: z.string().max(100),
    content: z.string().max(MAX_SAVE_BYTES),
  })
  .strict();

/** A file name safe on Windows, macOS and Linux, with the extension the content type implies. */
export function safeFileName(suggested: string, contentType: string): string {
  const base = path.win32.basename(path.posix.basename(suggested));
  let name = base
    // Control characters and the characters Windows forbids in a name.
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  // Device names Windows will not create whatever the extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = `_${name}`;
  const extension = contentType.startsWith('text/csv') ? '.csv' : '';
  if (!name) name = `export${extension}`;
  if (extension && !name.toLowerCase().endsWith(extension)) name += extension;
  return name;
}

export interface SaveFileDeps {
  /** The save dialog, started at `suggestedPath`; null when staff cancel. */
  choosePath(suggestedPath: string, extension: string | null): Promise<string | null>;
  /** Where the dialog opens (the user's Downloads folder). */
  defaultDir(): string;
  log: Logger;
}

/** Validates the page's request, asks where, writes the file whole (temp file + rename). */
export async function saveFileFromPage(
  request: unknown,
  deps: SaveFileDeps,
): Promise<SaveFileResult> {
  const parsed = SaveFileRequest.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        status: 400,
        code: 'invalid_request',
        message: `file.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      },
    };
  }
  const { name, contentType, content } = parsed.data;
  const fileName = safeFileName(name, contentType);
  const target = await deps.choosePath(
    path.join(deps.defaultDir(), fileName),
    path.extname(fileName).slice(1) || null,
  );
  if (!target) return { ok: true, path: null };
  const temp = `${target}.${process.pid}.part`;
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, target);
  } catch (err) {
    deps.log.warn('could not save the file staff asked for', { file: target, err });
    return {
      ok: false,
      error: {
        status: 500,
        code: 'save_failed',
        message: `could not write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      },
    };
  }
  deps.log.info('file saved for staff', { file: target, bytes: Buffer.byteLength(content) });
  return { ok: true, path: target };
}
