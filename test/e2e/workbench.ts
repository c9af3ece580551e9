/**
 * What a user sees in the VS Code workbench (code-server) with the installed governance-lens.vsix:
 * squiggles and Problems entries that follow typing, the hover card, Ctrl+click (a blocker's
 * definition and cited evidence in a peek) and F12, the code lenses, the command palette's
 * blocker picker, the Governance Blockers view and the status bar; on a two-commit repository,
 * the Blockers view's "vs HEAD" title and Governance: Compare Authority With… (issue 16).
 *
 * usage: node --import tsx test/e2e/workbench.ts <code-server URL> <broken copy> <good copy> <delta repository>
 * (scripts/e2e/vscode.sh starts code-server and makes the copies). Screenshots of every state go
 * to $GOVLENS_SCREENSHOTS (default test-results/vscode). Exit status 0 = every step passed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { packetShortName } from '../../client/src/blockerModel';
import { LATER, LATER_LOCK, RESOLVED } from '../helpers/deltaRepo';
import { git } from '../helpers/git';
import { folderUrl, launchBrowser, type DomNode } from './browser';
import { BLOCKER_EVIDENCE, BLOCKER_ID, BREAKS, EVIDENCE, INVENTORY, lineOf, MAP, NOTE, positionOf, REPO } from './workspaces';

const [BASE, BROKEN, GOOD, DELTA] = process.argv.slice(2);
if (!BASE || !BROKEN || !GOOD || !DELTA) {
  console.error('usage: workbench.ts <code-server URL> <broken copy> <good copy> <delta repository>');
  process.exit(2);
}
const SHOTS = process.env.GOVLENS_SCREENSHOTS || path.join(REPO, 'test-results/vscode');
/** The longest any UI condition may take; the first load of a workbench and the first analysis are the slow ones. */
const TIMEOUT = Number(process.env.GOVLENS_UI_TIMEOUT_MS || 30_000);
/** The page's document, as far as the page functions below use it. */
declare const document: { querySelectorAll(selector: string): Iterable<DomNode> };

const STATUS_ITEM = '[id="governance-lens.governance-lens.governanceLens.blockers"]';

const t0 = Date.now();
const log = (...args: unknown[]) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...args);

/** Polls a condition of the UI (never a fixed sleep) until it holds; the error names the last value seen. */
async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeout = TIMEOUT): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Row {
  level: number;
  label: string;
  description: string;
}

/** One code-server window on one folder. */
class Workbench {
  readonly quickInput: Locator;
  readonly selection: Locator;

