/**
 * The web app: sources in src/web, built into dist/web, which the server serves in production.
 * In development Vite runs on 5173 and passes /api to the server on 3000, so cookies stay
 * same-origin exactly as in production.
 */
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
/** A key starting with ^ is a regular expression to Vite: /api/… unless it names a .ts/.tsx file. */
const API_PATHS = '^/api/(?![^?]*\\.tsx?(\\?|$))';

export default defineConfig({
  root: path.join(root, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    // Every /api request goes to the server, except the web app's own modules in src/web/api/
    // (e.g. /api/client.ts), which share the prefix in development.
    proxy: { [API_PATHS]: { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
