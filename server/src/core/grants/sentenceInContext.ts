/**
 * One sentence's claims in the context of the sentences around it: the order in which the
 * sentence forms, the clauses, the forms a keyword reading misses, a reply and the learned
 * readings are tried, and the filters that then drop claims (a negated head, a retracted or
 * denied report, a requirement's colon, a doubting aside, a later contradiction).
 */
import { answeredYes, asksForAction, opensWithGrant } from './answers';
import { makeClaim, type GrantClaim } from './claim';
import { deniedApprovalAfter, laterContradictions, untouchedProduction } from './contradictions';
import { counterfactual } from './counterfactual';
import { quoteStart, reportStart, retracted } from './deniedReports';
import { answered, answeredByName, ASKS_WHETHER, deniesBefore, questionOpener, replyClaims } from './dialogue';
import { doubtingAside } from './doubtingAside';
import { failingStatus } from './failingStatus';
import { formClaims } from './formClaims';
import type { Lexicon } from './lexicon';
import { has, nextToken, timeColon, type Ctx } from './mentions';
import { negatedHead } from './negatedHead';
import { onlyOutsideProduction, partsOutsideProduction } from './onlyOutsideProduction';
import { readingClaims, type Readings } from './readingInput';
import { requirementColon } from './requirementColon';
import { sentenceClaims } from './sentenceClauses';
import type { Sentence } from './sentences';
import { standingActions } from './standingActions';
import { cellOutsideProduction, delimiterRow, statusVerdict, tableCells, tableRowValue } from './tableRows';
import { refusedStatus } from './refusedStatus';
import { taskBox } from './taskBox';
import { whHeading } from './whHeading';
import { zeroProgress } from './zeroProgress';

/**
 * One sentence's claims: its task box, question and answer, table row or record line decide
 * first; then its clauses; then, when they claim nothing, the forms a keyword reading misses
 * (a log line, a flag, a production state, an effect, a choice, a positive header, a tick).
 * Claims under a negated head, inside a retracted report or denied by the next sentence drop.
 */
