// ESLint: TypeScript rules plus the one-way import boundaries of DESIGN.md.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'util'],
      message: 'The core runs in the browser too: keep Node APIs in src/cli.',
    },
  ],
};

const NO_CODE_FROM_STRINGS = [
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

const NO_MARKUP_FROM_DATA = [
  ...NO_CODE_FROM_STRINGS,
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Report text is data, never markup.',
  },
];

// ECharts puts tooltip strings into innerHTML: chart code writes no HTML of
// its own; src/charts/tooltip.ts escapes the data and adds the line breaks.
const HAND_BUILT_HTML =
  'No HTML in chart code: build tooltips with tooltipHtml (src/charts/tooltip.ts).';
const NO_HAND_BUILT_HTML = [
  ...NO_MARKUP_FROM_DATA,
  { selector: 'TemplateElement[value.raw=/<\\/?[a-zA-Z!]/]', message: HAND_BUILT_HTML },
  { selector: 'Literal[value=/<\\/?[a-zA-Z!]/]', message: HAND_BUILT_HTML },
];

// Each folder of src/features is a feature: it imports no other feature and
// not the app shell (features meet in src/app). A new folder is covered as it appears.
const FEATURES = readdirSync(`${import.meta.dirname}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const FEATURE_ZONES = FEATURES.flatMap((feature) => [
  {
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'No feature imports another feature; they meet in src/app.',
  },
  {
    target: `./src/features/${feature}`,
    from: './src/app',
    message: 'Features do not import the app shell.',
  },
]);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-demo/',
      'dist-cli/',
      '.demo/',
      'public/data/',
      '.bench/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/catalog',
              from: './src',
              except: ['./catalog'],
              message: 'The catalog is the leaf everything else reads.',
            },
            {
              target: './src/extract',
              from: './src',
              except: ['./extract', './catalog'],
              message: 'The extractor may use the catalog only.',
            },
            {
              target: './src/cli',
              from: './src',
              except: ['./cli', './extract', './catalog', './preview', './documents'],
              message:
                'The CLI wraps the extractor (and draws the first chart through src/preview); it knows nothing else of the app.',
            },
            {
              target: './src/i18n',
              from: './src',
              except: ['./i18n', './catalog'],
              message: 'Strings read the catalog only.',
            },
            {
              target: './src/dataset',
              from: './src',
              except: ['./dataset', './catalog', './extract'],
              message: 'The data layer reads the catalog and the extractor only.',
            },
            {
              target: './src/importer',
              from: './src',
              except: [
                './importer',
                './extract',
                './catalog',
                './dataset',
                './documents',
                './preview',
                './components/chart/echarts-setup.ts',
              ],
              message:
                'The importer runs the extractor on dropped files; it knows nothing of the views.',
            },
            {
              // The importer is a chunk of its own, reached through its store slice and its view.
              target: [
                './src/!(importer|features|store)/**',
                './src/*.ts',
                './src/features/!(import)/**',
                './src/store/!(import-slice).ts',
              ],
              from: './src/importer',
              message: 'Only the import view and the import slice of the store use the importer.',
            },
            {
              target: './src/documents',
              from: './src',
              except: ['./documents', './extract', './catalog'],
              message: 'Reading documents into text uses the extractor’s decoder only.',
            },
            {
              target: './src/preview',
              from: './src',
              except: [
                './preview',
                './catalog',
                './extract',
                './dataset',
                './i18n',
                './components/chart/echarts-setup.ts',
                './features/ranking/ranking-chart.ts',
                './store/url.ts',
              ],
              message:
                'The first chart as images draws with the ranking chart and the data layer, nothing else.',
            },
            {
              target: './src/store',
              from: './src',
              except: ['./store', './dataset', './importer', './catalog', './i18n'],
              message: 'The store sits on the data layer; features sit on the store.',
            },
            {
              target: './src/export',
              from: './src',
              except: ['./export'],
              message: 'Exports are pure leaves.',
            },
            {
              target: './src/charts',
              from: './src',
              except: ['./charts'],
              message: 'Chart option builders are pure leaves.',
            },
            {
              target: './src/components',
              from: './src',
              except: ['./components', './dataset/model.ts', './i18n', './catalog', './export'],
              message: 'Components are presentational: no store, no features.',
            },
            ...FEATURE_ZONES,
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...NO_CODE_FROM_STRINGS],
    },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      // Without it the plugin cannot read a TypeScript module it follows, and sees no cycle.
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Not read for their exports: the cycle check would walk every package's modules.
      'import/ignore': ['node_modules'],
    },
  },
  {
    // Cycles among the app's and the extractor's modules (tests and scripts only import them).
    // Following imports into node_modules would cost most of the lint's time and find none of ours.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...NO_MARKUP_FROM_DATA],
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Everything that hands ECharts an option, a formatter or a name.
    files: [
      'src/charts/**/*.ts',
      'src/components/chart/**/*.{ts,tsx}',
      'src/features/**/*-chart.ts',
      'src/app/early-chart.ts',
    ],
    ignores: ['src/charts/tooltip.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HAND_BUILT_HTML] },
  },
  {
    files: ['src/catalog/**/*.ts', 'src/extract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', NODE_BUILTINS] },
  },
  {
    // The one plain script the page runs before the app (see index.html).
    files: ['public/boot.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { fetch: 'readonly', URL: 'readonly', document: 'readonly', globalThis: 'readonly' },
    },
  },
);
