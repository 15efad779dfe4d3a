// The web app's build: `npm run build` writes web/dist/ (index.html and content-hashed files under
// assets/), which src/web/web.routes.ts serves. No inline script, style or data: URL is emitted,
// so the page's Content-Security-Policy stays 'self' only.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Everything is a file of its own: an inlined data: URL would need a wider CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
