/**
 * The labelled grant-claim corpora and how the detector is scored on them, shared by the unit
 * tests (which hold the dev figures to their floor) and `npm run bench:grants` (which prints
 * every figure, blind rounds included). Three shapes: single sentences, packet-field cases
 * judged in the context of their entry (spec §5, field roles), and whole notes with the lines
 * that carry a claim.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { Analyzer } from '../server/src/core/analyzer';
import { InMemoryWorkspace } from '../server/src/core/inMemoryWorkspace';
import { LineIndex } from '../server/src/core/text/lineIndex';
import type { Span } from '../server/src/core/types';

export const CORPUS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/corpus');

export interface SentenceRow {
  readonly text: string;
  readonly grant: boolean;
  readonly action?: string | null;
  readonly form?: string;
  readonly why?: string;
}

export interface JsonCase {
  readonly kind: string;
  readonly field: string;
  readonly entry: Record<string, unknown>;
  readonly grant: boolean;
  readonly action?: string | null;
  readonly why?: string;
}

export interface NoteTruth {
  readonly note: string;
  readonly line: number;
  readonly quote: string;
  readonly action?: string | null;
}

export interface NoteCase {
  readonly name: string;
  readonly text: string;
  readonly truth: readonly NoteTruth[];
}

/** One set of a round: its name and whichever of the three shapes it has. */
export interface CorpusSet {
  readonly name: string;
  readonly sentences?: readonly SentenceRow[];
  readonly jsonCases?: readonly JsonCase[];
  readonly notes?: readonly NoteCase[];
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

export function readNotes(dir: string): NoteCase[] {
  const truthFile = path.join(dir, 'truth.jsonl');
  const truth = existsSync(truthFile) ? readJsonl<NoteTruth>(truthFile) : [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8'), truth: truth.filter((t) => t.note === name) }));
}

/** A round folder as the blind evaluators write it: sentences.jsonl, json-cases.jsonl, notes/. */
export function readRound(name: string, dir: string): CorpusSet {
  const at = (f: string) => path.join(dir, f);
  return {
    name,
    ...(existsSync(at('sentences.jsonl')) ? { sentences: readJsonl<SentenceRow>(at('sentences.jsonl')) } : {}),
    ...(existsSync(at('json-cases.jsonl')) ? { jsonCases: readJsonl<JsonCase>(at('json-cases.jsonl')) } : {}),
    ...(existsSync(at('notes')) ? { notes: readNotes(at('notes')) } : {}),
  };
}

/** Every set the project holds: the dev sets, the held-out set, and each blind round once it has been measured. */
export function projectCorpora(dir = CORPUS_DIR): CorpusSet[] {
  const sets: CorpusSet[] = [
    { name: 'dev', sentences: readJsonl<SentenceRow>(path.join(dir, 'grant-sentences.dev.jsonl')) },
    { name: 'held-out', sentences: readJsonl<SentenceRow>(path.join(dir, 'grant-sentences.heldout.jsonl')) },
    {
      name: 'dev2',
      sentences: readJsonl<SentenceRow>(path.join(dir, 'grant-sentences.dev2.jsonl')),
      jsonCases: readJsonl<JsonCase>(path.join(dir, 'grant-json-cases.dev2.jsonl')),
    },
  ];
  for (const round of readdirSync(dir).filter((f) => f.startsWith('blind-')).sort()) sets.push(readRound(round, path.join(dir, round)));
  return sets;
}

export interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  /** One line per miss, for reading after the figures are recorded. */
  readonly misses: string[];
}

class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;
  readonly misses: string[] = [];

  add(predicted: boolean, truth: boolean, describe: () => string): void {
    if (predicted && truth) this.tp++;
    else if (predicted) {
      this.fp++;
      this.misses.push(`FP ${describe()}`);
    } else if (truth) {
      this.fn++;
      this.misses.push(`FN ${describe()}`);
    } else this.tn++;
  }

  score(): Score {
    const precision = this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
    const recall = this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
    return { tp: this.tp, fp: this.fp, fn: this.fn, tn: this.tn, precision, recall, misses: this.misses };
  }
}

export type SentenceDetector = (text: string) => readonly { action: string; phrase: string }[];

