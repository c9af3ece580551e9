/**
 * The claims of one sentence's clauses: status forms and cue-bound actions (`binding.ts`), unless
 * a hedging label opens the sentence ("Proposal:", "Next step:") or the next clause revokes
 * ("..., but later revoked"); when the clauses claim nothing, a clause that speaks of an action
 * named elsewhere (`anaphora.ts`). An option offered ("Option 3: authorize ...") decides nothing
 * unless the sentence says it was chosen.
 */
import { anaphoricSpans, markRelative } from './anaphora';
import { clauseClaims, statusClaims } from './binding';
import type { GrantClaim } from './claim';
import { splitClauses, type Clause } from './clauses';
import type { Lexicon } from './lexicon';
import { has, isComma, nextToken, startingAt, type Ctx, type Mention } from './mentions';
import { deniedNeed } from './requirementColon';
import { FORWARD } from './scopes';
import type { Sentence } from './sentences';

/** The claims of one sentence's clauses (status forms and cue-bound actions). */
export function sentenceClaims(ctx: Ctx, s: Sentence, lex: Lexicon, previous?: Sentence): GrantClaim[] {
  const out: GrantClaim[] = [];
  const optionFrom = optionStart(ctx, s);
  const clauses = splitClauses(ctx, s, lex.status);
  const first = clauses[0];
  if (first && !first.status && hedgingLabel(ctx, first)) return out;
  // "Revoked: the director's 11-28 go for the repoint (see DR-020)": what the label revokes, up to its first comma, claims nothing.
  const revokedTo = first && !first.status ? revokedUpTo(ctx, first, s) : -1;
  // A clause the next one revokes ("..., but later revoked") claims nothing, directly or through an antecedent.
  const standing = clauses.filter((_, k) => !(clauses[k + 1] && revokesPrevious(ctx, clauses[k + 1]!)));
  for (const clause of standing) {
    const found = clause.status ? statusClaims(ctx, clause, clause.status, optionFrom) : clauseClaims(ctx, clause, optionFrom);
    for (const c of found) if (revokedTo === -1 || c.start >= (ctx.tokens[revokedTo]?.start ?? Infinity)) out.push(c);
  }
  if (out.length > 0) return markRelative(ctx, s, out);
  for (const span of anaphoricSpans(ctx, s, standing.filter((c) => !c.status), previous)) {
    for (const c of clauseClaims(ctx, span, optionFrom, span.antecedent)) out.push(span.relative ? { ...c, embedded: true } : c);
  }
  return out;
}

// Words that open a clause speaking of the one before it ("..., but later revoked", "; it was withdrawn").
const ANAPHORA = new Set(['it', 'this', 'that', 'they', 'these', 'those', 'which', 'and', 'then', 'later', 'since', 'subsequently', 'afterwards']);

/** "Option 3: authorize ..." offers rather than decides, unless the sentence says it was chosen. */
function optionStart(ctx: Ctx, s: Sentence): number {
  let first = Infinity;
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (has(m, 'choice')) return Infinity;
    if (has(m, 'option')) first = Math.min(first, m.from);
    i = m.to - 1;
  }
  return first;
}

/**
 * "..., but later revoked", "; it was withdrawn": a subjectless or pronoun clause holding a
 * revocation speaks of the clause before it.
 */
function revokesPrevious(ctx: Ctx, clause: Clause): boolean {
  const first = nextToken(ctx, clause.from - 1, clause.to);
  if (first === -1) return false;
  const m = ctx.cover[first];
  const opensElliptically = ANAPHORA.has(ctx.tokens[first]?.norm ?? '') || has(m, 'be') || has(m, 'adverb') || isRevocation(m);
  let revoked = false;
  // "..., but the owner's 11-06 note withdraws it": a revocation whose object points back.
  let revokesPronoun = false;
  for (let i = clause.from; i < clause.to; i++) {
    const c = ctx.cover[i];
    if (has(c, 'action') || has(c, 'prodWord') || has(c, 'prodModifier')) return false;
    if (isRevocation(c)) {
      revoked = true;
      const n = ctx.tokens[nextToken(ctx, (c?.to ?? i + 1) - 1, clause.to)]?.norm ?? '';
      if (n === 'it' || n === 'them' || n === 'this' || n === 'that') revokesPronoun = true;
    }
  }
  return revoked && (opensElliptically || revokesPronoun);
}

function isRevocation(m: Mention | undefined): boolean {
  return m !== undefined && m.tags.some((t) => t.kind === 'trigger' && t.trigger === 'revocation');
}

const REVOKING_LABELS = new Set(['revoked', 'withdrawn', 'rescinded', 'retracted', 'cancelled', 'canceled', 'voided', 'void', 'struck']);

/**
 * A one- or two-word label of revocation before a colon ("Revoked:", "Now withdrawn:"): the
 * token where what it revokes ends (the first comma or semicolon after it, or the sentence's end), or -1.
 */
function revokedUpTo(ctx: Ctx, clause: Clause, s: Sentence): number {
  const sep = ctx.tokens[clause.to];
  if (!sep || sep.raw !== ':') return -1;
  let words = 0;
  let revoking = false;
  for (let i = clause.from; i < clause.to; i++) {
    const t = ctx.tokens[i];
    if (!t || t.kind === 'punct') continue;
    if (++words > 2) return -1;
    revoking ||= REVOKING_LABELS.has(t.norm);
  }
  if (!revoking) return -1;
  for (let i = clause.to + 1; i < s.to; i++) if (isComma(ctx, i) || ctx.tokens[i]?.raw === ';') return i;
  return s.to;
}

/** "Proposal:", "Next step:", "Question:" — a short label that hedges everything after it. */
function hedgingLabel(ctx: Ctx, clause: Clause): boolean {
  const sep = ctx.tokens[clause.to];
  if (!sep || sep.raw !== ':') return false;
  let words = 0;
  let hedge = false;
  for (let i = clause.from; i < clause.to; i++) {
    const t = ctx.tokens[i];
    if (!t || t.kind === 'punct') continue;
    if (++words > 8) return false;
    const m = ctx.cover[i];
    // "We don't need another approval: ..." labels nothing: the need is denied.
    if (m?.tags.some((tag) => tag.kind === 'option' || (tag.kind === 'trigger' && FORWARD.has(tag.trigger))) && !deniedNeed(ctx, i, clause.from)) hedge = true;
  }
  return hedge;
}
