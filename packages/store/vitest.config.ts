import { defineConfig } from 'vitest/config';

// test/crash.test.ts runs a child process on the BUILT package (dist/): build first (turbo does).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
