/**
 * A lifted restriction as a grant cue: a lift verb with a restriction noun beside it ("The hold on
 * the cutover was released", "waived the REAL_RUN gate", "MKS3-P1-PLAN-REALRUN-1 is superseded
 * by the owner's REAL_RUN grant"); an active verb's object is what it lifts.
 */
import { has, nextToken, type Ctx, type Mention } from './mentions';

const LIFT_REACH = 5;
const ACTIVE_LIFT = /^(?:supersedes|superseding|overrides|overriding|overrode|replaces|replacing|trumps|outranks)$/;

// A governance ID as the seeds write them, "FIX7-P0-PROD-ROLLBACK-1": a blocker, which is a restriction ("MKS3-P1-PLAN-REALRUN-1 is superseded by the owner's REAL_RUN grant").
const GOVERNANCE_ID = /^[A-Z][A-Z0-9]*-P\d+-[A-Z0-9-]*\d$/;

function blockerId(ctx: Ctx, j: number): boolean {
  const t = ctx.tokens[j];
  return t !== undefined && t.kind === 'opaque' && GOVERNANCE_ID.test(t.raw);
}

/**
 * "The hold on the cutover was released", "waived the REAL_RUN gate", "HOLD superseded by the
 * owner's GO": a lift verb with a restriction noun beside it. After "superseded by" the
 * restriction is what replaces, so it lifts nothing.
 */
export function liftsRestriction(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const passiveBy = nextToken(ctx, m.to - 1, b);
  const byFollows = passiveBy !== -1 && ctx.tokens[passiveBy]?.norm === 'by';
  // "The 09-20 HOLD supersedes the earlier OPT-4": an active verb's subject does the lifting, its object is lifted.
  const active = ACTIVE_LIFT.test(ctx.tokens[m.to - 1]?.norm ?? '');
  for (let j = m.from - 1, words = 0; !active && j >= a && words < LIFT_REACH + 3; j--) {
    if (has(ctx.cover[j], 'restriction') || ctx.tokens[j]?.norm === 'hold' || blockerId(ctx, j)) return true;
    if (has(ctx.cover[j], 'cue') || ctx.tokens[j]?.raw === ';') break;
    if (ctx.tokens[j]?.kind !== 'punct') words++;
  }
  if (byFollows) return false;
  // After the verb the restriction is its object: "waived the REAL_RUN gate", "removed permit
  // from the withheld list"; "cancelled at the approval gate" names where, not what.
  for (let j = m.to, words = 0; j < b && words < LIFT_REACH; j++) {
    const c = ctx.cover[j];
    if (has(c, 'restriction') || ctx.tokens[j]?.norm === 'hold' || ctx.tokens[j]?.norm === 'withheld' || blockerId(ctx, j)) return true;
    if (has(c, 'prep') && ctx.tokens[j]?.norm !== 'from' && ctx.tokens[j]?.norm !== 'on') return false;
    // "was revoked on 11-12 and is withheld again": a verb of its own starts another predicate.
    if (has(c, 'be') || has(c, 'have')) return false;
    if (ctx.tokens[j]?.kind !== 'punct') words++;
  }
  return false;
}
