import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Renderer build. `base: './'` keeps every asset URL relative, so the same build loads from the
// Electron app:// protocol, the browser host, file:// and a packaged asar. Nothing comes from a CDN.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
});
