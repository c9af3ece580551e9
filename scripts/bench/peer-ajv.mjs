// The peer of `govlens check DIR`: a fresh Node process that validates the same packet JSON
// files against the same schemas (schemas/) with ajv, as the engine configures it, and
// nothing else. Prints one JSON line with what it did.
//   node scripts/bench/peer-ajv.mjs DIR
import { readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { listFiles } from './walk.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/bench/peer-ajv.mjs DIR');
  process.exit(2);
}
const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../schemas');
const kinds = ['production-readiness-blocker-map', 'delegation-and-authority-lock', 'precondition-checklist', 'mutation-inventory', 'rollback-recovery-design', 'ticket-reservations'];
const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map(kinds.map((k) => [k, ajv.compile(JSON.parse(readFileSync(join(schemaDir, `${k}.schema.json`), 'utf8')))]));

// A packet document: a .json file under a folder whose name contains "packet"; its kind from the file name.
const kindOf = (file) => {
  const name = basename(file, '.json');
  return kinds.find((k) => name === k || name.endsWith(`-${k}`));
};
let validated = 0;
let invalid = 0;
let unparsable = 0;
for (const file of listFiles(root)) {
  if (!file.endsWith('.json') || !dirname(file).slice(root.length).split(sep).some((d) => d.includes('packet'))) continue;
  const kind = kindOf(file);
  if (!kind) continue;
  let value;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    unparsable++;
    continue;
  }
  validated++;
  if (!validators.get(kind)(value)) invalid++;
}
console.log(JSON.stringify({ validated, invalid, unparsable }));
