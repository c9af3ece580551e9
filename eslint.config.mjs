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
  // The Markdown scanner has one way in (parse/markdown/index.ts); its files import each other by ./name.
  '**/parse/markdown/*',
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
    // The client knows the server only through the shared protocol: from the repository it may
    // import common/protocol and nothing else (client/src is flat, so any other ../ leaves it).
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode-languageserver', message: 'The client uses vscode-languageclient, not the server library.' }],
          patterns: [
            { regex: '^\\.\\./(?!\\.\\./common/protocol$)', message: 'The client may import only ../../common/protocol from outside client/src.' },
            { group: ['vscode-languageserver/*'], message: 'The client uses vscode-languageclient, not the server library.' },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // The server's output belongs to the connection; log through it. Platform access (files,
    // URIs, timers) comes through the injected Runtime, so the server runs on in-memory hosts too.
    files: ['server/src/lsp/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: nodeBuiltins.flatMap((m) => [m, `node:${m}`]), patterns: ['**/node/**', '**/cli/**', 'vscode', 'vscode-languageclient', '**/parse/markdown/*'] }],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname'],
    },
  },
  {
    // Both sides import the protocol; it must not pull either side's library in.
    files: ['common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vscode*', '**/server/**', '**/client/**'] }] },
  },
  {
    // Tests and scripts share code only through tools/ (generators, corpora, the Markdown oracle).
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/scripts/**', '**/parse/markdown/*'] }] },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/test/**', '**/parse/markdown/*'] }] },
  },
  {
    files: ['tools/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/scripts/**', '**/test/**', '**/parse/markdown/*'] }] },
  },
  {
    files: ['bin/*', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly' } },
  },
);
