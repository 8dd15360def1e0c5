import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything is bundled from npm (Monaco included): the built editor loads nothing from the network.
// `base: './'` lets `zhijian editor` serve dist/ from any path. In `pnpm dev`, /api goes to a
// running `zhijian editor` (default port 5178).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
  },
  server: {
    port: 5179,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.ZHIJIAN_EDITOR_PORT ?? '5178'}`, changeOrigin: true } },
  },
});
