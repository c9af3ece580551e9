import { tokenize } from './server/src/core/grants/tokens';
for (const s of process.argv.slice(2)) console.log(tokenize(s, new Set()).map(t => `${t.raw}/${t.kind}${t.upper?'U':''}`).join(' '));