export function sentenceClaimsInContext(
  ctx: Ctx,
  sentences: readonly Sentence[],
  k: number,
  lex: Lexicon,
  kinds: ReadonlySet<string>,
  readings: Readings,
  cueFree: boolean,
): GrantClaim[] {
  const s = sentences[k]!;
  const box = taskBox(ctx, s);
  if (box && !box.ticked) return []; // an open task box asserts nothing yet
  // In a text with no cue at all (`detect`), only the implicit reading can claim: the rule forms are not tried.
  if (cueFree && (s.question || ctx.tokens[s.from]?.raw === '|')) return [];
  if (s.question) {
    // "Was the cutover performed? Yes, at 01:40." asserts what the question asks.
    const opener = questionOpener(ctx, s);
    const yes = answeredYes(ctx, sentences[k + 1]);
    // "Who approved go-live? A: The owner, on 08-31.": naming the one who did affirms it was done.
    const by = yes === -1 && opener === 'who' ? answeredByName(ctx, sentences[k + 1]) : -1;
    const answer = yes !== -1 ? yes : by;
    if (answer === -1) return [];
    const asked = sentenceClaims(ctx, s, lex);
    if (asked.length > 0) return asked.map((c) => answered(ctx, c, answer));
    // "Permit? Granted, 11-26.": the answer is the grant word itself; "Did the REAL_RUN happen? Yes.": the answer affirms the event asked about.
    // "Q: repoint the renderer tonight? — Owner: ok go": a question that opens with the action proposes it.
    // "Approve the gate cutover? — yes": a question that opens with the grant asks for it.
    return yes !== -1 && (has(ctx.cover[yes], 'cue') || ASKS_WHETHER.has(opener) || asksForAction(ctx, s) || opensWithGrant(ctx, s))
      ? standingActions(ctx, s.from, s.to).map((ref) => makeClaim(ctx, ref, yes, yes + 1, 'status'))
      : [];
  }
  if (counterfactual(ctx, s) || whHeading(ctx, s)) return [];
  // "| environment | deploy status | approved by |" over "|---|---|---|": the header names columns.
  if (ctx.tokens[s.from]?.raw === '|' && delimiterRow(ctx, sentences[k + 1])) return [];
  const row = tableRowValue(ctx, s, (i, hi) => statusVerdict(ctx, lex, i, hi));
  if (row) return standingActions(ctx, s.from, s.to).filter((ref) => !cellOutsideProduction(ctx, s, ref)).map((ref) => makeClaim(ctx, ref, row.from, row.to, 'status'));
  // A row with no status cell: a cell may still be a sentence of its own ("| D-14 | Owner selected OPT-4 on 11-28 |").
  if (ctx.tokens[s.from]?.raw === '|') {
    const cells = tableCells(ctx, s);
    // "| PC-9 | cutover separately authorized | FAIL |": a cell that refuses settles the row.
    if (cells.some((cell) => statusVerdict(ctx, lex, nextToken(ctx, cell.from - 1, cell.to), cell.to) === 'not')) return [];
    return cells.flatMap((cell) => sentenceClaims(ctx, cell, lex));
  }
  if ((kinds.has('nonprod') && onlyOutsideProduction(ctx, s)) || zeroProgress(ctx, s) || refusedStatus(ctx, s)) return [];
  const outside = kinds.has('nonprod') ? partsOutsideProduction(ctx, s) : [];
  let found = cueFree ? [] : sentenceClaims(ctx, s, lex, sentences[k - 1]);
  if (found.length === 0 && !cueFree) found = formClaims(ctx, s, kinds, box);
  if (found.length === 0 && k > 0 && !cueFree) found = replyClaims(ctx, sentences[k - 1]!, s);
  if (found.length === 0) found = readingClaims(ctx, s, readings);
  // The filters below only drop claims: a sentence that makes none needs none of them.
  if (found.length === 0) return found;
  const negatedTo = negatedHead(ctx, s);
  const denied = kinds.has('report') ? retracted(ctx, s) : undefined;
  const offset = (i: number) => ctx.tokens[i]?.start ?? ctx.text.length;
  // "somebody posted 'repoint approved'. It was not approved.": the next sentence denies the report.
  const next = sentences[k + 1];
  const quoted = kinds.has('report') || !next ? -1 : quoteStart(ctx, s);
  const report = next && (kinds.has('report') || quoted !== -1) && deniesBefore(ctx, next) ? (quoted !== -1 ? quoted : reportStart(ctx, s)) : -1;
  // "the following would be required before any production step: (a) ...; (c) a grant, signed by the Owner": what a colon after a requirement introduces is required, not done.
  const required = requirementColon(ctx, s);
  // "The activation went out, I think, but please check": a hedge set off by commas doubts what came before it.
  const doubted = doubtingAside(ctx, s);
  // "PC-7 (REAL_RUN approved in lock), whose status is FAIL": the words before a failing status are a check's item.
  const failing = failingStatus(ctx, lex, s);
  // "The go-live went fine — in the sandbox, that is; production is untouched": what was done happened outside production.
  const untouched = kinds.has('prodWord') ? untouchedProduction(ctx, s) : -1;
  // "The vendor asserted that go-live had been approved; the Head has since stated that no approval was given."
  const noneGranted = deniedApprovalAfter(ctx, s);
  // "Migration is done: inventory tables on stg-inv-01 now carry the v5 schema": the colon's detail places the work.
  const placedByDetail = kinds.has('nonprod') ? detailOutsideProduction(ctx, s) : -1;
  let contradictions: ReadonlyMap<string, number> | undefined;
  const contradicted = (c: GrantClaim) => ((contradictions ??= laterContradictions(ctx, s)).get(c.action) ?? -1) >= c.end;
  return found.filter(
    (c) =>
      !(negatedTo !== -1 && c.start < offset(negatedTo)) &&
      !(denied && c.start >= offset(denied.from) && c.start < offset(denied.to)) &&
      !(report !== -1 && c.start >= offset(report)) &&
      !(required !== -1 && c.start >= offset(required)) &&
      !(doubted !== -1 && c.start < offset(doubted)) &&
      !(failing !== -1 && c.start < offset(failing)) &&
      !(untouched !== -1 && c.end <= offset(untouched) && c.cueClass !== 'grant' && c.cueClass !== 'permission') &&
      !(noneGranted !== -1 && c.end <= noneGranted && c.cueClass !== 'perf' && c.cueClass !== 'flag') &&
      !(placedByDetail !== -1 && c.end <= offset(placedByDetail)) &&
      !outside.some((part) => c.start >= offset(part.from) && c.start < offset(part.to)) &&
      !contradicted(c),
  );
}

/**
 * A colon whose detail names a place outside production and no production word, after a part
 * that names none either ("Migration is done: tables on stg-inv-01 carry the v5 schema"): the
 * colon's token, or -1. The work reported before it was done where the detail says.
 */
function detailOutsideProduction(ctx: Ctx, s: Sentence): number {
  let colon = -1;
  for (let i = s.from; i < s.to && colon === -1; i++) if (ctx.tokens[i]?.raw === ':' && !timeColon(ctx, i)) colon = i;
  if (colon === -1) return -1;
  let outside = false;
  for (let i = s.from; i < s.to; i++) {
    const c = ctx.cover[i];
    if (has(c, 'prodWord') || has(c, 'prodModifier')) return -1;
    if (i > colon && has(c, 'nonprod')) outside = true;
  }
  return outside ? colon : -1;
}
