import { detectGrantClaims } from './server/src/core/grants/detector';
import { tokenize } from './server/src/core/grants/tokens';
for (const s of process.argv.slice(2)) console.log(JSON.stringify(s), '=>', detectGrantClaims(s).map(c => `${c.actions.join('+')} "${c.phrase}" [${c.cueClass}]`).join('; ') || '-');
