import { defineConfig } from 'vitest/config';

// The tests run the BUILT CLI (dist/bin.js) as a child process: build first (turbo does).
export default defineConfig({
  test: { include: ['test/**/*.test.{ts,tsx}'], testTimeout: 30_000, hookTimeout: 60_000 },
});
