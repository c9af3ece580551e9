/**
 * The TextMate injection grammar (syntaxes/governance.injection.tmLanguage.json), run by the
 * same engine VS Code uses (vscode-textmate + Oniguruma) over minimal base grammars that keep
 * the scope names of VS Code's Markdown and JSON grammars, so the injection selector is
 * exercised exactly as in the editor.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';
import { patternsFor, withDefaults } from '../../server/src/core/settings';

const root = join(import.meta.dirname, '..', '..');
const injectionPath = join(root, 'syntaxes', 'governance.injection.tmLanguage.json');
const injection = JSON.parse(readFileSync(injectionPath, 'utf8')) as IRawGrammar & { injectionSelector: string };

const ID = 'variable.other.constant.governance-id.governance';
const TICKET = 'constant.numeric.ticket.governance';
const RANGE = 'meta.ticket-range.governance';
const BLOCKED = 'keyword.other.status.blocked.governance';
const PENDING = 'keyword.other.status.pending.governance';
const PASSED = 'keyword.other.status.passed.governance';

// Scope names as in VS Code's markdown-basics and json grammars; only the rules the selector cares about.
const markdownGrammar = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#fenced-json' }, { include: '#fenced' }, { include: '#indented' }, { include: '#comment' }, { include: '#inline-code' }, { include: '#link' }],
  repository: {
    'fenced-json': {
      begin: '^(`{3,})\\s*json\\s*$',
      end: '^\\1\\s*$',
      name: 'markup.fenced_code.block.markdown',
      contentName: 'meta.embedded.block.json',
      patterns: [{ include: 'source.json' }],
    },
    fenced: { begin: '^(`{3,}).*$', end: '^\\1\\s*$', name: 'markup.fenced_code.block.markdown' },
    indented: { match: '^(?: {4}|\\t).*$', name: 'markup.raw.block.markdown' },
    comment: { begin: '<!--', end: '-->', name: 'comment.block.html' },
    'inline-code': { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
    // begin/end (VS Code's is one match) so the injection would reach the target unless the selector excludes it.
    link: { begin: '\\[[^\\]]*\\]\\(', end: '\\)', name: 'meta.link.inline.markdown', contentName: 'markup.underline.link.markdown' },
  },
};

const jsonGrammar = {
  scopeName: 'source.json',
  patterns: [{ include: '#value' }],
  repository: {
    value: { patterns: [{ include: '#object' }, { include: '#array' }, { include: '#string' }, { include: '#number' }] },
    object: {
      begin: '\\{',
      end: '\\}',
      name: 'meta.structure.dictionary.json',
      patterns: [
        { begin: '"', end: '"', name: 'string.json support.type.property-name.json' },
        { begin: ':', end: '(,)|(?=\\})', name: 'meta.structure.dictionary.value.json', patterns: [{ include: '#value' }] },
      ],
    },
    array: { begin: '\\[', end: '\\]', name: 'meta.structure.array.json', patterns: [{ include: '#value' }, { match: ',' }] },
    string: {
      begin: '"',
      end: '"',
      name: 'string.quoted.double.json',
      patterns: [{ match: '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})', name: 'constant.character.escape.json' }],
    },
    number: { match: '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?', name: 'constant.numeric.json' },
  },
};

let registry: Registry;
const grammars = new Map<string, IGrammar>();

before(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const raw: Record<string, object> = {
    'text.html.markdown': markdownGrammar,
    'source.json': jsonGrammar,
    [injection.scopeName]: injection,
  };
  registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => (raw[scopeName] as IRawGrammar | undefined) ?? null,
    // What package.json's `injectTo` does in VS Code.
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' || scopeName === 'source.json' ? [injection.scopeName] : undefined),
  });
  for (const scope of ['text.html.markdown', 'source.json']) {
    const grammar = await registry.loadGrammar(scope);
    assert.ok(grammar, `${scope} loads`);
    grammars.set(scope, grammar);
  }
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(scope: 'text.html.markdown' | 'source.json', text: string): Token[] {
  const grammar = grammars.get(scope);
  assert.ok(grammar);
  const tokens: Token[] = [];
  let stack = INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = result.ruleStack;
  }
  return tokens;
}

/** The texts of the tokens whose innermost scope is `scope`, in order. */
const withScope = (tokens: Token[], scope: string) => tokens.filter((t) => t.scopes.at(-1) === scope).map((t) => t.text);
const anyGovernanceScope = (tokens: Token[]) => tokens.filter((t) => t.scopes.some((s) => s.endsWith('.governance'))).map((t) => t.text);

