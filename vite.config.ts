import react from '@vitejs/plugin-react';
import { transformWithOxc, type Plugin } from 'vite';
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { configDefaults, defineConfig } from 'vitest/config';
import { pageShell } from './src/app/shell-plugin.ts';
import { LAZY_CHUNKS_META } from './src/app/lazy-chunks.ts';
import { CSP_META } from './src/csp.ts';

/**
 * Test files `npm test` runs on their own once the others are done
 * (ROL_TESTS=alone): one times the page's main thread (its longest task),
 * one runs the CLI on two worker threads again and again and so busies every
 * core itself. The others run side by side on every core
 * (ROL_TESTS=shared); beside these two, browser tests missed their time
 * limits. Unset, vitest runs every file.
 */
const RUN_ALONE = ['test/e2e/import-large.test.ts', 'test/security/cli-output.test.ts'];
const testPhase = process.env['ROL_TESTS'];

/**
 * The chart and data-layer chunks are imported dynamically so they do not
 * block the first paint. Their files (and their static imports) are listed
 * in a `<meta name="lazy-chunks">` of the page; the entry adds modulepreload
 * links for them (app/lazy-chunks.ts), so the browser fetches them in
 * parallel rather than one after another: at once, or on the page whose
 * first chart is the data folder's image once the image is on screen
 * (compiling them would hold it back).
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
        const lazy = [...files].filter((f) => !eager.has(f)).map((f) => `./${f}`);
        return [
          {
            tag: 'meta',
            attrs: { name: LAZY_CHUNKS_META, content: lazy.join(' ') },
            injectTo: 'head' as const,
          },
        ];
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

/**
 * Node's Buffer and stream for the import worker's Word 97–2003 reader
 * (word-extractor's CommonJS files, loaded by src/documents/doc.ts), from
 * vite-plugin-node-polyfills: `buffer`, `stream` and what the stream polyfill
 * requires resolve to its polyfills, and its Buffer and process globals are
 * imported into the modules that use them, no others (pdf.js tells Node by
 * `process`; the rest of the worker never needed them). Only the worker: the
 * page's bundles are built without it.
 *
 * That plugin works through its config hook, and Vite 8 builds a worker with
 * the page's resolved config (its resolve.alias, its build options), so what
 * the hook returns for a worker is dropped: it is read here and applied by
 * this plugin's resolveId and transform hooks.
 */
function readerPolyfills(): Plugin[] {
  /** The modules that use Buffer or process without importing them. */
  const usesNodeGlobals = /\/node_modules\/(?:word-extractor|readable-stream)\/.*\.js$/;
  let alias: Record<string, string> = {};
  let inject: Record<string, [string, string]> = {};
  return [
    ...nodePolyfills({
      include: ['buffer', 'stream', 'events', 'string_decoder'],
      globals: { Buffer: true, process: true, global: false },
      protocolImports: false,
    }),
    {
      name: 'reader-polyfills',
      // After Vite's own transforms: doc.ts is JavaScript by then.
      enforce: 'post',
      config: {
        order: 'post',
        handler(config) {
          const entries = config.resolve?.alias ?? {};
          alias = Array.isArray(entries)
            ? Object.fromEntries(
                entries.flatMap((e: { find: unknown; replacement: string }) =>
                  typeof e.find === 'string' ? [[e.find, e.replacement]] : [],
                ),
              )
            : { ...(entries as Record<string, string>) };
          const transform =
            config.build?.rolldownOptions?.transform ?? config.build?.rollupOptions?.transform;
          // A string names the module's default export (so @rollup/plugin-inject
          // and rolldown read it); Oxc's transform would take the namespace.
          inject = Object.fromEntries(
            Object.entries(transform?.inject ?? {}).map(([name, from]) => [
              name,
              typeof from === 'string' ? [from, 'default'] : from,
            ]),
          );
        },
      },
      resolveId: {
        order: 'pre',
        handler(id, importer, options) {
          const target = alias[id];
          // As an import even for require(): the ES build of the Buffer shim,
          // the one injected, not a second copy from its CommonJS build.
          return target === undefined
            ? null
            : this.resolve(target, importer, { ...options, kind: 'import-statement' });
        },
      },
      transform: {
        filter: { id: usesNodeGlobals },
        async handler(code, id) {
          const result = await transformWithOxc(code, id, { inject, sourcemap: true });
          return { code: result.code, map: result.map };
        },
      },
    },
  ];
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
  // The workers are ES modules (the parsing worker shares chunks with the app's
  // data layer); their builds alone get the .doc reader's Node polyfills.
  worker: { format: 'es', plugins: () => readerPolyfills() },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  test: {
    include: testPhase === 'alone' ? RUN_ALONE : ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(testPhase === 'shared' ? RUN_ALONE : [])],
    // npm test's first run: every core (most of the time is browser tests
    // waiting on Chromium). Otherwise vitest's default, one file at a time
    // here, so a plain `npx vitest run` still times the main thread alone.
    ...(testPhase === 'shared' ? { maxWorkers: '100%' } : {}),
    // `npm test -- <file>` hands the file to the second run, which may not hold it.
    passWithNoTests: testPhase === 'alone',
    globalSetup: ['test/temp-root.ts', 'test/built-cli.ts'],
    // A file that never ends is named and ends the run (test/watchdog.ts).
    reporters: ['default', './test/watchdog.ts'],
    // A browser test loads real pages, on cores another test file shares.
    testTimeout: 30_000,
    // What a test waits to see on such a page (expect.poll) may take more than
    // vitest's one second: a view drawn again in the other language, seen
    // after 1.75 s in a CI run.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
});
