/**
 * The web app's build: `web/` → `dist/web/` (served by src/server/app.ts). Run from the package
 * root: `vite build` (npm run build:web) or `vite` for development, with the API proxied to a
 * running `fazhi serve` on port 3000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
