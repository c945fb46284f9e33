import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// Every API prefix the backend owns; the dev server forwards them so the app stays same-origin, as in production.
const apiPrefixes = ['/auth', '/jobs', '/billing', '/export', '/health', '/docs'];
const apiTarget = 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      apiPrefixes.map((prefix) => [
        prefix,
        {
          target: apiTarget,
          changeOrigin: false,
          // /jobs and /billing are also SPA routes: a browser navigation (Accept: text/html) gets index.html.
          bypass: (req) =>
            req.headers.accept?.includes('text/html') && prefix !== '/docs' ? '/index.html' : undefined,
        },
      ]),
    ),
  },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 800 },
});
