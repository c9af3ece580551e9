import type { Analysis } from '../analysis';
import { entriesOf, isBroken } from '../facts/anyKind';
import type { DocumentFacts, NoteFacts } from '../facts/types';
import { resolveEvidencePath, resolveKbPath } from '../index/resolvePath';
import type { IndexView } from '../index/workspaceIndex';
import { basename } from '../paths';
import type { Diagnostic, Position, Range, Span } from '../types';
import { patternsFor } from '../settings';
import { anchorEntry, nearestAnchors } from './anchors';
import { resolvesTo, sameStyle, type PathUse } from './pathForms';
import { percentEncoded } from './markdownText';
import { rewordClaim } from './rewordClaim';
import { sealFixes } from './seals';
import type { TextEdit, WorkspaceEdit } from './types';
import { SUPPRESSION_PLACEHOLDER } from '../suppressions';
import { MAX_CANDIDATES } from '../limits';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source';
  diagnostics: Diagnostic[];
  edit: WorkspaceEdit;
  isPreferred?: boolean;
}

interface Context {
  analysis: Analysis;
  facts: DocumentFacts;
  index: IndexView;
}

/** One fix: the replacement text for the diagnostic's own span, or edits elsewhere. */
interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}


/**
 * Quick fixes for the diagnostics the editor sent back. Each fix rereads the document as it
 * is now: when the text under a diagnostic no longer is what the finding was about, nothing
 * is offered for it.
 */
export function codeActions(analysis: Analysis, path: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const facts = analysis.factsOf(path);
  if (!facts) return [];
  const context: Context = { analysis, facts, index: analysis.workspaceIndex() };
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!touches(d.range, range)) continue;
    for (const fix of fixesFor(context, d)) {
      const action: CodeAction = { title: fix.title, kind: 'quickfix', diagnostics: [d], edit: { [path]: fix.edits } };
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  const all = fixAllUnknownIds(context);
  if (all) actions.push(all);
  return actions;
}

function fixesFor(context: Context, d: Diagnostic): Fix[] {
  const span = spanOf(context.facts, d.range);
  switch (d.code) {
    case 'unknown-id':
      return unknownId(context, span, d.data?.replacement);
    case 'evidence-status-mismatch':
      return statusMismatch(context, span);
    case 'evidence-missing-file':
      return missingFile(context, span, d.data?.replacement);
    case 'evidence-missing-anchor':
      return missingAnchor(context, span);
    case 'evidence-ambiguous-file':
      return ambiguousFile(context, span, d.data?.candidates);
    case 'ticket-range-invalid':
      return invalidRange(context, span, d.data?.replacement);
    case 'implied-production-grant':
      return impliedGrant(context, span);
    case 'seal-mismatch':
      return sealFixes(context.analysis, context.facts, span);
    default:
      return [];
  }
}

function unknownId({ facts, index }: Context, span: Span, replacement: unknown): Fix[] {
  if (typeof replacement !== 'string') return [];
  const written = textAt(facts, span);
  // resolved_in_this_macro must name a blocker; elsewhere any definition will do.
  const resolvedRef = facts.kind === 'production-readiness-blocker-map' && facts.resolvedRefs.some((r) => r.id === written && same(r.span, span));
  const idRef = facts.idRefs.some((r) => r.id === written && same(r.span, span));
  const known = resolvedRef ? (id: string) => index.blockers.has(id) : (id: string) => index.definitions.has(id);
  if (!(resolvedRef || idRef) || known(written) || !known(replacement)) return [];
  return [{ title: `Change to ${replacement}`, edits: [replace(facts, span, replacement)], preferred: true }];
}

function statusMismatch({ analysis, facts }: Context, span: Span): Fix[] {
  const ref = facts.evidence.find((r) => r.status !== undefined && same(r.status.span, span));
  const anchor = ref?.anchor;
  if (!ref?.status || !anchor || anchor.kind === 'forbidden') return [];
  const resolution = analysis.resolveCitation(facts, ref.path);
  const target = resolution.kind === 'file' ? analysis.factsOf(resolution.path) : undefined;
  if (!target || isBroken(target)) return [];
  const entries = entriesOf(target);
  const entry = anchor.kind === 'surface' ? entries.find((e) => e.array === 'surfaces' && e.n === anchor.n) : entries.find((e) => e.id === anchor.id);
  const actual = entry?.status;
  if (actual === undefined || actual === ref.status.value) return [];
  return [{ title: `Change to ${actual} (as in ${basename(target.path)})`, edits: [replace(facts, span, actual)], preferred: true }];
}

