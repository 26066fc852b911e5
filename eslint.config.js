// ESLint: TypeScript rules plus the one-way import boundaries of DESIGN.md.
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'util'],
      message: 'The core runs in the browser too: keep Node APIs in src/cli.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'public/data/', '.bench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'import/no-cycle': 'error',
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
              except: ['./cli', './extract', './catalog'],
              message: 'The CLI wraps the extractor; it knows nothing of the app.',
            },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
  },
  {
    files: ['src/catalog/**/*.ts', 'src/extract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', NODE_BUILTINS] },
  },
);
