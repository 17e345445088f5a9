// Lint: correctness rules that catch real bugs (floating promises, loose equality), and the
// layering rule that keeps the pure core free of Node, the editor and the protocol.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'e2e/**', 'test-output/**', '**/*.d.ts'] },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Text processing matches control characters and escapes hyphens in classes on purpose.
      'no-control-regex': 'off',
      'no-useless-escape': 'off',
    },
  },
  {
    // The core is pure: no file system, no editor, no protocol. IO comes in through the facade's callers.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS.map((name) => ({ name, message: 'The core does no IO: pass data in from server/src/io or the workspace layer.' })), { name: 'vscode', message: 'The core knows no editor.' }],
          patterns: [
            { group: ['node:*'], message: 'The core does no IO: pass data in from server/src/io or the workspace layer.' },
            { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The core knows no protocol: convert in server/src/lsp or a feature file.' },
          ],
        },
      ],
    },
  },
  {
    // Outside the core, the file-reading layer and the client reach the core only through its facade.
    files: ['server/src/io/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/*', '!**/core/index'], message: 'Import the core through its facade, server/src/core/index.ts.' }] }],
    },
  },
  {
    // The server speaks through its connection: stdout is the protocol channel.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
