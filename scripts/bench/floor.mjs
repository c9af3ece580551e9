// The floor of `govlens check DIR`: a fresh Node process that lists every file, reads it and
// JSON.parses the JSON ones, and nothing else. Prints one JSON line with what it did.
//   node scripts/bench/floor.mjs DIR
import { readFileSync } from 'node:fs';
import { listFiles } from './walk.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/bench/floor.mjs DIR');
  process.exit(2);
}
let bytes = 0;
let parsed = 0;
let unparsable = 0;
const files = listFiles(root);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
      parsed++;
    } catch {
      unparsable++;
    }
  }
}
console.log(JSON.stringify({ files: files.length, chars: bytes, parsed, unparsable }));
