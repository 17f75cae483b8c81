import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The web app is linted too (its .tsx included); only its generated API types are not.
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'apps/web/src/api/schema.d.ts', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // House style, point 2: only repositories, entities, migrations and database wiring touch TypeORM.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.entity.ts',
      '**/migrations/**',
      'libs/core/src/database/**',
      'libs/core/src/audit/audit.module.ts',
      'libs/testing/**',
      '**/*.spec.ts',
      'apps/api/startup.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'typeorm', message: 'Only *.repository.ts and *.entity.ts files touch TypeORM.' }] },
      ],
    },
  },
);
