import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', '../scripts/**/*.test.ts'],
    environment: 'node',
    // Integration tests boot their own app, database and fake servers; 2 cores are shared.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
