import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import rooms from './tools/eslint/rooms.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // one room reaches another only through its index.ts (the face); tests may look inside
    files: ['src/server/features/**/*.ts', 'src/web/features/**/*.ts', 'src/web/features/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { rooms },
    rules: { 'rooms/no-reach-in': 'error' },
  },
  {
    files: ['src/cli/**', 'bench/**', 'tests/**', 'bin/**', 'src/server/main.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // HTTP test helpers return loosely typed JSON bodies; assertions check their shape.
    files: ['tests/**', 'src/**/*.test.ts', 'src/**/*.int.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
