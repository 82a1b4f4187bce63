/** Tests run in plain Node; TypeScript is type-checked once by `tsc` in `npm test`, so ts-jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  moduleNameMapper: {
    // ESM-only and needs Microsoft's online service: tests use a small stub.
    '^office-addin-manifest$': '<rootDir>/test/stubs/officeAddinManifest.ts',
  },
  setupFiles: ['<rootDir>/test/setup/fastCheckSeed.ts'],
  reporters: ['default', '<rootDir>/test/reporters/passFailReporter.js'],
  testTimeout: 60000,
};
