import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests run against the engine's source, so `npx vitest run` needs no build step and a golden
// run always reflects the current engine (CI builds first anyway).
export default defineConfig({
  resolve: {
    alias: { '@zhijian/core': fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url)) },
  },
  test: { include: ['**/*.test.ts'], exclude: ['node_modules/**'] },
});
