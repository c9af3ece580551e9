// Creates <dir>/good, <dir>/broken and <dir>/exthost (copies of examples/kb) and <dir>/delta (the
// two-commit repository of the diff tests, test/helpers/deltaRepo.ts) for the real-editor tests.
// usage: node --import tsx test/e2e/make-workspaces.ts <dir>
import * as path from 'node:path';
import { deltaRepository } from '../helpers/deltaRepo';
import { makeBrokenCopy, makeGoodCopy } from './workspaces';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: make-workspaces.ts <dir>');
  process.exit(2);
}
makeGoodCopy(path.join(dir, 'good'));
makeBrokenCopy(path.join(dir, 'broken'));
makeGoodCopy(path.join(dir, 'exthost'));
deltaRepository(path.join(dir, 'delta'));
