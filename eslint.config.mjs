import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'url', 'worker_threads', 'process', 'stream', 'crypto'];
// The core must not reach the file system, the network, the editor or the LSP connection.
const bannedInCore = [...nodeBuiltins.flatMap((m) => [m, `node:${m}`]), 'vscode', 'vscode-languageserver', 'vscode-languageclient'];
const bannedPatternsInCore = [
  ...nodeBuiltins.flatMap((m) => [`${m}/*`, `node:${m}/*`]),
  'vscode-languageserver/*',
  'vscode-languageclient/*',
  '**/node/**',
  '**/cli/**',
  '**/lsp/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The analysis core is pure: its hosts (CLI, language server, tests) inject all I/O.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: bannedInCore, patterns: bannedPatternsInCore }],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname'],
      'no-console': 'error',
    },
  },
  {
    files: ['bin/*', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly' } },
  },
);
