// Creates <dir>/good, <dir>/broken and <dir>/exthost (copies of examples/kb) for the real-editor tests.
// usage: node --import tsx scripts/e2e/make-workspaces.ts <dir>
import * as path from 'node:path';
import { makeBrokenCopy, makeGoodCopy } from '../../test/e2e/workspaces';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: make-workspaces.ts <dir>');
  process.exit(2);
}
makeGoodCopy(path.join(dir, 'good'));
makeBrokenCopy(path.join(dir, 'broken'));
makeGoodCopy(path.join(dir, 'exthost'));
