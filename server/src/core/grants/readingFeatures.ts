/**
 * The learned readings' features of a text, for training (`scripts/train-grants.ts`,
 * `tools/readingTraining.ts`): the features of each sentence the cued or the implicit reading
 * would read, as the detector reads them with the default vocabulary.
 */
import { DEFAULT_COMPILED } from './compiled';
import { readingInput, readsImplicitly, type Readings } from './readingInput';
import { namesAction, readText, tagKindsIn } from './readText';
import { sentenceFeatures } from './reading';

/**
 * A learned reading's features of a text, for training (`scripts/train-grants.ts`): those of
 * each sentence that reading would read (the cued one: an open cue; the implicit one: a
 * standing action and no open cue), together; undefined when it would read none.
 */
export function readingFeatures(original: string, which: keyof Readings = 'cued'): string[] | undefined {
  const read = readText(original, DEFAULT_COMPILED.lex, DEFAULT_COMPILED.runsOn);
  if (!read) return undefined;
  const out = new Set<string>();
  for (const s of read.sentences) {
    if (!namesAction(tagKindsIn(read.ctx, s))) continue;
    const open = readingInput(read.ctx, s) !== undefined;
    if (which === 'cued' ? !open : open || !readsImplicitly(read.ctx, s)) continue;
    for (const f of sentenceFeatures(read.ctx, s).features) out.add(f);
  }
  return out.size > 0 ? [...out] : undefined;
}
