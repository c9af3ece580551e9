/**
 * A grant claim and how one is built from a cue and an action: the range, the phrase, the
 * one-sentence reason the diagnostic and the hover show.
 */
import type { ActionRef } from './actions';
import type { CueClass } from './cueRef';
import type { Ctx } from './mentions';

export interface GrantClaim {
  /** UTF-16 offsets into the analysed text; the range runs from cue to action, whichever is first. */
  readonly start: number;
  readonly end: number;
  /** Canonical action name, as an authority lock writes it: the first of {@link actions}. */
  readonly action: string;
  /** Every action the claim names, in text order ("Authorized: permit, activation" names two). */
  readonly actions: readonly string[];
  /** The cue word(s) as written ("granted", "AUTHORIZED", "may now"). */
  readonly cue: string;
  /** `text.slice(start, end)`. */
  readonly phrase: string;
  /** One sentence saying why this reads as a production grant. */
  readonly reason: string;
  /** How the cue asserts: a grant word, a report of the act, a present permission, a status value, a flag set true. */
  readonly cueClass: ClaimClass;
  /**
   * Asserted in a non-restrictive relative clause ("the activation, which the owner confirmed"):
   * a fact whatever the mood of the sentence or list around it.
   */
  readonly embedded?: true;
}

/** How a claim asserts: a cue's class, a flag set true, or the learned reading of its wording (`reading.ts`). */
export type ClaimClass = CueClass | 'flag' | 'reading';


export function makeClaim(ctx: Ctx, ref: ActionRef, cueFrom: number, cueTo: number, cls: CueClass | 'reading'): GrantClaim {
  const { tokens, text } = ctx;
  const cueStart = tokens[cueFrom]?.start ?? 0;
  const cueEnd = tokens[cueTo - 1]?.end ?? cueStart;
  const start = Math.min(cueStart, tokens[ref.from]?.start ?? cueStart);
  const end = Math.max(cueEnd, tokens[ref.to - 1]?.end ?? cueEnd);
  const cue = text.slice(cueStart, cueEnd);
  const phrase = text.slice(start, end);
  return { start, end, action: ref.action, actions: [ref.action], cue, phrase, cueClass: cls, reason: reasonFor(cls, phrase, [ref.action], cue) };
}

// A claim grows over every part of its sentence that claims the same action; a long one is quoted by its ends.
const MAX_QUOTED = 120;
const END_QUOTED = 56;

/** The phrase as a message quotes it: whole when short, else its two ends. */
export function quotedPhrase(phrase: string): string {
  if (phrase.length <= MAX_QUOTED) return phrase;
  const flat = phrase.replace(/\s+/g, ' ');
  return `${flat.slice(0, END_QUOTED)} … ${flat.slice(-END_QUOTED)}`;
}

export function reasonFor(cls: ClaimClass, phrase: string, actions: readonly string[], cue: string): string {
  const q = `"${quotedPhrase(phrase).replace(/\s+/g, ' ')}"`;
  const action = actions.join(', ');
  switch (cls) {
    case 'flag':
      return `${q} records production work as done`;
    case 'reading':
      return `${q} reads as stating that ${action} was authorized or carried out (no rule form matched; the learned reading of the sentence's wording did)`;
    case 'status':
      return `${q} is a status line marking ${action} as ${cue}`;
    case 'perf':
      return `${q} states that ${action} was carried out, which implies it was authorized`;
    case 'permission':
      return `${q} states that ${action} may now be carried out`;
    case 'grant':
      return /(ed|en|lit|off|place|hand|effect)$/i.test(cue)
        ? `${q} states that ${action} is ${cue.toLowerCase()}`
        : `${q} states that ${action} is authorized ("${cue}")`;
  }
}


/** A claim whose cue is the whole token range: a production state, a flag set true. */
export function spanClaim(ctx: Ctx, span: { from: number; to: number }, action: string, cueClass: ClaimClass, says: string): GrantClaim {
  const start = ctx.tokens[span.from]?.start ?? 0;
  const end = ctx.tokens[span.to - 1]?.end ?? start;
  const phrase = ctx.text.slice(start, end);
  return { start, end, action, actions: [action], cue: phrase, phrase, cueClass, reason: `"${phrase}" ${says}` };
}

