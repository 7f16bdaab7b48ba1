// Saving a file the Local API answered (the history CSV). In a browser a Blob link does it. The
// desktop shell refuses browser downloads (electron/main/hardening.ts), so inside it the file
// goes through the bridge's `saveFile` (a save dialog) when the shell offers one.
import type { FileDownload } from '../../../../shared/manager.js';
import { desktopBridge } from '../../api/bridge.js';

type SaveFile = (file: FileDownload['file']) => Promise<string | null>;

/** Resolves to where it went: a path (desktop), the file name (browser), or null if canceled. */
export async function saveDownload({ file }: FileDownload): Promise<string | null> {
  const bridge = desktopBridge() as { saveFile?: SaveFile } | null;
  if (bridge?.saveFile) return bridge.saveFile(file);
  // A Blob link would be refused silently inside the shell: say so instead of "exported".
  if (bridge) throw new Error('this desktop app cannot save files yet; export from a browser');
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
