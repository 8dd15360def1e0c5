import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the preview service, the diff and the pointer -> range mapping are pure.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
