import { detectGrantClaims } from '../grants/detector';
import { DEFAULT_VOCABULARY } from '../grants/vocabulary';
import type { Span } from '../types';

/** An edit by document offsets. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Rewording {
  edits: OffsetEdit[];
  /** The claim as it reads after the edits, for the action's title. */
  result: string;
}

type CueClass = 'participle' | 'present' | 'modal' | 'status' | 'noun';

// Values that name a state rather than an act: "Cutover: GO", "REAL_RUN is live" read as pending once replaced.
const STATUS_WORDS = ['go', 'yes', 'ok', 'okay', 'green', 'true', 'active', 'live', 'a go', 'is go', 'proceed', 'in place', 'in effect', 'in hand', 'underway', 'under way', 'in progress', 'good to go', 'a green light', 'off hold'];
const AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'remains', 'remain', 'remained', 'stays', 'stay', 'stayed', 'gets', 'got']);
const PREPOSITION = /^[ \t]+(?:for|to|in|into|on|onto|at|across|within|by|from)(?![\w'’-])/i;
// Past forms that are never participles of a passive: "activation followed" is something that happened.
const INTRANSITIVE = new Set(['followed', 'happened', 'occurred', 'took place', 'went ahead', 'went through', 'succeeded', 'landed', 'proceeded', 'kicked off']);
const PRONOUNS = new Set(['i', 'we', 'they', 'you', 'he', 'she', 'it']);
const DETERMINERS = new Set(DEFAULT_VOCABULARY.determiners);
const IRREGULAR: Record<string, string> = { ran: 'run', wrote: 'written', began: 'begun', went: 'gone', took: 'taken', gave: 'given', did: 'done' };
const MODALS: Record<string, string> = { may: 'may not yet', 'may now': 'may not yet', 'may also': 'may not yet', can: 'cannot yet', 'can now': 'cannot yet' };

const cueClass = new Map<string, CueClass>();
{
  const v = DEFAULT_VOCABULARY;
  const add = (cls: CueClass, list: readonly string[]) => list.forEach((c) => cueClass.has(c.toLowerCase()) || cueClass.set(c.toLowerCase(), cls));
  // Earlier lists win: a word that is both a state and a participle ("live") is treated as a state.
  add('status', STATUS_WORDS);
  add('modal', v.permissionModals);
  add('present', v.presentGrantVerbs);
  add('participle', [...v.grantCues, ...v.unblockCues, ...v.performanceCues, ...v.auxiliaryPerformanceCues]);
  add('participle', Object.values(v.actions).flatMap((a) => a.performed ?? []));
  add('status', [...v.grantedStatuses, ...v.upperCaseCues]);
  add('noun', v.nounCues);
}
const alternatives = [...cueClass.keys()]
  .sort((a, b) => b.length - a.length)
  .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+'))
  .join('|');
const CUE_AT_END = new RegExp(`(?<![\\w'’-])(?:${alternatives})$`, 'i');
const CUE_AT_START = new RegExp(`^(?:${alternatives})(?![\\w'’-])`, 'i');

/**
 * Rewrites a production-grant claim (cue to action, spec §5) so it says the action is pending:
 * "production: authorized" → "production: pending", "REAL_RUN granted" → "REAL_RUN not yet
 * granted", "the owner authorized the cutover" → "the owner has not yet authorized the cutover".
 * Undefined when the cue is not recognised, or when the result would still read as a grant.
 */
export function rewordClaim(text: string, span: Span): Rewording | undefined {
  const phrase = text.slice(span.start, span.end);
  if (!/[A-Za-z]/.test(phrase) || phrase.trim() === 'true') return undefined;
  const atEnd = CUE_AT_END.exec(phrase);
  const atStart = CUE_AT_START.exec(phrase);
  let edits: OffsetEdit[] | undefined;
  if (atEnd && atEnd.index > 0) edits = cueAfterAction(text, span, atEnd.index, atEnd[0]);
  else if (atStart) edits = cueBeforeAction(text, span, atStart[0]);
  if (!edits || edits.length === 0) return undefined;
  return verified(text, span, edits);
}

function classOf(cue: string): CueClass | undefined {
  return cueClass.get(cue.toLowerCase().replace(/[ \t]+/g, ' '));
}

/** "REAL_RUN granted", "Production: AUTHORIZED", "Production has been approved". */
function cueAfterAction(text: string, span: Span, at: number, cue: string): OffsetEdit[] | undefined {
  const cls = classOf(cue);
  const cueStart = span.start + at;
  const before = text.slice(span.start, cueStart);
  const still = stillBlocked(cue, cueStart);
  if (still) return still;
  // `Subject: VALUE`, `**Subject:** VALUE`, a table's `| subject | VALUE |`.
  if (cls === 'status' || /(?:[:=—–|]|[ \t]-)[*_ \t]*$/.test(before)) return [{ start: cueStart, end: span.end, newText: styled('pending', cue) }];
  if (cls !== 'participle') return undefined;
  const aux = afterFirstAux(text, span.start, cueStart);
  // A simple past ("QT001/apply ran", "activation happened") takes "has not yet run", not "not yet ran".
  if (aux === undefined && (IRREGULAR[firstWord(cue)] !== undefined || INTRANSITIVE.has(cue.toLowerCase().replace(/[ \t]+/g, ' ')))) {
    const subject = /([\p{L}\p{N}_]+)[^\p{L}\p{N}_]*$/u.exec(before)?.[1] ?? '';
    return [{ start: cueStart, end: span.end, newText: styled(`${isPlural(subject) ? 'have' : 'has'} not yet ${participle(cue)}`, cue) }];
  }
  const insertAt = aux ?? cueStart;
  return [{ start: insertAt, end: insertAt, newText: `${styled('not yet', cue)} ` }];
}

function firstWord(cue: string): string {
  return cue.split(/[ \t]/)[0]?.toLowerCase() ?? '';
}

/** "ran" → "run", "went live" → "gone live", "authorized" → "authorized". */
function participle(cue: string): string {
  const [verb = '', ...rest] = cue.split(/([ \t]+)/);
  return (IRREGULAR[verb.toLowerCase()] ?? verb.toLowerCase()) + rest.join('');
}

/** "approved for production", "authorized the cutover", "may now run REAL_RUN", "deployed". */
function cueBeforeAction(text: string, span: Span, cue: string): OffsetEdit[] | undefined {
  const cls = classOf(cue);
  const cueEnd = span.start + cue.length;
  const lower = cue.toLowerCase().replace(/[ \t]+/g, ' ');
  if (cls === 'modal') {
    const modal = MODALS[lower];
    if (modal) return [{ start: span.start, end: cueEnd, newText: recased(modal, cue) }];
    const free = /^(is|are)([ \t]+)/i.exec(cue);
    return free ? [{ start: span.start + free[0].length, end: span.start + free[0].length, newText: `${styled('not yet', cue)} ` }] : undefined;
  }
  if (cls === 'present') return [{ start: span.start, end: cueEnd, newText: recased(`does not yet ${lower.replace(/s$/, '')}`, cue) }];
  const still = stillBlocked(cue, span.start);
  if (still) return still;
  if (cls !== 'participle') return undefined;

  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const aux = afterFirstAux(text, lineStart, span.start);
  if (aux !== undefined) return [{ start: aux, end: aux, newText: `${styled('not yet', cue)} ` }];
  const before = text.slice(lineStart, span.start).trimEnd();
  const words = /(?:([\p{L}\p{N}_]+)[ \t]+)?([\p{L}\p{N}_]+)$/u.exec(before);
  const subject = words?.[2];
  if (subject === undefined) {
    // A headline: "Approved for production." → "Not yet approved for production."
    const first = cue.charAt(0);
    const upper = isUpper(cue);
    const recased = upper ? cue : first.toLowerCase() + cue.slice(1);
    return [{ start: span.start, end: cueEnd, newText: `${upper ? 'NOT YET' : first === first.toUpperCase() ? 'Not yet' : 'not yet'} ${recased}` }];
  }
  // "Release approved for production" is a headline that dropped its auxiliary; "the owner
  // signed off on the cutover" and "we authorized the cutover" are active.
  const fullSubject = PRONOUNS.has(subject.toLowerCase()) || DETERMINERS.has((words?.[1] ?? '').toLowerCase());
  if (!fullSubject && PREPOSITION.test(text.slice(cueEnd, span.end))) return [{ start: span.start, end: span.start, newText: `${styled('not yet', cue)} ` }];
  const have = isPlural(subject) ? 'have' : 'has';
  return [{ start: span.start, end: cueEnd, newText: styled(`${have} not yet ${participle(cue)}`, cue) }];
}

/** "no longer blocked" → "still blocked": inserting "not yet" there would read as a double negative. */
function stillBlocked(cue: string, cueStart: number): OffsetEdit[] | undefined {
  const noLonger = /^no[ \t]+longer(?=[ \t])/i.exec(cue);
  return noLonger ? [{ start: cueStart, end: cueStart + noLonger[0].length, newText: recased('still', cue) }] : undefined;
}

/** Where "not yet" goes in an auxiliary chain ending at `end`: after its first word ("has ⁁been approved"). */
function afterFirstAux(text: string, from: number, end: number): number | undefined {
  const words = [...text.slice(from, end).matchAll(/([A-Za-z']+)[ \t]+/g)];
  let first: RegExpMatchArray | undefined;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    const contiguous = w && (w.index ?? 0) + w[0].length === (first ? (first.index ?? 0) : end - from);
    if (!w || !contiguous || !AUX.has((w[1] ?? '').toLowerCase())) break;
    first = w;
  }
  return first ? from + (first.index ?? 0) + first[0].length : undefined;
}

function isPlural(subject: string): boolean {
  const s = subject.toLowerCase();
  return ['i', 'we', 'they', 'you'].includes(s) || (/s$/.test(s) && !/(?:ss|us|is)$/.test(s));
}

function isUpper(word: string): boolean {
  return /[A-Z].*[A-Z]/.test(word) && word === word.toUpperCase();
}

/** `words` in the case the cue was written in: "PENDING" for "AUTHORIZED", "pending" otherwise. */
function styled(words: string, cue: string): string {
  return isUpper(cue) ? words.toUpperCase() : words;
}

/** Like {@link styled}, and capitalised where the cue was (it starts the sentence). */
function recased(words: string, cue: string): string {
  if (isUpper(cue)) return words.toUpperCase();
  return /^[A-Z]/.test(cue) ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** Applies the edits and rereads the line: a rewording that still reads as a grant is no fix. */
function verified(text: string, span: Span, edits: OffsetEdit[]): Rewording | undefined {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let edited = text;
  for (const e of sorted) edited = edited.slice(0, e.start) + e.newText + edited.slice(e.end);
  const delta = edits.reduce((sum, e) => sum + e.newText.length - (e.end - e.start), 0);
  const from = edits.reduce((min, e) => Math.min(min, e.start), span.start);
  const to = span.end + delta;
  const lineStart = edited.lastIndexOf('\n', from - 1) + 1;
  const lineEndAt = edited.indexOf('\n', to);
  const lineEnd = lineEndAt < 0 ? edited.length : lineEndAt;
  const line = edited.slice(lineStart, lineEnd);
  const stillClaims = detectGrantClaims(line).some((c) => c.start + lineStart < to && c.end + lineStart > from);
  return stillClaims ? undefined : { edits, result: edited.slice(from, to) };
}
