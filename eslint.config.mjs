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

const pureMessage = 'src/core, src/schema, src/engine and src/einvoice stay free of I/O, Office and UI: pass data in, return data out.';

/** A pure layer: no I/O, Office or UI, and nothing from the layers above it. */
function pureLayer(files, above, message) {
  const patterns = [{ group: ioModules, message: pureMessage }];
  if (above.length > 0) patterns.push({ group: above, message });
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'window', 'document', 'process', 'require'],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The layers, bottom up: src/core (money, days, id keys, the output columns) <- src/schema
  // <- src/engine <- src/einvoice and the adapters <- the surfaces. Each pure layer is free of
  // file, network, Office and UI code and imports nothing from the layers above it.
  pureLayer(['src/core/**/*.ts'], ['**/schema/**', '**/engine/**', '**/engine', '**/einvoice/**'],
    'src/core is the bottom layer: it imports nothing else of the project.'),
  pureLayer(['src/schema/**/*.ts'], ['**/engine/**', '**/engine', '**/einvoice/**'],
    'src/schema sits below the engine: what both need belongs in src/core.'),
  pureLayer(['src/engine/**/*.ts'], ['**/einvoice/**'], 'The engine sits below the e-invoice mapping.'),
  pureLayer(['src/einvoice/**/*.ts'], [], ''),
  {
    // Engine functions read in one sitting: a stage's work is split into named steps. A
    // function that truly needs more says why in a comment beside its eslint-disable.
    files: ['src/engine/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
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
