// Runs the benchmark tool's own tests: `npx vitest run --config bench/vitest.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