/** A cited entry its file does not have: the nearest entries it does have (completion knows them too). */
function missingAnchor({ analysis, facts }: Context, span: Span): Fix[] {
  if (isBroken(facts)) return [];
  const cited = analysis.referencesOf(facts).evidence.find(({ ref }) => ref.anchor !== undefined && same(ref.anchor.span, span));
  const anchor = cited?.ref.anchor;
  if (!cited || !anchor || cited.resolution.kind !== 'file' || textAt(facts, span) !== anchor.text) return [];
  const target = analysis.factsOf(cited.resolution.path);
  // A cited file that does not parse has its own json-syntax error, and no entries to offer.
  if (!target || isBroken(target) || anchorEntry(target, anchor)) return [];
  const name = basename(target.path);
  return nearestAnchors(target, anchor).map(({ text, entry, likely }) => {
    const fix: Fix = { title: `Change to ${text}${entry.status ? ` (${entry.status} in ${name})` : ` (in ${name})`}`, edits: [replace(facts, span, text)] };
    if (likely) fix.preferred = true;
    return fix;
  });
}

function missingFile(context: Context, span: Span, replacement: unknown): Fix[] {
  const { facts, index } = context;
  if (typeof replacement !== 'string' || index.stat(replacement) !== 'file') return [];
  const cited = citedPath(facts, span);
  if (!cited || resolvesToAFile(index, facts.path, cited.written, cited.use)) return [];
  const newText = sameStyle(index, facts.path, cited.written, replacement, cited.use);
  if (!readsBack(context, newText, replacement, cited.use)) return [];
  return [{ title: `Change to ${newText}`, edits: [replace(facts, span, asWritten(newText, cited.use))], preferred: true }];
}

function ambiguousFile(context: Context, span: Span, candidates: unknown): Fix[] {
  const { facts, index } = context;
  if (!Array.isArray(candidates)) return [];
  const cited = citedPath(facts, span);
  if (!cited) return [];
  const tail = cited.written.replace(/^(?:…|\.\.\.)\//, '');
  // The data comes back from the client, which may send anything: a few fixes at most.
  const files = candidates.slice(0, MAX_CANDIDATES).filter((c): c is string => typeof c === 'string' && index.stat(c) === 'file');
  if (files.length === 0 || !files.every((c) => c.endsWith(tail))) return [];
  return files.flatMap((file) => {
    const newText = sameStyle(index, facts.path, cited.written, file, cited.use);
    if (!readsBack(context, newText, file, cited.use)) return [];
    return [{ title: `Change to ${newText}`, edits: [replace(facts, span, asWritten(newText, cited.use))] }];
  });
}

function invalidRange({ facts }: Context, span: Span, replacement: unknown): Fix[] {
  const parts = typeof replacement === 'string' ? /^(.+)-([0-9]+)\.\.([0-9]+)$/.exec(replacement) : null;
  if (!parts || typeof replacement !== 'string') return [];
  const [, prefix = '', first = '', last = ''] = parts;
  const written = textAt(facts, span);
  const numbers = (written.match(/[0-9]+/g) ?? []).map(Number);
  if (!written.startsWith(`${prefix}-`) || !numbers.includes(Number(first)) || !numbers.includes(Number(last)) || written === replacement) return [];
  const reversed = numbers.indexOf(Number(last)) < numbers.lastIndexOf(Number(first));
  return [{ title: `${reversed ? 'Swap to' : 'Change to'} ${replacement}`, edits: [replace(facts, span, replacement)], preferred: true }];
}

function impliedGrant({ facts }: Context, span: Span): Fix[] {
  if (!facts.claims.some((c) => same(c.span, span))) return [];
  const fixes: Fix[] = [];
  const reworded = rewordClaim(facts.text, span);
  if (reworded) {
    const edits = reworded.edits.map((e) => replace(facts, e, e.newText));
    fixes.push({ title: `Reword as pending: "${reworded.result}"`, edits });
  }
  if (facts.kind === 'note') fixes.push(suppression(facts, span));
  return fixes;
}

/** A reasoned suppression above the claim's line; an existing suppression of that line gains the code instead. */
function suppression(facts: NoteFacts, span: Span): Fix {
  const code = 'implied-production-grant';
  const line = facts.lines.positionAt(span.start).line;
  const existing = facts.suppressions.find((s) => s.line === line);
  const codes = existing ? /govlens-disable-next-line\s+[a-z-]+(?:\s*,\s*[a-z-]+)*/.exec(textAt(facts, existing.span)) : null;
  if (existing && codes) {
    // A second comment line would shift the existing one off its line.
    const at = existing.span.start + codes.index + codes[0].length;
    return { title: 'Suppress with a reason (in the suppression above)', edits: [replace(facts, { start: at, end: at }, `, ${code}`)] };
  }
  const lineStart = facts.lines.offsetAt({ line, character: 0 });
  const lineText = facts.text.slice(lineStart, facts.lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }));
  const indent = /^[ \t]*(?:>[ \t]*)*/.exec(lineText)?.[0] ?? '';
  const eol = facts.text.includes('\r\n') ? '\r\n' : '\n';
  // The placeholder counts as no reason (suppressions.ts), so nothing is silenced until the
  // author writes one; a snippet client puts the cursor on it, selected. The indent holds only
  // blanks and `>`, the code is one of ours: nothing else in the line needs snippet escapes.
  const edit = replace(facts, { start: lineStart, end: lineStart }, `${indent}<!-- govlens-disable-next-line ${code}: ${SUPPRESSION_PLACEHOLDER} -->${eol}`);
  edit.snippet = `${indent}<!-- govlens-disable-next-line ${code}: \${1:${snippetEscape(SUPPRESSION_PLACEHOLDER)}} -->${eol}`;
  return { title: 'Suppress with a reason', edits: [edit] };
}