  constructor(
    readonly page: Page,
    readonly root: string,
  ) {
    this.quickInput = page.locator('.quick-input-widget input');
    this.selection = page.locator('[id="status.editor.selection"]');
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (e) => log('[pageerror]', e.message));
  }

  async open(): Promise<void> {
    await this.page.goto(folderUrl(BASE!, this.root));
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  async shot(name: string): Promise<void> {
    const file = path.join(SHOTS, `${name}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    log('screenshot', path.relative(REPO, file));
  }

  text(relative: string): string {
    return fs.readFileSync(path.join(this.root, relative), 'utf8');
  }

  /** Quick Open (Ctrl+P) by file name. */
  async openFile(relative: string): Promise<void> {
    const name = path.basename(relative);
    await this.page.keyboard.press('Control+P');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.quickInput.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    await this.waitActiveTab(name);
  }

  async waitActiveTab(name: string, timeout = TIMEOUT): Promise<void> {
    await until('the active tab to be ' + name, () => this.activeTab(), (label) => label.includes(name), timeout);
  }

  activeTab(): Promise<string> {
    return this.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').then((l) => l ?? '');
  }

  /** Ctrl+G to a 0-based position; waits for the status bar to confirm it. */
  async goto(position: { line: number; character: number }): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.quickInput.fill(`:${position.line + 1}:${position.character + 1}`);
    // Enter before the picker has read the input would be lost: wait for its one row.
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: `Go to line ${position.line + 1} and character ${position.character + 1}` }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    await this.waitCursorLine(position.line, position.character);
  }

  /** Waits until the cursor is on a 0-based line (and column, if given). */
  async waitCursorLine(line: number, character?: number): Promise<string> {
    const expected = character === undefined ? new RegExp(`^Ln ${line + 1}, Col \\d+( \\(\\d+ selected\\))?$`) : new RegExp(`^Ln ${line + 1}, Col ${character + 1}$`);
    return until(`the cursor at ${expected}`, () => this.selection.innerText().then((s) => s.trim()), (s) => expected.test(s));
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.quickInput.fill('>' + title);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Whether the editor line containing `lineText` has an error squiggle; null while that line is not rendered. */
  squiggleOn(lineText: string): Promise<boolean | null> {
    // No named helpers inside: tsx's keepNames would wrap them in __name, which the page lacks.
    return this.page.evaluate((text) => {
      for (const editor of document.querySelectorAll('.part.editor .monaco-editor')) {
        const line = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(text));
        if (!line) continue;
        const overlay = [...editor.querySelectorAll('.view-overlays > div')].find((o) => o.style.top === line.style.top);
        return !!overlay?.querySelector('.squiggly-error');
      }
      return null;
    }, lineText);
  }

  async waitSquiggle(lineText: string, present: boolean): Promise<void> {
    await until(`${present ? 'a' : 'no'} squiggle on "${lineText}"`, () => this.squiggleOn(lineText), (s) => s === present);
  }

  /** The Problems panel's entries (not the file rows): "code [Ln L, Col C]". */
  async problems(): Promise<string[]> {
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
      rows
        .map((r) => (r as DomNode).innerText.split('\n').map((s) => s.trim()))
        .filter((parts) => /^\[Ln \d+, Col \d+\]$/.test(parts[parts.length - 1] ?? ''))
        .map((parts) => `${parts[parts.length - 3]}(${parts[parts.length - 2]}) ${parts[parts.length - 1]}`)
        .sort(),
    );
  }

  async waitProblems(expected: string[]): Promise<void> {
    const want = [...expected].sort();
    await until(`Problems to list exactly ${JSON.stringify(want)}`, () => this.problems(), (p) => JSON.stringify(p) === JSON.stringify(want));
  }

  /** A tree view's rows: level, label and description. */
  rows(container: Locator): Promise<Row[]> {
    return container.locator('.monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => ({
        level: Number(r.getAttribute('aria-level') ?? 0),
        label: (r.querySelector('.label-name') as DomNode | null)?.innerText.trim() ?? '',
        description: (r.querySelector('.label-description') as DomNode | null)?.innerText.trim() ?? '',
      })),
    );
  }

  /** The governance ID as the editor renders it (a token of its own) on the line containing `lineText`. */
  idOnLine(lineText: string, id: string): Locator {
    return this.page.locator('.part.editor .view-line', { hasText: lineText }).first().locator('span > span', { hasText: new RegExp(`^${id}$`) });
  }

  /**
   * Ctrl+click on the governance ID `id` on the line containing `lineText`, with raw mouse
   * events: once Control is down the editor underlines the word under the mouse, which splits
   * the ID's token, and a locator click would wait for an element it no longer finds.
   */
  async ctrlClickId(lineText: string, id: string): Promise<void> {
    // A Control pressed for a shortcut (Ctrl+G) underlines the word the mouse last rested on
    // in the editor, and the key's release goes to the quick input: a move over the editor
    // without Control clears it.
    const line = this.page.locator('.part.editor .view-line', { hasText: lineText }).first();
    const lineBox = await line.boundingBox();
    if (lineBox) await this.page.mouse.move(lineBox.x + lineBox.width - 4, lineBox.y + lineBox.height / 2);
    const target = this.idOnLine(lineText, id);
    await target.waitFor();
    // The editor may still be revealing the line Ctrl+G went to, or a hover may sit over it:
    // click only where the ID itself is, at a position that held still for one poll.
    let previous = '';
    const box = await until(
      `${id} to rest on the screen, uncovered`,
      async () => {
        const b = await target.boundingBox();
        if (!b) return { b, key: '', hit: false };
        const hit = await target.evaluate((el, p) => {
          const top = el.ownerDocument.elementFromPoint(p.x, p.y);
          return top !== null && (el === top || el.contains(top) || top.contains(el));
        }, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
        return { b, key: `${b.x},${b.y},${b.width}`, hit };
      },
      (r) => {
        const settled = r.hit && r.key === previous;
        previous = r.key;
        return settled;
      },
    ).then((r) => r.b!);
    await this.page.keyboard.down('Control');
    try {
      await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    } finally {
      await this.page.keyboard.up('Control');
    }
  }

  /**
   * The rows of the references peek, each file's group unfolded (the peek unfolds only the
   * selected reference's): a reference's aria label is "<line> in <file> on line N at column C".
   */
  async peekRows(): Promise<string[]> {
    const rows = this.page.locator('.peekview-widget .ref-tree .monaco-list-row');
    const folded = rows.and(this.page.locator('[aria-expanded="false"]'));
    // One group per round: each click re-renders the list.
    if ((await folded.count()) > 0) await folded.first().locator('.monaco-tl-twistie').click();
    return rows.evaluateAll((list) => list.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** The Explorer with its file tree folded and the Governance Blockers view unfolded; returns the view's pane. */
  async showBlockersView(): Promise<Locator> {
    await this.page.keyboard.press('Control+Shift+E');
    const header = (name: string | RegExp) => this.page.locator('.part.sidebar .pane-header', { hasText: name });
    const folder = header(new RegExp(`^${path.basename(this.root)}$`, 'i')).first();
    if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
    const blockersHeader = header('Governance Blockers').first();
    await blockersHeader.waitFor();
    if ((await blockersHeader.getAttribute('aria-expanded')) !== 'true') await blockersHeader.click();
    return this.page.locator('.part.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: 'Governance Blockers' }) });
  }

  /** The Governance Blockers view's title description (the TreeView's `description`), '' when none. */
  blockersTitle(): Promise<string> {
    return this.page
      .locator('.part.sidebar .pane-header', { hasText: 'Governance Blockers' })
      .first()
      .locator('.description')
      .first()
      .innerText()
      .then((t) => t.trim())
      .catch(() => '');
  }

  /** The text of every webview frame (a Markdown preview renders in one), for those that answer. */
  async webviewTexts(): Promise<string[]> {
    const texts: string[] = [];
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      const text = await frame
        .locator('body')
        .innerText({ timeout: 1_000 })
        .catch(() => '');
      if (text.trim() !== '') texts.push(text);
    }
    return texts;
  }

  /** The error notifications shown so far (toasts and the notification center). */
  async errorNotifications(): Promise<string[]> {
    await this.runCommand('Notifications: Show Notifications');
    const center = this.page.locator('.notifications-center');
    await center.waitFor({ state: 'visible' });
    const errors = await center.locator('.notification-list-item').evaluateAll((items) =>
      items.filter((i) => i.querySelector('.codicon-error')).map((i) => (i as DomNode).innerText.replace(/\s+/g, ' ').trim()),
    );
    await this.runCommand('Notifications: Hide Notifications');
    return errors;
  }
}

const steps: { name: string; run: () => Promise<void> }[] = [];
const step = (name: string, run: () => Promise<void>) => steps.push({ name, run });

/** The 1-based "[Ln, Col]" the Problems panel shows for a break. */
function problemOf(root: string, b: (typeof BREAKS)[number]): string {
  const at = positionOf(fs.readFileSync(path.join(root, b.file), 'utf8'), b.token);
  return `govlens(${b.code}) [Ln ${at.line + 1}, Col ${at.character + 1}]`;
}

async function main(): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await launchBrowser();
  let current: Workbench | undefined;
  try {
    // ---- The broken copy: diagnostics follow what the author types -----------------------------
    const broken = new Workbench(await browser.context.newPage(), BROKEN!);
    current = broken;
    const typo = BREAKS.find((b) => b.code === 'unknown-id')!;
    const typoLine = typo.to; // the note's line, as the editor shows it
    const fixedLine = typo.from;
    const typoAt = positionOf(broken.text(NOTE), typo.token);
    const all = BREAKS.map((b) => problemOf(BROKEN!, b));
    const withoutTypo = BREAKS.filter((b) => b !== typo).map((b) => problemOf(BROKEN!, b));

    step('broken copy: the workbench opens the folder', () => broken.open());
    step('broken copy: the note shows a squiggle under the unknown ID', async () => {
      await broken.openFile(NOTE);
      await broken.goto(typoAt);
      await broken.waitSquiggle(typoLine, true);
    });
    step('broken copy: Problems lists unknown-id and both evidence-missing-file entries (source govlens)', async () => {
      await broken.page.keyboard.press('Control+Shift+M');
      await broken.page.locator('.markers-panel').waitFor();
      await broken.waitProblems(all);
      log('Problems:', JSON.stringify(await broken.problems()));
      const row = broken.page.locator('.markers-panel .monaco-list-row', { hasText: typo.token }).first();
      const label = (await row.getAttribute('aria-label')) ?? '';
      if (!/^Error: .*generated by govlens/.test(label)) throw new Error(`the unknown-id entry is not an error from govlens: ${label}`);
      await broken.shot('01-broken-squiggle-and-problems');
    });
    step('typing the fix clears the squiggle and the Problems entry, no restart', async () => {
      // The caret goes after the ID's last character ("…-9"), which the author replaces with 1.
      await broken.goto({ line: typoAt.line, character: typoAt.character + typo.token.length });
      await broken.page.keyboard.press('Backspace');
      await broken.page.keyboard.type('1');
      await broken.waitSquiggle(fixedLine, false);
      await broken.waitProblems(withoutTypo);
      await broken.shot('02-fixed-by-typing');
    });
    step('breaking it again brings back exactly one entry (nothing stale)', async () => {
      await broken.page.keyboard.press('Backspace');
      await broken.page.keyboard.type('9');
      await broken.waitSquiggle(typoLine, true);
      await broken.waitProblems(all);
      await broken.shot('03-broken-again');
    });
    step('the quick fix "Change to FIX7-P0-PROD-CI-SCOPE-1" offered on the unknown ID repairs it', async () => {
      await broken.goto({ line: typoAt.line, character: typoAt.character + 2 });
      await broken.page.keyboard.press('Control+.');
      // The preferred fix comes first and focused; Enter applies it as a user would.
      const fix = broken.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Change to FIX7-P0-PROD-CI-SCOPE-1' }).first();
      await fix.waitFor({ state: 'visible' });
      await broken.shot('03b-quick-fix');
      await broken.page.keyboard.press('Enter');
      await broken.waitSquiggle(fixedLine, false);
      await broken.waitProblems(withoutTypo);
    });

    // ---- The example KB: hover, navigation, blockers --------------------------------------------
    let good!: Workbench;
    const cli = (args: string[]) =>
      JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin/govlens'), 'blockers', GOOD!, '--format', 'json', ...args], { encoding: 'utf8' })) as {
        blockers: { id: string; status: string; file: string }[];
      };
    const unresolved = cli([]).blockers.map((b) => b.id);
    const everyBlocker = cli(['--all']).blockers;
    const noteLine = `- ${BLOCKER_ID} (scope`;
    const idInNote = () =>
      good.page.locator('.part.editor .view-line', { hasText: noteLine }).locator('span > span', { hasText: new RegExp(`^${BLOCKER_ID}$`) });

    step('good copy: the workbench opens the folder; the status bar reads "7 unresolved"', async () => {
      good = new Workbench(await browser.context.newPage(), GOOD!);
      current = good;
      await broken.page.close();
      await good.open();
      if (unresolved.length !== 7) throw new Error(`the CLI lists ${unresolved.length} unresolved blockers in the example, not 7`);
      const item = good.page.locator(STATUS_ITEM);
      const text = await until('the status bar item', () => item.innerText().catch(() => ''), (t) => t.trim() === '7 unresolved');
      log('status bar:', JSON.stringify(text.trim()), '|', await item.getAttribute('aria-label'));
    });
    step('good copy: hovering a blocker ID in the note shows its blocker card', async () => {
      await good.openFile(NOTE);
      await good.goto(positionOf(good.text(NOTE), noteLine));
      await idInNote().hover();
      const card = good.page.locator('.monaco-hover-content', { hasText: 'Actor needed' }).first();
      await card.waitFor({ state: 'visible' });
      const text = await card.innerText();
      log('hover:', JSON.stringify(text.slice(0, 160)), '…');
      for (const expected of [BLOCKER_ID, 'unresolved', 'Blocks', 'production', 'Next action']) {
        if (!text.includes(expected)) throw new Error(`the hover card lacks "${expected}": ${text}`);
      }
      await good.shot('04-hover-card');
    });
    // Issue 17: the peek lists the blocker's definition and each entry it cites (file and line).
    const rowFor = (file: string, line: number) => new RegExp(` in ${path.basename(file).replace(/\./g, '\\.')} on line ${line + 1} at column \\d+$`);
    for (const { id, evidence } of BLOCKER_EVIDENCE.filter((b) => b.inNote)) {
      step(`good copy: Ctrl+click on ${id} in the note peeks its definition and the evidence it cites`, async () => {
        await good.page.keyboard.press('Escape');
        await good.page.mouse.move(5, 5);
        if ((await good.activeTab()).includes(path.basename(NOTE)) === false) await good.openFile(NOTE);
        const line = `- ${id} (`;
        await good.goto(positionOf(good.text(NOTE), line));
        await good.ctrlClickId(line, id);
        const expected = [{ file: MAP, line: lineOf(GOOD!, MAP, new RegExp(`"id": "${id}"`)) }, ...evidence.map((e) => ({ file: e.file, line: lineOf(GOOD!, e.file, e.line) }))];
        const rows = await until(
          `the peek to list ${expected.map((e) => `${path.basename(e.file)}:${e.line + 1}`).join(', ')}`,
          () => good.peekRows(),
          (r) => expected.every((e) => r.some((x) => rowFor(e.file, e.line).test(x))),
        );
        log(`peek of ${id}:`, JSON.stringify(rows.filter((r) => / on line /.test(r))));
        if (id === BLOCKER_ID) {
          // Select the cited entry, so the peek's editor shows it: the README's screenshot.
          const cited = expected[1]!;
          const index = rows.findIndex((l) => rowFor(cited.file, cited.line).test(l));
          await good.page.locator('.peekview-widget .ref-tree .monaco-list-row').nth(index).click();
          await good.page.locator('.peekview-widget .peekview-title .filename', { hasText: path.basename(cited.file) }).waitFor();
          await good.shot('05-ctrl-click-evidence-peek');
        }
        await good.page.keyboard.press('Escape');
        await good.page.locator('.peekview-widget').waitFor({ state: 'hidden' });
      });
    }
    step('good copy: Ctrl+click on each of the seven blocker IDs in its map lands on the one entry it cites', async () => {
      for (const { id, evidence } of BLOCKER_EVIDENCE) {
        await good.openFile(MAP);
        const line = `"id": "${id}"`;
        await good.goto(positionOf(good.text(MAP), line));
        await good.ctrlClickId(line, id);
        const cited = evidence[0]!;
        // Seen once in CI (2026-12-03): the workbench dropped one Ctrl+click of seven and the
        // map stayed active. One more click, logged; a second miss fails the step.
        await good.waitActiveTab(path.basename(cited.file), 10_000).catch(async (e: Error) => {
          log(`Ctrl+click on ${id} did not navigate (${e.message}); clicking once more`);
          await good.openFile(MAP);
          await good.goto(positionOf(good.text(MAP), line));
          await good.ctrlClickId(line, id);
          await good.waitActiveTab(path.basename(cited.file));
        });
        log(`Ctrl+click on ${id}:`, await good.activeTab(), '|', await good.waitCursorLine(lineOf(GOOD!, cited.file, cited.line)));
      }
    });
    step(`good copy: F12 on the evidence "${EVIDENCE}" lands on "n": 5 in the inventory`, async () => {
      await good.openFile(MAP);
      const at = positionOf(good.text(MAP), EVIDENCE);
      await good.goto({ line: at.line, character: at.character + 3 });
      await good.page.keyboard.press('F12');
      await good.waitActiveTab(path.basename(INVENTORY));
      const line = lineOf(GOOD!, INVENTORY, /"n": 5\b/);
      log('after F12:', await good.activeTab(), '|', await good.waitCursorLine(line));
      await good.shot('06-f12-evidence');
    });
    step('good copy: the blocker map shows a code lens with the references, status and evidence of each blocker', async () => {
      await good.openFile(MAP);
      await good.goto({ line: 0, character: 0 });
      const lenses = good.page.locator('.part.editor .codelens-decoration');
      const texts = await until('the blocker code lenses', () => lenses.allInnerTexts(), (t) => t.some((x) => /^\d+ references? · unresolved\s+\|\s+evidence: surface 5$/.test(x.replace(/\u00a0/g, ' ').trim())));
      log('code lenses:', JSON.stringify(texts.filter((t) => t.trim() !== '')));
      // Off the tabs and the text: a tooltip or a hover card would cover the lenses.
      await good.page.mouse.move(24, 500);
      await good.shot('06b-code-lens');
    });
    step('good copy: clicking "evidence: surface 5" opens "n": 5 in the inventory', async () => {
      await good.page.locator('.part.editor .codelens-decoration a', { hasText: /^evidence: surface 5$/ }).first().click();
      await good.waitActiveTab(path.basename(INVENTORY));
      log('after the evidence lens:', await good.activeTab(), '|', await good.waitCursorLine(lineOf(GOOD!, INVENTORY, /"n": 5\b/)));
    });
    step('good copy: "Governance: Show Unresolved Blockers" lists the 7 unresolved blockers', async () => {
      await good.runCommand('Governance: Show Unresolved Blockers');
      await good.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Unresolved blockers (7)' }).waitFor();
      // A separator shows either as a row of its own or as a label on its group's first row.
      const listed = await until(
        'the 7 picker rows',
        () =>
          good.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) =>
            rows.map((r) => {
              const inline = r.querySelector('.quick-input-list-separator') as DomNode | null;
              return {
                label: (r.querySelector('.label-name') as DomNode | null)?.innerText.trim() ?? '',
                separator: r.querySelector('.quick-input-list-separator-as-item') !== null,
                group: inline && inline.style.display !== 'none' ? (inline.textContent ?? '').trim() : '',
              };
            }),
          ),
        (l) => l.filter((r) => !r.separator).length === unresolved.length,
      );
      log('picker:', JSON.stringify(listed));
      const labels = listed.filter((r) => !r.separator).map((r) => r.label);
      if (JSON.stringify(labels) !== JSON.stringify(unresolved)) throw new Error(`the picker lists ${JSON.stringify(labels)}, the CLI ${JSON.stringify(unresolved)}`);
      // Issue 13, item 15: grouped by packet, under its short name and date.
      const separators = listed.flatMap((r) => (r.separator ? [r.label] : r.group ? [r.group] : []));
      const expected = `${packetShortName(path.dirname(MAP))} · 2026-06-12`;
      if (JSON.stringify(separators) !== JSON.stringify([expected])) throw new Error(`the picker's separators are ${JSON.stringify(separators)}, expected ${JSON.stringify([expected])}`);
      await good.shot('07-unresolved-blockers-picker');
    });
    step('good copy: choosing a blocker in the picker opens its definition', async () => {
      const chosen = 'FIX7-P0-DRYRUN-PROD-ROLLBACK-1';
      await good.quickInput.fill(chosen);
      await until(
        'one picker row',
        () => good.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) => rows.filter((r) => r.querySelector('.quick-input-list-separator-as-item') === null).length),
        (n) => n === 1,
      );
      await good.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: chosen }).waitFor();
      await good.page.keyboard.press('Enter');
      await good.waitActiveTab(path.basename(MAP));
      await good.waitCursorLine(lineOf(GOOD!, MAP, new RegExp(`"id": "${chosen}"`)));
      await good.shot('08-picked-blocker');
    });
    step('good copy: the Governance Blockers view groups the blockers by packet', async () => {
      await good.page.keyboard.press('Control+Shift+E');
      const header = (name: string | RegExp) => good.page.locator('.part.sidebar .pane-header', { hasText: name });
      // Room for the view: fold the file tree, unfold Governance Blockers.
      const folder = header(new RegExp(`^${path.basename(GOOD!)}$`, 'i')).first();
      if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
      const blockersHeader = header('Governance Blockers').first();
      if ((await blockersHeader.getAttribute('aria-expanded')) !== 'true') await blockersHeader.click();
      const pane = good.page.locator('.part.sidebar .pane', { has: good.page.locator('.pane-header', { hasText: 'Governance Blockers' }) });
      const packetFolders = [...new Set(everyBlocker.map((b) => path.dirname(b.file)))].sort();
      const packets = packetFolders.map((p) => packetShortName(p));
      const rows = await until(
        'the Governance Blockers tree',
        () => good.rows(pane),
        (r) => r.filter((x) => x.level === 1).length === packets.length && r.filter((x) => x.level === 2).length === everyBlocker.length,
      );
      for (const row of rows) log(`  ${'  '.repeat(row.level - 1)}${row.label}  ${row.description}`);
      // Wide enough to read the descriptions in the screenshot.
      await good.runCommand('Focus on Governance Blockers View');
      const sidebarWidth = async () => (await good.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
      for (let i = 0; i < 6 && (await sidebarWidth()) < 520; i++) {
        const before = await sidebarWidth();
        await good.runCommand('Increase Current View Size');
        await until('the side bar to widen', sidebarWidth, (w) => w > before);
      }
      const groups = rows.filter((r) => r.level === 1);
      if (JSON.stringify(groups.map((g) => g.label)) !== JSON.stringify(packets)) throw new Error(`packet rows ${JSON.stringify(groups)}, expected ${JSON.stringify(packets)}`);
      if (groups[0]!.description !== `${unresolved.length} unresolved of ${everyBlocker.length} · 2026-06-12`) throw new Error(`packet row says "${groups[0]!.description}"`);
      // Issue 13, item 10: the packet's whole name did not fit beside its counts even this wide.
      const cut = await until(
        'the packet rows at full width',
        () => pane.locator('.monaco-list-row[aria-level="1"] .monaco-icon-label-container').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => (l as DomNode).innerText)),
        (c) => c.length === 0,
        5_000,
      ).catch((error: unknown) => error);
      if (cut instanceof Error) throw new Error(`packet rows cut at ${await sidebarWidth()} px: ${cut.message}`);
      const unresolvedRows = rows.filter((r) => r.level === 2 && r.description.startsWith('unresolved')).map((r) => r.label);
      if (JSON.stringify(unresolvedRows) !== JSON.stringify(unresolved)) throw new Error(`unresolved rows ${JSON.stringify(unresolvedRows)}`);
      await good.shot('09-blockers-view-and-status-bar');
    });
    step('good copy: Problems is empty', async () => {
      await good.page.keyboard.press('Control+Shift+M');
      await good.page.locator('.markers-panel', { hasText: 'No problems have been detected in the workspace.' }).waitFor();
    });
    step('no error notifications were shown', async () => {
      const errors = await good.errorNotifications();
      if (errors.length > 0) throw new Error(`error notifications: ${JSON.stringify(errors)}`);
    });

    // ---- A two-commit repository: the authority delta (issue 16) -------------------------------
    let delta!: Workbench;
    const firstCommit = git(DELTA!, 'rev-parse', 'HEAD~1');
    step('delta repository: the workbench opens it; the Blockers view\'s title reads "vs HEAD: no change"', async () => {
      delta = new Workbench(await browser.context.newPage(), DELTA!);
      current = delta;
      await good.page.close();
      await delta.open();
      await delta.showBlockersView();
      const title = await until('the Blockers view title', () => delta.blockersTitle(), (t) => t === 'vs HEAD: no change');
      log('Blockers view title:', JSON.stringify(title));
    });
    step('delta repository: a working-tree change that adds a production grant and reopens a blocker shows in the title', async () => {
      // Written on disk, as another program (or a pull) would: the server hears it from the file watcher.
      const lock = path.join(DELTA!, LATER_LOCK);
      const record = JSON.parse(fs.readFileSync(lock, 'utf8')) as { grants: unknown[] };
      record.grants.push({ id: 'AUTHORIZE_DRYRUN_PRODUCTION', scope: 'production', actions: ['DRY_RUN'], granted_by: 'owner', delegated_to: 'operator', date: '2026-07-02' });
      fs.writeFileSync(lock, `${JSON.stringify(record, null, 2)}\n`);
      const map = path.join(DELTA!, LATER, 'production-readiness-blocker-map.json');
      const blockers = JSON.parse(fs.readFileSync(map, 'utf8')) as { resolved_in_this_macro: string[] };
      blockers.resolved_in_this_macro = blockers.resolved_in_this_macro.filter((id) => id !== RESOLVED[0]);
      fs.writeFileSync(map, `${JSON.stringify(blockers, null, 2)}\n`);
      const title = await until('the Blockers view title to follow the change', () => delta.blockersTitle(), (t) => t === 'vs HEAD: +1 production grant, 1 blocker reopened');
      log('Blockers view title:', JSON.stringify(title));
    });
    step('delta repository: "Governance: Compare Authority With…" and a typed unknown revision: an error naming it, nothing opened', async () => {
      await delta.runCommand('Governance: Compare Authority With…');
      await delta.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'first packet: open blockers' }).waitFor();
      await delta.quickInput.fill('no-such-revision');
      await delta.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'the revision typed' }).waitFor();
      await delta.page.keyboard.press('Enter');
      const toast = delta.page.locator('.notifications-toasts .notification-list-item', { hasText: "unknown revision 'no-such-revision'" }).first();
      await toast.waitFor({ state: 'visible' });
      log('error:', JSON.stringify((await toast.innerText()).replace(/\s+/g, ' ').trim()));
      await delta.runCommand('Notifications: Clear All Notifications');
      await toast.waitFor({ state: 'hidden' });
    });
    step('delta repository: comparing with the first commit, picked by its subject, previews the delta: the production grants, the blockers', async () => {
      await delta.runCommand('Governance: Compare Authority With…');
      const row = delta.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'first packet: open blockers' }).first();
      await row.waitFor();
      await row.click();
      await delta.waitActiveTab('Preview authority');
      const cli = execFileSync(process.execPath, [path.join(REPO, 'bin/govlens'), 'diff', firstCommit, '--format', 'markdown'], { cwd: DELTA!, encoding: 'utf8' });
      const expected = ['Production authority added', 'AUTHORIZE_REAL_RUN_PRODUCTION', 'AUTHORIZE_DRYRUN_PRODUCTION', 'Added (2): FIX7-P0-PROD-CUTOVER-1, FIX7-P0-PROD-MONITORING-1', `Resolved (1): ${RESOLVED[1]}`, 'Events: production-grant-added'];
      for (const e of expected.slice(1)) if (!cli.replace(/`/g, '').includes(e)) throw new Error(`govlens diff prints no "${e}": the expectation is wrong\n${cli}`);
      const preview = await until('the preview to show the delta', () => delta.webviewTexts(), (texts) => texts.some((t) => expected.every((e) => t.includes(e))));
      log('preview:', JSON.stringify(preview.find((t) => t.includes('Production authority added'))?.slice(0, 200)), '…');
      await delta.page.mouse.move(5, 500);
      await delta.shot('10-authority-delta');
    });
    step('delta repository: committing the change moves HEAD: the title follows it back to "vs HEAD: no change"', async () => {
      // No file of the workspace changes and no blocker count moves: only HEAD does.
      git(DELTA!, 'commit', '-q', '-am', 'production phase: DRY_RUN granted too');
      const title = await until('the Blockers view title to follow the commit', () => delta.blockersTitle(), (t) => t === 'vs HEAD: no change');
      log('Blockers view title:', JSON.stringify(title));
    });
    step('delta repository: no error notification besides the unknown revision\'s', async () => {
      const errors = await delta.errorNotifications();
      if (errors.length > 0) throw new Error(`error notifications: ${JSON.stringify(errors)}`);
    });

    for (const s of steps) {
      try {
        await s.run();
      } catch (error) {
        throw Object.assign(new Error(`${s.name}: ${error instanceof Error ? error.message : String(error)}`), { step: s.name });
      }
      log('ok  ', s.name);
    }
    log('WORKBENCH UI TEST PASS');
  } catch (error) {
    console.error('WORKBENCH UI TEST FAIL:', error instanceof Error ? error.message : error);
    if (current && !current.page.isClosed()) await current.shot('zz-failure').catch(() => undefined);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

void main();
