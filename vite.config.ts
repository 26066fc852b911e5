import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The chart and data-layer chunks are imported dynamically so they do not
 * block the first paint; a modulepreload link lets the browser fetch them in
 * parallel with the entry instead of after it.
 */
function preloadLazyChunks(names: readonly string[]): Plugin {
  return {
    name: 'preload-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {};
        return Object.values(bundle)
          .filter(
            (chunk) =>
              chunk.type === 'chunk' &&
              chunk.isDynamicEntry &&
              names.some((n) => chunk.facadeModuleId?.endsWith(n) === true),
          )
          .map((chunk) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', href: `./${chunk.fileName}`, 'data-lazy': '' },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

// Relative asset paths and hash routing: dist/ works under any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), preloadLazyChunks(['components/chart/EChart.tsx', 'dataset/load.ts'])],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
