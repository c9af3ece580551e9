/**
 * The gated actions a text names, whatever it says of them, with their offsets: for a field
 * whose role asserts the opposite of its words (a failed "no CI/deploy in this macro" check says a
 * deploy happened).
 */
import { resolveActions } from './actions';
import type { Lexicon } from './lexicon';
import { matchMentions, type Ctx, type Mention } from './mentions';
import { tokenize } from './tokens';

/** A production-gated action named in a text, with its UTF-16 offsets. */
export interface ActionMention {
  readonly start: number;
  readonly end: number;
  readonly action: string;
}

/**
 * The gated actions `text` names, whatever it says of them: for a field whose role asserts
 * the opposite of its words (a failed "no CI/deploy in this macro" check says a deploy happened).
 */
export function mentionsIn(text: string, lex: Lexicon): ActionMention[] {
  const tokens = tokenize(text, lex.singleTokens);
  if (tokens.length === 0) return [];
  const ctx: Ctx = { text, tokens, cover: new Array<Mention | undefined>(tokens.length), noise: new Uint8Array(tokens.length) };
  matchMentions(ctx, lex.main, 0, tokens.length);
  return resolveActions(ctx, 0, tokens.length).refs.map((r) => ({
    start: tokens[r.from]?.start ?? 0,
    end: tokens[r.to - 1]?.end ?? 0,
    action: r.action,
  }));
}
