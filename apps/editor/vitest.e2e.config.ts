import { defineConfig } from 'vitest/config';

// End-to-end: the BUILT editor served by the BUILT CLI (`zhijian editor`), driven in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // UI updates and saves wait on a worker and a server: poll patiently (a busy CI machine is slow).
    expect: { poll: { timeout: 20_000, interval: 50 } },
  },
});
