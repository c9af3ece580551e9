import { tokenize } from './server/src/core/grants/tokens';
import { compileLexicon } from './server/src/core/grants/lexicon';
import { DEFAULT_VOCABULARY } from './server/src/core/grants/vocabulary';
import { matchMentions } from './server/src/core/grants/mentions';
const lex = compileLexicon(DEFAULT_VOCABULARY);
for (const s of process.argv.slice(2)) {
  const tokens = tokenize(s, lex.singleTokens);
  const ctx = { text: s, tokens, cover: new Array(tokens.length), noise: new Uint8Array(tokens.length) };
  matchMentions(ctx as any, lex.main, 0, tokens.length);
  console.log(tokens.map((t, i) => { const m = ctx.cover[i]; return `${t.raw}${m && m.from === i ? '{' + m.tags.map((g: any) => g.kind + (g.cue ? ':' + g.cue : g.trigger ? ':' + g.trigger : g.action ? ':' + g.action : g.neg ? ':' + g.neg : '')).join(',') + '}' : ''}`; }).join(' '));
}
