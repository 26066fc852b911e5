import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { pageShell } from './src/app/shell-plugin.ts';
import { CSP_META } from './src/csp.ts';

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
        const files = new Set<string>();
        const add = (fileName: string): void => {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk' || files.has(fileName)) return;
          files.add(fileName);
          // Their static imports too, or they would load one after another.
          chunk.imports.forEach(add);
        };
        for (const chunk of Object.values(bundle)) {
          if (
            chunk.type === 'chunk' &&
            chunk.isDynamicEntry &&
            names.some((n) => chunk.facadeModuleId?.endsWith(n) === true)
          ) {
            add(chunk.fileName);
          }
        }
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
        const eager = new Set(entry?.type === 'chunk' ? [entry.fileName, ...entry.imports] : []);
        return [...files]
          .filter((f) => !eager.has(f))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', href: `./${fileName}`, 'data-lazy': '' },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * The Content-Security-Policy (src/csp.ts) as the built page's first element,
 * ahead of every script and stylesheet it governs. Build only: the dev
 * server injects inline scripts (React's refresh preamble) that it forbids.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Relative asset paths and hash routing: dist/ works under any sub-path.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    pageShell(),
    contentSecurityPolicy(),
    preloadLazyChunks(['components/chart/EChart.tsx', 'dataset/load.ts', 'app/early-chart.ts']),
  ],
  // The parsing worker is an ES module (it shares chunks with the app's data layer).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/temp-root.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
