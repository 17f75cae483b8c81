// Jest runs in ESM mode: Nest 12 packages are ES modules (see docs/development.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      // Resolves the @app/* aliases at transform time, also for globalSetup (which ignores moduleNameMapper).
      baseUrl: import.meta.dirname,
      paths: { '@app/*': ['libs/*/src'] },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@app/(core|auth|crm|testing|outreach|reporting)$': '<rootDir>/libs/$1/src',
    '^@app/(core|auth|crm|testing|outreach|reporting)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testEnvironment: 'node',
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      ...common,
      displayName: 'security',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      testTimeout: 120000,
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      testTimeout: 120000,
    },
    {
      ...common,
      displayName: 'chaos',
      // Faults during a campaign (docs/reliability.md): a short profile in CI, CHAOS_PROFILE=full via npm run test:chaos.
      testMatch: ['<rootDir>/tests/chaos/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    // `npm run test:soak` only (SOAK=1): 30 minutes, never part of npm test.
    ...(process.env.SOAK
      ? [
          {
            ...common,
            displayName: 'soak',
            testMatch: ['<rootDir>/tests/soak/**/*.test.ts'],
            globalSetup: '<rootDir>/tests/support/global-setup.ts',
            globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
          },
        ]
      : []),
  ],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
};
