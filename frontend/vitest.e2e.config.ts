import { defineConfig } from 'vitest/config';

// The real-browser journey: a real backend process, SMTP capture and Debian's chromium. Not part of `npm test`
// (it needs frontend/dist and /usr/bin/chromium); run it with `npm run test:e2e -w frontend`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
