/**
 * "I want to say clearly that the owner approved ...", "we'd like to note that ...": a wish whose
 * object is an act of telling asserts what is told; the wish is the telling, not the content.
 * Verbs of checking ("confirm", "verify") stay wishes: "I want to confirm that it was approved" asks.
 */
import { mentionPhrase, nextToken, type Ctx, type Mention } from './mentions';

const WISHES = new Set(['want', 'wants', 'wanted', 'would like']);
const TELLING = new Set([
  'say', 'note', 'stress', 'report', 'inform', 'highlight', 'mention', 'record', 'state', 'emphasize', 'emphasise',
  'clarify', 'underline', 'point', 'let', 'flag', 'share', 'remind', 'add', 'announce', 'tell',
]);

export function reportingWish(ctx: Ctx, m: Mention, b: number): boolean {
  if (!WISHES.has(mentionPhrase(ctx, m))) return false;
  const to = nextToken(ctx, m.to - 1, b);
  if (to === -1 || ctx.tokens[to]?.norm !== 'to') return false;
  const verb = nextToken(ctx, to, b);
  return verb !== -1 && TELLING.has(ctx.tokens[verb]?.norm ?? '');
}
