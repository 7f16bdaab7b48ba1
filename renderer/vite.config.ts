// Vite builds the cashier UI into renderer/dist. Headless mode (electron/headless.ts) serves that
// folder on the local listener, and the Electron shell loads the same files, so asset URLs are
// relative (`base: './'`) and nothing depends on a dev server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No node:path here: the lint rules treat renderer/ as browser code, and Vite resolves these.
const rendererRoot = import.meta.dirname;
const repoRoot = `${rendererRoot}/..`;

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  // Sounds live in resources/sounds (shared with the installer art); allow the dev server to read them.
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: `${rendererRoot}/dist`,
    emptyOutDir: true,
    // Electron's Chromium and Debian's Chromium: no need to down-level for old browsers.
    target: 'chrome120',
    // WAV files must stay files: the CSP allows data: media, but decoding from a URL keeps one path.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