describe('governance injection grammar in Markdown prose', () => {
  test('IDs, tickets, ranges and status words get their scopes', () => {
    const tokens = tokenize(
      'text.html.markdown',
      'FIX7-P0-PROD-BIRTH-SURFACE-1 is BLOCKED; TKT-OBJ-450 lies in TKT-OBJ-442..461 (PROPOSED), PC-7 is PASS.',
    );
    assert.deepEqual(withScope(tokens, ID), ['FIX7-P0-PROD-BIRTH-SURFACE-1']);
    assert.deepEqual(withScope(tokens, BLOCKED), ['BLOCKED']);
    assert.deepEqual(withScope(tokens, PENDING), ['PROPOSED']);
    assert.deepEqual(withScope(tokens, PASSED), ['PASS']);
    assert.deepEqual(withScope(tokens, TICKET), ['TKT-OBJ-450', 'TKT-OBJ-442', '461']);
    const range = tokens.filter((t) => t.scopes.includes(RANGE)).map((t) => t.text);
    assert.deepEqual(range, ['TKT-OBJ-442', '..', '461']);
    assert.deepEqual(withScope(tokens, 'punctuation.separator.range.governance'), ['..']);
    assert.equal(tokens[0]?.scopes[0], 'text.html.markdown');
  });

  test('a range may repeat its prefix at the end; another prefix or three dots is not a range', () => {
    const ok = tokenize('text.html.markdown', 'TKT-OBJ-442..TKT-OBJ-461');
    assert.deepEqual(withScope(ok, TICKET), ['TKT-OBJ-442', 'TKT-OBJ-461']);
    for (const bad of ['TKT-OBJ-442..TKT-ABC-461', 'TKT-OBJ-442...461']) {
      const tokens = tokenize('text.html.markdown', bad);
      assert.deepEqual(tokens.filter((t) => t.scopes.includes(RANGE)), [], `${bad} is no range`);
      assert.deepEqual(withScope(tokens, TICKET).slice(0, 1), ['TKT-OBJ-442'], `${bad} still shows its first ticket`);
    }
  });

  test('an ID inside a fenced code block, an indented block, a code span or an HTML comment is not highlighted', () => {
    const tokens = tokenize(
      'text.html.markdown',
      [
        '```',
        'FIX7-P0-PROD-BIRTH-SURFACE-1 BLOCKED TKT-OBJ-450',
        '```',
        '    FIX7-P0-PLAN-SURFACE-1 in an indented block',
        'see `FIX7-P0-PROD-CI-SCOPE-1` and <!-- FIX7-P0-PROD-OPT4-1 HOLD -->',
        '```json',
        '{ "id": "FIX7-P0-PLAN-REALRUN-1" }',
        '```',
        'after the fence: FIX7-P0-PROD-OPT4-1',
      ].join('\n'),
    );
    assert.deepEqual(anyGovernanceScope(tokens), ['FIX7-P0-PROD-OPT4-1']);
    const fenced = tokens.find((t) => t.text.includes('FIX7-P0-PROD-BIRTH-SURFACE-1'));
    assert.ok(fenced?.scopes.includes('markup.fenced_code.block.markdown'), 'the base grammar did scope the fence');
    const embedded = tokens.find((t) => t.text.includes('FIX7-P0-PLAN-REALRUN-1'));
    assert.ok(embedded?.scopes.includes('string.quoted.double.json'), 'the fenced JSON is tokenized as JSON');
  });

  test('a link target is not highlighted, the prose around it is', () => {
    const tokens = tokenize('text.html.markdown', '[the map](notes/FIX7-P0-PROD-OPT4-1) lists FIX7-P0-PROD-OPT4-1');
    assert.deepEqual(withScope(tokens, ID), ['FIX7-P0-PROD-OPT4-1']);
    assert.ok(tokens.some((t) => t.text === 'notes/FIX7-P0-PROD-OPT4-1' && t.scopes.at(-1) === 'markup.underline.link.markdown'));
  });

  test('file names, slugs, longer tokens and lower case are not IDs', () => {
    for (const text of [
      'FIX7-P0-X-1.json',
      'see FIX7-P0-X-1.md here',
      'fix7-p0-prod-birth-surface-1',
      'FIX7-P0-PROD-BIRTH-SURFACE-1-b',
      '_FIX7-P0-PROD-1',
      'FIX7-P0-PROD-1_x',
      'x-FIX7-P0-PROD-1',
      'FIX7-P0',
    ]) {
      assert.deepEqual(withScope(tokenize('text.html.markdown', text), ID), [], text);
    }
  });

  test('a slash or sentence punctuation ends an ID', () => {
    assert.deepEqual(withScope(tokenize('text.html.markdown', 'FIX7-P0-PROD-1/owner.'), ID), ['FIX7-P0-PROD-1']);
    assert.deepEqual(withScope(tokenize('text.html.markdown', 'blocked by FIX7-P0-PROD-1.'), ID), ['FIX7-P0-PROD-1']);
  });

  test('status words only as whole words', () => {
    const tokens = tokenize('text.html.markdown', 'PASSWORD UNBLOCKED NOT-HOLD PRODUCTION_UNKNOWN_NEEDS_SCOPING TBD FORBIDDEN RESOLVED');
    assert.deepEqual(anyGovernanceScope(tokens), ['TBD', 'FORBIDDEN', 'RESOLVED']);
  });

  test('finds exactly the IDs the server finds with the default settings', () => {
    const samples = [
      'FIX7-P0-PROD-OPT4-1 FIX7-P12-REALRUN AB-P3-X',
      'ID/owner FIX7-P0-A-1/FIX7-P0-B-2, (FIX7-P0-PLAN-SURFACE-1)',
      'FIX7-P0-X-1.json FIX7-P0-X-1.md FIX7-P0-X-1. FIX7-P0-Y-2.',
      'a-FIX7-P0-X-1 FIX7-P0-X-1-a FIX7-P0-X-1_ FIX7-P0-X-',
      'TKT-OBJ-442 FIX7-P0-- X-P1-Y-Z-9',
    ];
    const serverId = patternsFor(withDefaults()).id;
    for (const text of samples) {
      const expected = [...text.matchAll(serverId)].map((m) => m[0]);
      assert.deepEqual(withScope(tokenize('text.html.markdown', text), ID), expected, text);
    }
  });
});

