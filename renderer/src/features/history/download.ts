// Saving a file the Local API answered (the history CSV). In a browser a Blob link does it. The
// desktop shell refuses browser downloads (electron/main/hardening.ts), so inside it the file
// goes through the bridge's `saveFile`: the system's save dialog, written by the shell.
import type { FileDownload } from '../../../../shared/manager.js';
import type { Transport } from '../../api/transport.js';
import { LocalApiError } from '../../api/client.js';

/** Resolves to where it went: a path (desktop), the file name (browser), or null if canceled. */
export async function saveDownload(
  transport: Transport,
  { file }: FileDownload,
): Promise<string | null> {
  if (transport.kind === 'ipc') {
    const saved = await transport.bridge.saveFile(file);
    if (!saved.ok) {
      const { status, code, message, field } = saved.error;
      throw new LocalApiError(status, code, message, field);
    }
    return saved.path;
  }
  const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the data once the click is handled; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return file.name;
}
