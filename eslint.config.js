// ESLint: typescript-eslint's recommended rules, Prettier for layout, and the direction rule
// `addin → domain ← server` for package imports (tsconfig project references catch the
// relative ones: a file outside a project's references does not compile).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'test-artifacts/', '.tmp*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.|zod$)',
              message: 'domain/ is pure TypeScript: only relative imports and zod.',
            },
            { group: ['**/server/**', '**/addin/**'], message: 'domain/ never imports server/ or addin/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/addin/**', 'react', 'react-dom', '@fluentui/*', '@microsoft/office-js'],
              message: 'server/ never imports the add-in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['addin/**/*.ts', 'addin/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'express', 'sqlite3', 'node:*'],
              message: 'addin/ never imports the service or Node.',
            },
          ],
        },
      ],
    },
  },
);
