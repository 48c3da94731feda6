// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test/cases/**',
      'test/fixtures/**',
      'test/corpus/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: false },
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The analysis core is pure: plain data in, plain data out. No I/O, no GitHub, no clocks.
    files: ['src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'os'],
              message: 'src/analysis is pure: no Node I/O modules',
            },
            {
              group: ['@actions/*', '@octokit/*', 'probot'],
              message: 'src/analysis must not know GitHub',
            },
            {
              group: ['**/cli/**', '**/github/**', '**/action/**', '**/app/**'],
              message: 'dependencies point inward only',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'pass the clock in' },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/github/**', '**/action/**', '**/app/**', '@actions/*', 'probot'],
              message: 'the CLI stays independent of GitHub',
            },
          ],
        },
      ],
    },
  },
);
