import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

// eslint-plugin-office-addins' recommended flat config also brings prettier, @eslint/js and its
// own older typescript-eslint parser; only its Office.js rules are taken, at its severities.
const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith('office-addins/')),
);

const ioModules = ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'http', 'https', 'net',
  'exceljs', 'react', 'react-dom', '@fluentui/*', 'office-addin-*', '**/xlsx/**', '**/excel/**',
  '**/cli/**', '**/taskpane/**', '**/functions/**', '**/commands/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine, the schema and the e-invoice mapping are pure: no file, network, Office or UI code may reach them.
    files: ['src/engine/**/*.ts', 'src/schema/**/*.ts', 'src/einvoice/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ioModules, message: 'src/engine, src/schema and src/einvoice stay free of I/O, Office and UI: pass data in, return data out.' }] }],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'window', 'document', 'process', 'require'],
    },
  },
  {
    // The command line and every surface use the engine only through its entry points,
    // src/engine/index.ts: what they depend on is one list, and the engine's files can
    // change shape without touching them.
    files: ['src/cli/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}', 'src/functions/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/excel/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*', '!**/engine/index'], message: 'Import the engine from src/engine (its index.ts); export what is missing there.' }] }],
    },
  },
  {
    // Office.js batching rules (load before read, sync before read, no sync in loops...) for
    // everything that talks to Excel.
    files: ['src/excel/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}', 'src/functions/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinRules,
  },
);
