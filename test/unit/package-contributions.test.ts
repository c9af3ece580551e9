/**
 * package.json's contributions against the code: settings against EditorSettings, severity
 * keys against the diagnostic codes, commands against the client's registrations, schemas
 * against the packet kinds, and the .vsix allowlist.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { ActiveContextKey, BlockersViewId, CommandIds } from '../../client/src/commandIds';
import { DiagnosticCodes } from '../../server/src/core/codes';
import { packetKindOf, packetKinds } from '../../server/src/core/kinds';
import { clientOnlySettings, editorSettingDefaults } from '../../server/src/lsp/editorSettings';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Property {
  type: string;
  default: unknown;
  enum?: string[];
  markdownDescription?: string;
  properties?: Record<string, Property>;
  additionalProperties?: boolean;
}

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: boolean | { supported: boolean } };
  repository: { url: string };
  license: string;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    views: Record<string, { id: string; when?: string }[]>;
    configuration: { title: string; properties: Record<string, Property> };
    jsonValidation: { fileMatch: string[]; url: string }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('settings', () => {
  test('contributes exactly governanceLens.<each EditorSettings key> plus the client-only keys', () => {
    const expected = [...Object.keys(editorSettingDefaults), ...clientOnlySettings].map((k) => `governanceLens.${k}`).sort();
    assert.deepEqual(Object.keys(properties).sort(), expected);
    assert.equal(manifest.contributes.configuration.title, 'Governance Lens');
  });

  test('each default equals the server default', () => {
    for (const [key, value] of Object.entries(editorSettingDefaults)) {
      assert.deepEqual(properties[`governanceLens.${key}`]?.default, value, key);
    }
    assert.equal(properties['governanceLens.trace.server']?.default, 'off');
    assert.deepEqual(properties['governanceLens.trace.server']?.enum, ['off', 'messages', 'verbose']);
  });

  test('the severity object has one property per diagnostic code, each a level or off', () => {
    const severity = properties['governanceLens.severity'];
    assert.ok(severity?.properties);
    assert.deepEqual(Object.keys(severity.properties).sort(), [...DiagnosticCodes].sort());
    for (const [code, property] of Object.entries(severity.properties)) {
      assert.deepEqual(property.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
      assert.match(property.markdownDescription ?? '', new RegExp(`\`${code}\``), code);
    }
    assert.equal(severity.additionalProperties, false, 'a misspelt code is flagged in settings.json');
  });

  test('every setting is documented', () => {
    for (const [key, property] of Object.entries(properties)) {
      assert.ok((property.markdownDescription ?? '').length > 20, `${key} has a markdownDescription`);
    }
  });
});

describe('commands', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  const commandsSource = read('client/src/commands.ts');
  const clientSources = readdirSync(join(root, 'client/src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => read(`client/src/${f}`))
    .join('\n');

  test('package.json contributes exactly the command ids the client declares', () => {
    assert.deepEqual(contributed, Object.values(CommandIds).sort());
    for (const id of contributed) assert.ok(clientSources.includes(`'${id}'`), `${id} appears in client/src`);
  });

  test('the client registers every declared command and nothing else', () => {
    assert.match(commandsSource, /commands\.registerCommand\(CommandIds\[key\]/);
    const handlerKeys = [...commandsSource.matchAll(/^ {4}(\w+): \{ title: /gm)].map((m) => m[1]).sort();
    assert.deepEqual(handlerKeys, Object.keys(CommandIds).sort());
  });

  test('public commands are in the Governance category; internal ones are hidden from the palette', () => {
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Governance', c.command);
    const hidden = manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command).sort();
    assert.deepEqual(hidden, [CommandIds.openBlocker, CommandIds.openLocation, CommandIds.showReferences].sort());
  });

  test('the blockers view is in the Explorer and waits for the running server', () => {
    const view = manifest.contributes.views.explorer?.find((v) => v.id === BlockersViewId);
    assert.equal(view?.when, ActiveContextKey);
  });
});

describe('schemas and grammar', () => {
  const validations = manifest.contributes.jsonValidation;

  test('every jsonValidation url exists, and every packet kind and .govlens.json has one', () => {
    for (const v of validations) assert.ok(existsSync(join(root, v.url)), v.url);
    for (const kind of packetKinds) {
      const entry = validations.find((v) => v.url === `./schemas/${kind}.schema.json`);
      assert.ok(entry, kind);
      assert.ok(entry.fileMatch.includes(`**/*packet*/**/${kind}.json`), `${kind}: the plain file name`);
      assert.ok(entry.fileMatch.includes(`**/*packet*/**/*-${kind}.json`), `${kind}: the prefixed file name`);
    }
    assert.ok(validations.some((v) => v.url === './schemas/govlens-config.schema.json' && v.fileMatch.includes('.govlens.json')));
  });

  test('the example KB packet documents each match the schema of their kind (and only that one)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.json')) files.push(path);
      }
    };
    walk('examples/kb');
    const packetDocs = files.filter((f) => /packet/.test(f) && packetKindOf(f, undefined));
    assert.ok(packetDocs.length >= 1);
    for (const file of [...packetDocs, 'kb/fix7-packet/fix7-p0-precondition-checklist.json']) {
      // VS Code's JSON service matches fileMatch against the path with **/ in front.
      const urls = validations.filter((v) => v.fileMatch.some((g) => picomatch(`**/${g}`)(file))).map((v) => v.url);
      assert.deepEqual(urls, [`./schemas/${packetKindOf(file, undefined)}.schema.json`], file);
    }
    const outside = 'docs/production-readiness-blocker-map.json';
    assert.ok(!validations.some((v) => v.fileMatch.some((g) => picomatch(`**/${g}`)(outside))), 'no packet folder, no packet schema');
  });

  // VS Code appends a property's description to every hover on it, after our own card: a
  // paragraph there buries the card. Long explanations live in docs/packet-fields.md.
  test('every description in every shipped schema is one short line', () => {
    const long: string[] = [];
    const walk = (node: unknown, at: string, file: string) => {
      if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${at}/${i}`, file));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'description' || key === 'markdownDescription') && typeof value === 'string') {
            if (value.length > 100 || /[\r\n]/.test(value) || value.trim() === '') long.push(`${file}${at}/${key} (${value.length} chars): ${value}`);
          } else walk(value, `${at}/${key}`, file);
        }
      }
    };
    const schemas = readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.json'));
    assert.ok(schemas.length >= 7, 'the six packet kinds and .govlens.json');
    for (const file of schemas) walk(JSON.parse(read(`schemas/${file}`)), '', file);
    assert.deepEqual(long, []);
  });

  test('the injection grammar exists and is injected into Markdown and JSON', () => {
    const [grammar] = manifest.contributes.grammars;
    assert.ok(grammar && existsSync(join(root, grammar.path)), 'grammar file');
    const raw = JSON.parse(read(grammar.path)) as { scopeName: string; injectionSelector?: string };
    assert.equal(raw.scopeName, grammar.scopeName);
    assert.ok(raw.injectionSelector);
    assert.deepEqual([...grammar.injectTo].sort(), ['source.json', 'text.html.markdown']);
  });
});

describe('manifest and packaging', () => {
  test('entry, engine, activation, capabilities and licence', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.engines.vscode, '^1.91.0');
    assert.ok(manifest.activationEvents.length > 0);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    const virtual = manifest.capabilities.virtualWorkspaces;
    assert.equal(typeof virtual === 'boolean' ? virtual : virtual.supported, false);
    assert.equal(manifest.license, 'MIT');
    assert.ok(existsSync(join(root, 'LICENSE')));
    assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
  });

  test('.vscodeignore excludes everything and re-includes only what the extension needs', () => {
    const lines = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**', 'starts by excluding everything');
    assert.deepEqual(lines.slice(1).sort(), ['!LICENSE', '!README.md', '!dist/client.js', '!dist/server.js', '!package.json', '!schemas/*.schema.json', '!syntaxes/**'].sort());
    assert.ok(lines.includes(`!${manifest.main.replace(/^\.\//, '')}`), 'the entry point is shipped');
  });
});