/** Text inside a snippet placeholder: `$`, `}` and `\` are written escaped. */
function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** "Fix all unknown IDs in this file", when more than one has a fix. */
function fixAllUnknownIds(context: Context): CodeAction | undefined {
  const { analysis, facts } = context;
  const fixable = analysis
    .diagnostics(facts.path)
    .filter((d) => d.code === 'unknown-id')
    .flatMap((d) => unknownId(context, spanOf(facts, d.range), d.data?.replacement).map((fix) => ({ d, fix })));
  if (fixable.length < 2) return undefined;
  return {
    title: `Fix all unknown IDs in this file (${fixable.length})`,
    kind: 'source',
    diagnostics: fixable.map((f) => f.d),
    edit: { [facts.path]: fixable.flatMap((f) => f.fix.edits) },
  };
}

/**
 * Whether `written`, once in the document, is read back as a citation of `file`: it resolves
 * there, and an evidence path is scanned as one token. A file whose path no citation can name
 * (a quote ends the token, a backslash in a folder's name reads as a separator) is not offered:
 * the fix would cite something else.
 */
function readsBack({ analysis, facts, index }: Context, written: string, file: string, use: PathUse): boolean {
  if (!resolvesTo(index, facts.path, written, file, use)) return false;
  if (use !== 'evidence') return true;
  const scan = patternsFor(analysis.currentSettings()).evidencePath;
  scan.lastIndex = 0;
  const token = scan.exec(written);
  scan.lastIndex = 0;
  return token?.index === 0 && token[1] === written;
}

/** The evidence path or link target written exactly at `span`, and how it is resolved. */
function citedPath(facts: DocumentFacts, span: Span): { written: string; use: PathUse } | undefined {
  const written = textAt(facts, span);
  if (written === '') return undefined;
  if (facts.evidence.some((r) => same(r.pathSpan, span) && r.path === written)) return { written, use: 'evidence' };
  const link = facts.kind === 'note' ? facts.links.find((l) => same(l.span, span)) : undefined;
  if (link) return { written, use: link.kind === 'footer' ? 'footer' : 'link' };
  return undefined;
}

function resolvesToAFile(index: IndexView, from: string, written: string, use: PathUse): boolean {
  const resolution = use === 'footer' ? resolveKbPath(written, index, index.files) : resolveEvidencePath(from, written, index);
  return resolution.kind === 'file';
}

function spanOf(facts: DocumentFacts, range: Range): Span {
  return { start: facts.lines.offsetAt(range.start), end: facts.lines.offsetAt(range.end) };
}

function textAt(facts: DocumentFacts, span: Span): string {
  return facts.text.slice(span.start, span.end);
}

/**
 * An edit of the document's text. In a packet document every span a fix replaces lies inside a
 * JSON string, so the new text is written as JSON writes a string's content: a file name with
 * a quote would end the string, and one with `\u002e` in it would decode to another path.
 */
function replace(facts: DocumentFacts, span: Span, newText: string): TextEdit {
  const text = facts.kind === 'note' ? newText : JSON.stringify(newText).slice(1, -1);
  return { range: facts.lines.range(span.start, span.end), newText: text };
}

const DESTINATION_SPECIALS = '()<>%\\#?[]';

/**
 * A path as a Markdown link destination holds it: what would end the destination or change it
 * when read back (space, brackets, `<>`, `%`, `\`, `#`, `?`, controls) percent-encoded, as the
 * link's target is decoded before it is resolved. Evidence paths and the footer stay as they are.
 */
function asWritten(path: string, use: PathUse): string {
  return use === 'link' ? percentEncoded(path, DESTINATION_SPECIALS) : path;
}

function same(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Inclusive: a cursor at either end of a diagnostic touches it. */
function touches(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}
