/**
 * Text that is mentioned rather than asserted, blanked before anything is tokenized: code spans,
 * struck-through text, and a quoted phrase after a word like "phrase" or before one like "line", or the quoted wording
 * of a local entry ('PC-4 "cutover separately authorized" is FAIL'). Offsets are unchanged.
 */

const QUOTED = /(^|[\s(:[—–-])(["“'‘])([^"“”'‘’\n]{1,160}?)(["”'’])(?=[\s.,;:)!?\]—–-]|$)/g;
const CODE_SPAN = /`[^`\n]*`/g;
// Struck-through text (GFM "~~…~~") is withdrawn wording: "~~Activation: APPROVED~~ Activation: HOLD".
const STRUCK = /~~(?=[^\s~])[^~\n]{1,400}?~~/g;
const LAST_WORD = /([\p{L}.]+)[\s:]*$/u;
const FIRST_WORD = /^\s*([\p{L}]+)/u;
const LOCAL_ID = /^[A-Z]{1,6}-\d{1,4}:?$/;
const READ_AS = /\b(?:read|reads|misread|misreads|interpreted|taken|mistaken|understood)\s+as\s*$/i;
// "Avoid writing `broadcaster: LIVE` or "go-live done"": wording one is told not to use, however far along its list.
// '"Cutover approved" is the exact wording the auditor asked us to stop using': a wording named as one.
const MEANING = /^\s*(?:would mean|means|meant|stands for|implies|would imply|as an? (?:box|item|line|label|entry|placeholder|template|example|checkbox)|(?:is|was|are|were) (?:the|a|an) (?:exact |very |same |usual |standard )?(?:wording|phrase|term|words|text|line|label|expression|formula|quote|quotation|template|placeholder|string)|(?:is|was|are|were) quoted)\b/i;
const AVOIDED = /\b(?:avoid|never|not|don't|do not|stop)\s+(?:writing|write|saying|say|using|use|calling|call)\b[^.;!?]{0,80}$/i;

/**
 * Text that is mentioned, not asserted, blanked with spaces of the same length: code spans
 * (a JSON string or a single sentence keeps its backticks), and a quoted span right after a
 * word like "phrase" or "template", or right before one like "line" ("the note's
 * 'production: authorized' line"). One pass of each expression, linear in the text.
 */
export function maskMentioned(text: string, metaNouns: ReadonlySet<string>): string {
  let out = text;
  if (out.includes('`')) out = out.replace(CODE_SPAN, (m) => ' '.repeat(m.length));
  if (out.includes('~~')) out = out.replace(STRUCK, (m) => ' '.repeat(m.length));
  if (!/["“'‘]/.test(out)) return out;
  return out.replace(QUOTED, (whole: string, lead: string, open: string, inner: string, close: string, at: number) => {
    const word = LAST_WORD.exec(out.slice(Math.max(0, at - 40), at + lead.length))?.[1];
    // 'PC-4 "cutover separately authorized" is FAIL': the quoted wording of an entry.
    if (LOCAL_ID.test(out.slice(Math.max(0, at - 12), at + lead.length).trimEnd().split(/\s/).pop() ?? '')) return lead + ' '.repeat(open.length + inner.length + close.length);
    const before = word?.toLowerCase();
    // 'which someone read as "REAL_RUN: approved"': what a wording was taken for is mentioned.
    if (READ_AS.test(out.slice(Math.max(0, at - 40), at + lead.length))) return lead + ' '.repeat(open.length + inner.length + close.length);
    if (AVOIDED.test(out.slice(Math.max(0, at - 120), at + lead.length))) return lead + ' '.repeat(open.length + inner.length + close.length);
    // "what 'production authorized' would mean", 'lists "cutover approved by owner" as a box to tick': the wording is discussed, not asserted.
    if (MEANING.test(out.slice(at + whole.length, at + whole.length + 30))) return lead + ' '.repeat(open.length + inner.length + close.length);
    // "relayed the owner's words: "Rotate the prod secrets now."" quotes what was said, to be used.
    if (before === 'words' && /:\s*$/.test(out.slice(Math.max(0, at - 40), at + lead.length))) return whole;
    const after = FIRST_WORD.exec(out.slice(at + whole.length, at + whole.length + 40))?.[1]?.toLowerCase();
    if (!(before && metaNouns.has(before)) && !(after && metaNouns.has(after))) return whole;
    return lead + ' '.repeat(open.length + inner.length + close.length);
  });
}