describe('governance injection grammar in JSON', () => {
  const doc = [
    '{ "doc": "fix7-p0-production-readiness-blocker-map",',
    '  "FIX7-P0-KEY-1": "a key is not read",',
    '  "blockers": [ { "id": "FIX7-P0-PROD-BIRTH-SURFACE-1", "status": "BLOCKED",',
    '    "evidence": "precondition-checklist.json PC-7 FAIL (FIX7-P0-PLAN-SURFACE-1)" } ],',
    '  "reservations": [ { "range": "TKT-OBJ-442..461", "n": 5 } ] }',
  ].join('\n');

  test('string values are highlighted, object keys are not', () => {
    const tokens = tokenize('source.json', doc);
    assert.deepEqual(withScope(tokens, ID), ['FIX7-P0-PROD-BIRTH-SURFACE-1', 'FIX7-P0-PLAN-SURFACE-1']);
    assert.deepEqual(withScope(tokens, BLOCKED), ['BLOCKED', 'FAIL']);
    assert.deepEqual(withScope(tokens, TICKET), ['TKT-OBJ-442', '461']);
    const id = tokens.find((t) => t.text === 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.deepEqual(id?.scopes.slice(-2), ['string.quoted.double.json', ID]);
    const key = tokens.find((t) => t.text.includes('FIX7-P0-KEY-1'));
    assert.ok(key?.scopes.includes('support.type.property-name.json'), 'the key is a property name');
    assert.ok(!anyGovernanceScope(tokens).includes('FIX7-P0-KEY-1'));
  });

  test('the injection does not change where strings end', () => {
    const tokens = tokenize('source.json', '{ "a": "FIX7-P0-PROD-1", "b": 5 }');
    assert.deepEqual(withScope(tokens, 'constant.numeric.json'), ['5']);
  });

  test('the selector names only the scopes of Markdown and JSON', () => {
    assert.match(injection.injectionSelector, /^L:text\.html\.markdown /);
    assert.match(injection.injectionSelector, /, L:source\.json string\.quoted\.double /);
  });
});
