import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { createLanguageService, RenameError } from '../../server/src/core/service';
import type { Position } from '../../server/src/core/types';
import { analyzerFor, cleanKb, json, NOTE, PACKET, slice } from '../helpers/kb';
import { positionOf } from '../helpers/position';

const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const INVENTORY = `${PACKET}/mutation-inventory.json`;
const CHECKLIST = `${PACKET}/precondition-checklist.json`;
const RESERVATIONS = `${PACKET}/ticket-reservations.json`;

/** A service over files, and the position `offset` characters into the `nth` occurrence of `needle`. */
function setup(files = cleanKb()) {
  const { analyzer, workspace } = analyzerFor(files);
  const service = createLanguageService(analyzer, { linkTo: (path, at) => `file:///ws/${path}${at ? `#L${at.line + 1},${at.character + 1}` : ''}` });
  const at = (path: string, needle: string, offset = 0, nth = 0): Position => positionOf(files[path] ?? '', needle, offset, nth);
  const lineOf = (path: string, position: Position) => (files[path] ?? '').split('\n')[position.line] ?? '';
  return { files, analyzer, workspace, service, at, lineOf };
}

describe('hover cards', () => {
  test('a blocker ID: item, status, blocks, actor, next action, evidence links, origin', () => {
    const { service, at, files } = setup();
    const hover = service.hover(NOTE, at(NOTE, 'FIX7-P0-PROD-BIRTH-SURFACE-1', 3));
    assert.ok(hover);
    assert.equal(slice(files[NOTE] ?? '', hover.range), 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.match(hover.contents, /^\*\*FIX7-P0-PROD-BIRTH-SURFACE-1\*\* · blocker · \*\*unresolved\*\*/);
    assert.match(hover.contents, /surface unscoped/);
    assert.match(hover.contents, /\| Blocks \| production \|/);
    assert.match(hover.contents, /\| Actor needed \| operator \|/);
    assert.match(hover.contents, /Evidence: \[`mutation-inventory\.json surface 5 PRODUCTION_UNKNOWN_NEEDS_SCOPING \(FIX7-P0-PLAN-SURFACE-1\)`\]\(file:\/\/\/ws\/kb\/fix7-p0-demo-packet-2026-06-12\/mutation-inventory\.json#L\d+,\d+\)/);
    assert.match(hover.contents, /From \[`production-readiness-blocker-map\.json`\]\(file:\/\/\/ws\/kb\/fix7-p0-demo-packet-2026-06-12\/production-readiness-blocker-map\.json#L\d+,\d+\) \(2026-06-12\) · packet `fix7-p0-demo-packet-2026-06-12` · 1 reference$/);
  });

  test('a resolved blocker names the map that resolved it', () => {
    const files = cleanKb();
    files[`kb/fix7-p1-next-packet-2026-07-01/production-readiness-blocker-map.json`] = json({ doc: 'x', date: '2026-07-01', blockers: [], resolved_in_this_macro: ['FIX7-P0-PLAN-REALRUN-1'] });
    const { service, at } = setup(files);
    const hover = service.hover(MAP, at(MAP, 'FIX7-P0-PLAN-REALRUN-1', 1));
    // Named from its packet on (every packet's map has this file name); the link has the full path.
    assert.match(hover?.contents ?? '', /\*\*resolved by \[`fix7-p1-next-packet-2026-07-01\/production-readiness-blocker-map\.json`\]\(file:\/\/\/ws\/kb\/fix7-p1-next-packet-2026-07-01\/production-readiness-blocker-map\.json\) \(resolved_in_this_macro\)\*\*/);
  });

  test('an ID that is not a blocker shows its entry; an undefined ID says so', () => {
    const files = cleanKb();
    files[NOTE] += '\nPlan FIX7-P0-PLAN-SURFACE-1 and FIX7-P0-NOWHERE-1.\n';
    const { service, at } = setup(files);
    assert.match(service.hover(NOTE, at(NOTE, 'FIX7-P0-PLAN-SURFACE-1'))?.contents ?? '', /\*\*FIX7-P0-PLAN-SURFACE-1\*\* · defined in \[`fix7-p0-demo-packet-2026-06-12\/mutation-inventory\.json`\]\(file:\/\/\/ws\/kb\/fix7-p0-demo-packet-2026-06-12\/mutation-inventory\.json#L\d+,\d+\)/);
    assert.match(service.hover(NOTE, at(NOTE, 'FIX7-P0-NOWHERE-1'))?.contents ?? '', /Not defined anywhere in the workspace/);
  });

  test('a ticket range: count, reservation, status and flags', () => {
    const { service, at } = setup();
    const hover = service.hover(NOTE, at(NOTE, 'TKT-OBJ-442..461', 9));
    assert.match(hover?.contents ?? '', /^\*\*TKT-OBJ-442\.\.461\*\* · 20 tickets/);
    assert.match(hover?.contents ?? '', /Reserved by \[`TKT-OBJ-442\.\.461`\]\(.*ticket-reservations\.json#L\d+,\d+\) in `fix7-p0-demo-packet-2026-06-12\/ticket-reservations\.json` · status \*\*PROPOSED\*\* · apply now: no · folded: no · 2026-06-12/);
    const own = setup().service.hover(RESERVATIONS, at(RESERVATIONS, 'TKT-OBJ-442', 2));
    assert.match(own?.contents ?? '', /This reservation in/);
  });

  test('an unreserved ticket says no reservation covers it', () => {
    const files = cleanKb();
    files[NOTE] += '\nAlso TKT-OBJ-900.\n';
    const { service, at } = setup(files);
    assert.match(service.hover(NOTE, at(NOTE, 'TKT-OBJ-900'))?.contents ?? '', /1 ticket\n\nNot reserved/);
  });

  test('an evidence reference: the cited entry with its status and item', () => {
    const { service, at } = setup();
    const hover = service.hover(NOTE, at(NOTE, 'precondition-checklist.json PC-7', 2));
    assert.match(hover?.contents ?? '', /^\*\*PC-7\*\* in \[`fix7-p0-demo-packet-2026-06-12\/precondition-checklist\.json`\]\(.*#L\d+,\d+\) · status \*\*FAIL\*\*\n\nREAL_RUN grant/);
    assert.match(hover?.contents ?? '', /doc: `fix7-p0-precondition-checklist`/);
  });

  test('a path without an anchor: the file with its doc; a missing file says so', () => {
    const files = cleanKb();
    files[NOTE] += '\nSee missing-file.json too.\n';
    const { service, at } = setup(files);
    assert.match(service.hover(NOTE, at(NOTE, 'production-readiness-blocker-map.json'))?.contents ?? '', /doc: `fix7-p0-production-readiness-blocker-map` · 2026-06-12/);
    assert.match(service.hover(NOTE, at(NOTE, 'missing-file.json'))?.contents ?? '', /`missing-file\.json`: no such file/);
  });

  test('a grant claim: what the governing lock grants and withholds', () => {
    const files = cleanKb();
    files[`${PACKET}/delegation-and-authority-lock.json`] = json({
      doc: 'fix7-p0-delegation-and-authority-lock',
      date: '2026-06-12',
      grants: [{ id: 'G-1', scope: 'no-production', actions: ['KB documents'] }],
      withheld: [{ action: 'REAL_RUN', needs: 'FIX7-P0-PLAN-REALRUN-1' }],
    });
    files[NOTE] += '\nREAL_RUN granted by the owner, see precondition-checklist.json.\n';
    const { service, at } = setup(files);
    const hover = service.hover(NOTE, at(NOTE, 'granted'));
    assert.match(hover?.contents ?? '', /\*\*Production grant claim\*\* · `REAL_RUN`/);
    assert.match(hover?.contents ?? '', /does \*\*not\*\* grant `REAL_RUN`/);
    assert.match(hover?.contents ?? '', /- withholds `REAL_RUN` until `FIX7-P0-PLAN-REALRUN-1`/);
    // The decision explained: the cue, how it asserts, and what was ruled out.
    assert.match(hover?.contents ?? '', /Cue `granted` states the action as granted/);
    assert.match(hover?.contents ?? '', /Read as asserted: present fact, not negated, no condition/);
  });

  test('the hover on a claim naming several actions lists them, and a revoked production grant is shown not in force', () => {
    const files = cleanKb();
    files[`${PACKET}/delegation-and-authority-lock.json`] = json({
      doc: 'fix7-p0-delegation-and-authority-lock',
      date: '2026-06-12',
      grants: [{ id: 'G-CUT', scope: 'production', actions: ['cutover'], status: 'REVOKED' }],
      withheld: [{ action: 'repoint' }],
    });
    files[NOTE] += '\nRepoint and cutover were executed last night.\n';
    const { service, at } = setup(files);
    const hover = service.hover(NOTE, at(NOTE, 'executed'))?.contents ?? '';
    assert.match(hover, /\*\*Production grant claim\*\* · `repoint`, `cutover`/);
    assert.match(hover, /reports the action as carried out/);
    assert.match(hover, /does \*\*not\*\* grant `repoint`, does \*\*not\*\* grant `cutover`/);
    assert.match(hover, /`G-CUT`: scope `production`, `cutover` \(REVOKED: not in force\)/);
  });

  test('plain prose has no hover', () => {
    const { service, at } = setup();
    assert.equal(service.hover(NOTE, at(NOTE, 'Owner note', 2)), undefined);
    assert.equal(service.hover('kb/missing.md', { line: 0, character: 0 }), undefined);
  });
});

describe('go to definition', () => {
  test('an ID in a note → its id value in the map, then its evidence (service-citedEvidence.test.ts); also with the cursor right after it', () => {
    const { service, at, lineOf } = setup();
    for (const offset of [0, 'FIX7-P0-PROD-BIRTH-SURFACE-1'.length]) {
      const [location, evidence, ...rest] = service.definition(NOTE, at(NOTE, 'FIX7-P0-PROD-BIRTH-SURFACE-1', offset));
      assert.equal(rest.length, 0);
      assert.equal(location?.path, MAP);
      assert.match(lineOf(MAP, location?.range.start ?? { line: -1, character: 0 }), /"id": "FIX7-P0-PROD-BIRTH-SURFACE-1"/);
      assert.equal(evidence?.path, INVENTORY);
    }
  });

  test('a blocker defined in two maps: the latest definition first', () => {
    const files = cleanKb();
    const later = `kb/fix7-p1-next-packet-2026-07-01/production-readiness-blocker-map.json`;
    files[later] = json({ doc: 'x', date: '2026-07-01', blockers: [{ id: 'FIX7-P0-PROD-BIRTH-SURFACE-1', item: 'still open' }] });
    const { service, at } = setup(files);
    assert.deepEqual(service.definition(NOTE, at(NOTE, 'FIX7-P0-PROD-BIRTH-SURFACE-1')).map((l) => l.path), [later, MAP]);
  });

  test('evidence anchors: surface N, a local ID, forbidden surfaces', () => {
    const { service, at, lineOf } = setup();
    const surface = service.definition(MAP, at(MAP, 'mutation-inventory.json surface 5', 26))[0];
    assert.equal(surface?.path, INVENTORY);
    assert.match(lineOf(INVENTORY, surface?.range.start ?? { line: -1, character: 0 }), /"n": 5/);
    const pc7 = service.definition(NOTE, at(NOTE, 'precondition-checklist.json PC-7'))[0];
    assert.equal(pc7?.path, CHECKLIST);
    assert.match(lineOf(CHECKLIST, pc7?.range.start ?? { line: -1, character: 0 }), /"id": "PC-7"/);
    const forbidden = service.definition(MAP, at(MAP, 'forbidden surfaces'))[0];
    assert.match(lineOf(INVENTORY, forbidden?.range.start ?? { line: -1, character: 0 }), /"n": 6/);
  });

  test('a path without an anchor and a footer → the top of the file', () => {
    const { service, at } = setup();
    assert.deepEqual(service.definition(NOTE, at(NOTE, 'production-readiness-blocker-map.json')), [
      { path: MAP, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    ]);
    assert.equal(service.definition(NOTE, at(NOTE, 'kb/owner-note.md'))[0]?.path, NOTE);
  });

  test('a ticket range → the reservations covering it', () => {
    const { service, at, lineOf } = setup();
    const [reservation] = service.definition(NOTE, at(NOTE, 'TKT-OBJ-442..461'));
    assert.equal(reservation?.path, RESERVATIONS);
    assert.match(lineOf(RESERVATIONS, reservation?.range.start ?? { line: -1, character: 0 }), /"range": "TKT-OBJ-442\.\.461"/);
  });
});

describe('references and rename', () => {
  test('references of an ID across JSON and Markdown, with or without the declaration', () => {
    const { service, at } = setup();
    const position = at(MAP, 'FIX7-P0-PROD-BIRTH-SURFACE-1', 1);
    assert.deepEqual(service.references(MAP, position, true).map((l) => l.path), [MAP, NOTE]);
    assert.deepEqual(service.references(MAP, position, false).map((l) => l.path), [NOTE]);
    assert.deepEqual(service.references(NOTE, at(NOTE, 'Owner'), true), []);
  });

  test('rename edits the definition, every mention and resolved_in_this_macro lists', () => {
    const files = cleanKb();
    const later = `kb/fix7-p1-next-packet-2026-07-01/production-readiness-blocker-map.json`;
    files[later] = json({ doc: 'x', date: '2026-07-01', blockers: [], resolved_in_this_macro: ['FIX7-P0-PROD-BIRTH-SURFACE-1'] });
    const { service, at } = setup(files);
    const edit = service.rename(NOTE, at(NOTE, 'FIX7-P0-PROD-BIRTH-SURFACE-1'), 'FIX7-P0-PROD-BIRTH-SURFACE-9');
    assert.deepEqual(Object.keys(edit).sort(), [MAP, NOTE, later].sort());
    for (const [path, edits] of Object.entries(edit)) {
      for (const e of edits) {
        assert.equal(slice(files[path] ?? '', e.range), 'FIX7-P0-PROD-BIRTH-SURFACE-1');
        assert.equal(e.newText, 'FIX7-P0-PROD-BIRTH-SURFACE-9');
      }
    }
  });

  test('rename refuses non-IDs, malformed names and names already defined', () => {
    const { service, at } = setup();
    assert.throws(() => service.prepareRename(NOTE, at(NOTE, 'Owner')), RenameError);
    assert.deepEqual(service.prepareRename(NOTE, at(NOTE, 'FIX7-P0-PROD-BIRTH-SURFACE-1'))?.placeholder, 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    const position = at(NOTE, 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.throws(() => service.rename(NOTE, position, 'not an id'), /not a governance ID/);
    assert.throws(() => service.rename(NOTE, position, 'FIX7-P0-PROD-CI-SCOPE-1'), /already defined in kb\/.*production-readiness-blocker-map\.json/);
    assert.deepEqual(service.rename(NOTE, position, 'FIX7-P0-PROD-BIRTH-SURFACE-1'), {});
  });
});

describe('document links', () => {
  test('evidence paths with anchors link to the entry; links and the footer to the file', () => {
    const { service, files } = setup();
    const links = service.documentLinks(MAP);
    const surface = links.find((l) => slice(files[MAP] ?? '', l.range) === 'mutation-inventory.json surface 5');
    assert.equal(surface?.path, INVENTORY);
    assert.ok(surface?.at);
    assert.equal(surface?.tooltip, 'Open kb/fix7-p0-demo-packet-2026-06-12/mutation-inventory.json at surface 5');
    const noteLinks = service.documentLinks(NOTE).map((l) => slice(files[NOTE] ?? '', l.range));
    assert.deepEqual(noteLinks, ['precondition-checklist.json PC-7', '…/packet-2026-06-12/production-readiness-blocker-map.json', 'kb/owner-note.md']);
  });

  test('a missing file gets no link', () => {
    const files = cleanKb();
    files[NOTE] = 'See gone.json.\n';
    assert.deepEqual(setup(files).service.documentLinks(NOTE), []);
  });
});

describe('warm-up', () => {
  test('during warm-up the index holds what was read; after it, everything', () => {
    const { analyzer } = setup();
    analyzer.startWarmUp();
    assert.equal(analyzer.isWarm, false);
    assert.equal(analyzer.workspaceIndex().blockers.size, 0);
    while (!analyzer.warmStep(2)) {
      // stepping
    }
    assert.equal(analyzer.isWarm, true);
    assert.equal(analyzer.workspaceIndex().blockers.size, 5);
  });
});

describe('rename writes only governance IDs (issue 13, item 6)', () => {
  test('a new name holding a quote, a backslash or a line break is refused, whatever the ID prefixes allow', () => {
    const files = cleanKb();
    // Prefixes as an editor might pass them unchecked: the name they would allow must still be an ID.
    const analyzer = new Analyzer(new InMemoryWorkspace(files), { idPrefixes: ['FIX7"P0', 'FIX7\\P0', 'FIX7\nP0', 'FIX7-P0'] });
    const service = createLanguageService(analyzer, { linkTo: (p) => p });
    const text = files[NOTE] ?? '';
    const offset = text.indexOf('FIX7-P0-PROD-BIRTH-SURFACE-1') + 2;
    const lines = text.slice(0, offset).split('\n');
    const position = { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
    for (const name of ['FIX7"P0-X-1', 'FIX7\\P0-X-1', 'FIX7\nP0-X-1', 'FIX7-P0-X-"1']) {
      assert.throws(() => service.rename(NOTE, position, name), (e: unknown) => e instanceof RenameError && /is not a governance ID/.test(e.message), JSON.stringify(name));
    }
    assert.throws(() => service.rename(NOTE, position, 42 as unknown as string), RenameError);
  });
});

describe('hover cards quote file names as code, whatever the names hold (issue 13, item 8)', () => {
  // Backtick runs end a code span early; a closing bracket or parenthesis in the link's URI ends it early.
  // (A folder name holds no slash: the injected links are written without one.)
  const folders = ['a``[pwn](https:evil.example)``b', 'x) [pwn](mailto:evil@example.com) (', '`edge`', 'br]ck[et', 'new\nline'];

  test('the card for each shows the path in one code span, inside one link to the file, and nothing else links', () => {
    const files = cleanKb();
    for (const folder of folders) files[`kb/${folder}/unique.json`] = '{}\n';
    // Every character but letters and digits percent-encoded, so the note's own links are plain.
    const pct = (f: string) => f.replace(/[^A-Za-z0-9]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    files[NOTE] = `# Note\n\n${folders.map((f) => `See [it](${pct(f)}/unique.json).`).join('\n\n')}\n`;
    const analyzer = new Analyzer(new InMemoryWorkspace(files));
    const service = createLanguageService(analyzer, { linkTo: (p) => pathToFileURL(`/ws/${p}`).href });
    const lines = (files[NOTE] ?? '').split('\n');
    for (const folder of folders) {
      const line = lines.findIndex((l) => l.includes(pct(folder)));
      const hover = service.hover(NOTE, { line, character: (lines[line]?.indexOf('](') ?? 0) + 3 });
      assert.ok(hover, folder);
      const tree = fromMarkdown(hover.contents);
      const links: { url: string; code: string[] }[] = [];
      const walk = (node: { type: string; url?: string; value?: string; children?: unknown[] }, into?: { code: string[] }) => {
        if (node.type === 'link') {
          const link = { url: node.url ?? '', code: [] as string[] };
          links.push(link);
          for (const child of node.children ?? []) walk(child as typeof node, link);
          return;
        }
        if (node.type === 'inlineCode') into?.code.push(node.value ?? '');
        for (const child of node.children ?? []) walk(child as typeof node, into);
      };
      walk(tree as unknown as Parameters<typeof walk>[0]);
      assert.equal(links.length, 1, `${JSON.stringify(folder)}: ${hover.contents}`);
      assert.ok(links[0]?.url.startsWith('file:///ws/kb/'), links[0]?.url);
      assert.equal(decodeURIComponent(links[0]?.url.slice('file:///ws/'.length) ?? ''), `kb/${folder}/unique.json`);
      assert.deepEqual(links[0]?.code, [`kb/${folder.replace('\n', ' ')}/unique.json`], hover.contents);
    }
  });
});
