import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// A relative base lets the built app run from any static folder (an intranet share, a file server).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Two cores on CI machines: keep parallelism modest.
    maxWorkers: 2,
  },
});
