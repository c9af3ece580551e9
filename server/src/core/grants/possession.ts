/**
 * Possession of a grant as a cue: "holds cutover authority", "has the owner's REAL_RUN grant",
 * "was handed the go-ahead", with the words that may stand between the verb and the grant noun;
 * not a need ("has a grant request pending") or a power ("has the authority to grant ...").
 */
import { has, nextToken, tagOf, type Ctx, type Mention } from './mentions';

// Words between a possession verb and its grant noun: "holds (the owner's) (explicit) REAL_RUN grant".
const POSSESSION_FILLERS = new Set(['delegated', 'signed', 'granted', 'explicit', 'standing', 'valid', 'delegated', 'full', 'formal', 'written', 'signed', 'own', 'new', 'current', 'owner', "owner's", 'owners', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'my', 'our', 'your', 'now', 'also', 'already', 'production', 'prod', 'production-scope', 'separate', 'specific', 'recorded', 'verbal', 'final']);
const MAX_POSSESSION_GAP = 7;
const POWERS = new Set(['grant', 'approve', 'authorize', 'authorise', 'sign', 'decide', 'permit', 'allow', 'clear', 'veto', 'revoke']);

/** "holds cutover authority", "has the owner's REAL_RUN grant", "was handed the go-ahead". */
const PAPERS = new Set(['page', 'pages', 'form', 'forms', 'paperwork', 'draft', 'drafts', 'template', 'templates', 'request', 'requests', 'application', 'file', 'folder', 'copy', 'printout', 'section', 'wording', 'text']);

export function possessesGrant(ctx: Ctx, m: Mention, b: number): boolean {
  let j = nextToken(ctx, m.to - 1, b);
  for (let steps = 0; j !== -1 && steps < MAX_POSSESSION_GAP; steps++) {
    const c = ctx.cover[j];
    const t = ctx.tokens[j];
    if (!t) return false;
    if (has(c, 'grantNoun') || tagOf(c, 'cue')?.cue === 'noun') {
      // "has its own grant requirement", "has a grant request pending": a need, not a grant;
      // "has the authority to grant the cutover": a power, not its use.
      const after = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
      if (after !== -1 && has(ctx.cover[after], 'trigger')) return false;
      // "has the OPT-4 page on her desk": what is held is the paper about the grant.
      if (after !== -1 && PAPERS.has(ctx.tokens[after]?.norm ?? '')) return false;
      const verb = after === -1 ? undefined : ctx.tokens[nextToken(ctx, after, b)];
      return !(ctx.tokens[after]?.norm === 'to' && verb !== undefined && POWERS.has(verb.norm));
    }
    if (has(c, 'neg') || has(c, 'trigger')) return false;
    // "holds delegated authority", "has the operator's signed grant": participles describe the grant.
    const describes = POSSESSION_FILLERS.has(t.norm) || t.norm.endsWith("'s");
    if (has(c, 'cue') && !has(c, 'action') && !describes) return false;
    if (t.kind === 'punct' && t.raw !== '-') return false;
    j = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
  }
  return false;
}
