/**
 * One claim, one finding (spec §5): claims whose ranges meet are merged into one claim that names
 * every action, its phrase and reason rebuilt.
 */
import { reasonFor, type GrantClaim } from './claim';

/**
 * One claim, one finding (spec §5): claims whose ranges meet (every claim holds its cue, so two
 * that share a cue meet) are one claim naming every action. Input sorted by start; one pass.
 */
export function mergeClaims(text: string, claims: readonly GrantClaim[]): GrantClaim[] {
  const out: GrantClaim[] = [];
  // A run of meeting claims is gathered first and built once, so a claim naming n actions
  // costs O(n), not a rebuilt phrase and action list per action.
  let first: GrantClaim | undefined;
  let end = 0;
  let actions = new Set<string>();
  const close = (): void => {
    if (!first) return;
    if (actions.size === first.actions.length && end === first.end) {
      out.push(first);
      return;
    }
    // "production" covers every other action, so a named action leads the message.
    const list = [...actions].sort((x, y) => Number(x === 'production') - Number(y === 'production'));
    const phrase = text.slice(first.start, end);
    out.push({ ...first, end, actions: list, action: list[0] ?? first.action, phrase, reason: reasonFor(first.cueClass, phrase, list, first.cue) });
  };
  for (const c of claims) {
    if (first && c.start < end) {
      end = Math.max(end, c.end);
      for (const a of c.actions) actions.add(a);
      continue;
    }
    close();
    first = c;
    end = c.end;
    actions = new Set(c.actions);
  }
  close();
  return out;
}
