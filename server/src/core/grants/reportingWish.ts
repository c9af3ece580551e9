/**
 * "I want to say clearly that the owner approved ...", "we'd like to note that ...": a wish whose
 * object is an act of telling asserts what is told; the wish is the telling, not the content.
 * Verbs of checking ("confirm", "verify") stay wishes: "I want to confirm that it was approved" asks.
 * So does a modal of telling: "It should be noted that the cutover was duly authorised".
 */
import { mentionPhrase, nextToken, type Ctx, type Mention } from './mentions';

const WISHES = new Set(['want', 'wants', 'wanted', 'would like']);
const TELLING = new Set([
  'say', 'note', 'stress', 'report', 'inform', 'highlight', 'mention', 'record', 'state', 'emphasize', 'emphasise',
  'clarify', 'underline', 'point', 'let', 'flag', 'share', 'remind', 'add', 'announce', 'tell',
]);

/** "want to say", "should be noted": the mention's words in `heads`, then `link`, then a word of `verbs`. */
function thenTelling(ctx: Ctx, m: Mention, b: number, heads: ReadonlySet<string>, link: string, verbs: ReadonlySet<string>): boolean {
  if (!heads.has(mentionPhrase(ctx, m))) return false;
  const l = nextToken(ctx, m.to - 1, b);
  if (l === -1 || ctx.tokens[l]?.norm !== link) return false;
  const verb = nextToken(ctx, l, b);
  return verb !== -1 && verbs.has(ctx.tokens[verb]?.norm ?? '');
}

export function reportingWish(ctx: Ctx, m: Mention, b: number): boolean {
  return thenTelling(ctx, m, b, WISHES, 'to', TELLING);
}

const TOLD = new Set(['noted', 'stressed', 'recorded', 'emphasized', 'emphasised', 'understood', 'underlined', 'observed', 'mentioned', 'said']);
const TELLING_MODALS = new Set(['should', 'must', 'shall', 'will', 'may']);

// "I should record that ...", "the only thing I would add is that ...": a modal on the telling verb itself.
const SPEAKING_MODALS = new Set([...TELLING_MODALS, 'would', "i'd", "we'd", 'can']);
const SPEAKERS = new Set(['i', 'we']);

/**
 * "It should be noted that ...", "it must be stressed that ...", "I should record that ...", "I
 * would add that ...": the modal is of the telling, and what is told is asserted.
 */
export function tellingModal(ctx: Ctx, m: Mention, b: number): boolean {
  if (thenTelling(ctx, m, b, TELLING_MODALS, 'be', TOLD)) return true;
  // The speaker's own telling ("I must record"); "what a later note would say" tells nothing yet.
  const phrase = mentionPhrase(ctx, m);
  const speaker = phrase === "i'd" || phrase === "we'd" || SPEAKERS.has(ctx.tokens[m.from - 1]?.norm ?? '');
  if (!SPEAKING_MODALS.has(phrase) || !speaker) return false;
  const verb = nextToken(ctx, m.to - 1, b);
  const word = ctx.tokens[verb]?.norm ?? '';
  return verb !== -1 && TELLING.has(word) && word !== 'let' && (word !== 'point' || ctx.tokens[verb + 1]?.norm === 'out');
}
