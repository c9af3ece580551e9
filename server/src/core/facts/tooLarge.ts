import { basename, isJsonPath } from '../paths';
import { LineIndex } from '../text/lineIndex';
import type { FileSnapshot } from '../workspace';
import { emptyFacts } from './emptyFacts';
import type { DocumentFacts } from './types';

/** Whether a file holds more than `limit` UTF-16 code units: the host left it unread, or its text says so. */
export const overLimit = (file: FileSnapshot, limit: number): boolean => file.unreadSize !== undefined || file.text.length > limit;

/** The facts of a file over the size limit: it is not parsed, so it defines and cites nothing, and says why. */
export function tooLargeFacts(path: string, file: FileSnapshot, limit: number): DocumentFacts {
  const kind = isJsonPath(path) ? 'packet-document' : 'note';
  const facts = emptyFacts({ path, version: file.version, text: file.text, lines: new LineIndex(file.text) }, kind);
  facts.tooLarge = true;
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 3 : 1)} MB`;
  const size = file.unreadSize === undefined ? mb(file.text.length) : `${mb(file.unreadSize)} on disk`;
  facts.local.push({
    code: 'file-too-large',
    span: { start: 0, end: 0 },
    message: `${basename(path)} is ${size}, over the ${mb(limit)} size limit, so it is not analysed; split it, or raise maxFileSizeMB (editor setting governanceLens.maxFileSizeMB or .govlens.json).`,
  });
  return facts;
}
