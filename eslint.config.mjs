// Lint: TypeScript rules everywhere, and the architecture invariant that the engine is pure.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.scratch/**', '.test-artifacts/**', 'test/editor/workspace/**', '**/*.vsix'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Architecture invariant: server/src/core is pure. No editor, no protocol, no Node built-ins.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'The core must not depend on an editor or LSP library.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'util', 'worker_threads', 'events', 'stream', 'crypto'], message: 'The core must not use Node built-ins; do I/O at the edge (lsp/ or cli/).' },
          { group: ['../lsp/*', '../../lsp/*', '../cli/*', '../../cli/*', '**/lsp/**', '**/cli/**'], message: 'The core must not import the hosts.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
  {
    // The client only talks to the server through the shared protocol types.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/src/core/**', '**/server/src/lsp/**'], message: 'The client imports only server/src/protocol.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', window: 'readonly', document: 'readonly' } },
  },
);
