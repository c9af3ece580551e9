/**
 * Precision and recall of the production-grant detector on every labelled set the project
 * holds (sentences, packet fields, whole notes), per set and per form, and its throughput:
 * `npm run bench:grants [-- --round NAME=DIR ...] [--misses] [--forms]`.
 *
 * `--round` scores a set kept outside the project, such as a fresh blind round before anyone
 * has looked at it; `--misses` prints each wrong answer (read them only after the figures of a
 * blind round are recorded). Each sentence is also read without the prefilter: the claims must
 * be the same (else exit 1).
 */
import { createGrantDetector, detectGrantClaims } from '../server/src/core/grants/detector';
import { projectCorpora, readRound, scoreJsonCases, scoreNotes, scoreSentences, type CorpusSet, type Score, type SentenceRow } from '../tools/grantCorpus';

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const showForms = args.includes('--forms');
const extra: CorpusSet[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--round') continue;
  const spec = args[++i] ?? '';
  const eq = spec.indexOf('=');
  if (eq <= 0) {
    console.error(`--round takes NAME=DIR, got ${JSON.stringify(spec)}`);
    process.exit(2);
  }
  extra.push(readRound(spec.slice(0, eq), spec.slice(eq + 1)));
}
const only = args.includes('--only-rounds');
const sets = only ? extra : [...projectCorpora(), ...extra];

const unfiltered = createGrantDetector(undefined, { prefilter: false });
// Enough passes that timer resolution and JIT warm-up do not dominate the rate.
const MIN_SENTENCES = 200_000;

function line(name: string, s: Score): string {
  return `${name.padEnd(24)} TP=${String(s.tp).padStart(3)} FP=${String(s.fp).padStart(3)} FN=${String(s.fn).padStart(3)} TN=${String(s.tn).padStart(3)}  P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)}`;
}

function byForm(rows: readonly SentenceRow[]): void {
  const forms = new Map<string, SentenceRow[]>();
  for (const r of rows) {
    const k = `${r.grant ? '+' : '-'} ${r.form ?? '(none)'}`;
    forms.set(k, [...(forms.get(k) ?? []), r]);
  }
  for (const [form, rs] of [...forms].sort()) {
    const wrong = rs.filter((r) => detectGrantClaims(r.text).length > 0 !== r.grant).length;
    if (wrong > 0) console.log(`    ${form.padEnd(36)} ${wrong}/${rs.length} wrong`);
  }
}

let failed = false;
const allSentences: SentenceRow[] = [];
for (const set of sets) {
  if (set.sentences) {
    const s = scoreSentences(set.sentences, detectGrantClaims);
    console.log(line(`${set.name} sentences`, s));
    if (showForms) byForm(set.sentences);
    if (showMisses) for (const m of s.misses) console.log(`    ${m}`);
    for (const r of set.sentences) {
      allSentences.push(r);
      if (JSON.stringify(detectGrantClaims(r.text)) !== JSON.stringify(unfiltered(r.text))) {
        console.error(`${set.name}: the prefilter changes the claims of ${JSON.stringify(r.text)}`);
        failed = true;
      }
    }
  }
  if (set.jsonCases) {
    const s = scoreJsonCases(set.jsonCases);
    console.log(line(`${set.name} packet fields`, s));
    if (showMisses) for (const m of s.misses) console.log(`    ${m}`);
  }
  if (set.notes) {
    const s = scoreNotes(set.notes);
    console.log(line(`${set.name} notes (claims)`, s));
    if (showMisses) for (const m of s.misses) console.log(`    ${m}`);
  }
}

if (allSentences.length > 0) {
  for (const r of allSentences) detectGrantClaims(r.text); // warm-up
  const passes = Math.max(1, Math.ceil(MIN_SENTENCES / allSentences.length));
  const t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (const r of allSentences) detectGrantClaims(r.text);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`throughput: ${Math.round((passes * allSentences.length) / seconds).toLocaleString('en-US')} sentences/s over ${allSentences.length} sentences × ${passes} passes`);
}
if (failed) process.exitCode = 1;