export function scoreSentences(rows: readonly SentenceRow[], detect: SentenceDetector): Score {
  const t = new Tally();
  for (const r of rows) {
    const claims = detect(r.text);
    t.add(claims.length > 0, r.grant, () => `[${r.form ?? '-'}] ${r.text}${claims.length ? `  <= ${claims.map((c) => `${c.action} "${c.phrase}"`).join('; ')}` : ''}`);
  }
  return t.score();
}

const ARRAY_OF_KIND: Record<string, string> = {
  'precondition-checklist': 'checks',
  'production-readiness-blocker-map': 'blockers',
  'rollback-recovery-design': 'plans',
  'mutation-inventory': 'surfaces',
  'ticket-reservations': 'reservations',
};

/** Where a case's entry sits in a document of its kind: the entry is the document, or one element of an array. */
function placeCase(c: JsonCase): { doc: Record<string, unknown>; at: (string | number)[] } {
  if (typeof c.entry['doc'] === 'string') return { doc: c.entry, at: [] };
  const array = c.kind === 'delegation-and-authority-lock' ? ('action' in c.entry && !('scope' in c.entry) ? 'withheld' : 'grants') : (ARRAY_OF_KIND[c.kind] ?? 'entries');
  return { doc: { doc: `eval-${c.kind}`, date: '2026-07-01', [array]: [c.entry] }, at: [array, 0] };
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/**
 * A packet-field case is predicted true when the document, read as the analyzer reads it,
 * holds a grant claim inside that field's value. The document sits alone in a packet with no
 * lock, so every claim the engine reads there is one it would report.
 */
export function scoreJsonCases(cases: readonly JsonCase[]): Score {
  const t = new Tally();
  for (const c of cases) {
    const { doc, at } = placeCase(c);
    const text = JSON.stringify(doc, null, 2);
    const file = `eval-packet/${c.kind}.json`;
    const analyzer = new Analyzer(new InMemoryWorkspace({ [file]: text }));
    const claims = analyzer.factsOf(file)?.claims ?? [];
    // A check's status is judged with its item (the item is the condition the status settles).
    const field_ = c.kind === 'precondition-checklist' && c.field === 'status' && 'item' in c.entry ? 'item' : c.field;
    const node = findNodeAtLocation(parseTree(text)!, [...at, field_]);
    const field = node ? spanOf(node) : undefined;
    const inField = field ? claims.filter((k) => k.span.start < field.end && k.span.end > field.start) : [];
    t.add(inField.length > 0, c.grant, () => `[${c.kind} ${c.field}] ${JSON.stringify(c.entry[c.field])}${inField.length ? `  <= ${inField.map((k) => `${k.action} "${k.phrase}"`).join('; ')}` : ''}  in ${JSON.stringify(c.entry).slice(0, 300)}`);
  }
  return t.score();
}

/**
 * Whole notes, scored per claim: a true claim is found when a finding's range meets its quote;
 * a finding is right when it meets some true quote. The note is analysed alone, with no lock,
 * so every claim the engine reads is reported.
 */
export function scoreNotes(notes: readonly NoteCase[]): Score {
  const t = new Tally();
  for (const n of notes) {
    const file = `kb/${n.name}`;
    const analyzer = new Analyzer(new InMemoryWorkspace({ [file]: n.text }));
    const found = analyzer.diagnostics(file).filter((d) => d.code === 'implied-production-grant');
    const lines = new LineIndex(n.text);
    const quotes = n.truth.map((q) => {
      const lineStart = lines.offsetAt({ line: q.line - 1, character: 0 });
      const at = n.text.indexOf(q.quote, lineStart);
      const start = at >= 0 ? at : lineStart;
      return { q, span: { start, end: at >= 0 ? at + q.quote.length : lines.offsetAt({ line: q.line, character: 0 }) } };
    });
    const spans = found.map((d) => ({ d, span: { start: lines.offsetAt(d.range.start), end: lines.offsetAt(d.range.end) } }));
    const meets = (a: Span, b: Span) => a.start < b.end && a.end > b.start;
    for (const { q, span } of quotes) {
      const hit = spans.some((s) => meets(s.span, span));
      t.add(hit, true, () => `[${n.name}:${q.line}] ${q.quote}`);
    }
    for (const { d, span } of spans) {
      if (quotes.some((q) => meets(q.span, span))) continue;
      t.add(true, false, () => `[${n.name}:${d.range.start.line + 1}] ${n.text.slice(span.start, span.end)}  (${d.message.slice(0, 120)})`);
    }
  }
  return t.score();
}
