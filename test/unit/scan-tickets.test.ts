/**
 * Tickets and ticket ranges (spec §4): `TKT-OBJ-450`, `TKT-OBJ-442..461` (inclusive, 20
 * tickets), `TKT-OBJ-442..TKT-OBJ-461`; malformed: reversed, other prefix at the end, three
 * dots, missing or non-numeric end.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatRange, parseTicketRange, scanTickets, ticketCount, type TicketOccurrence } from '../../server/src/core/scan/tickets';
import { identitySegment, type Segment } from '../../server/src/core/scan/segment';
import { patternsFor, withDefaults, type Settings } from '../../server/src/core/settings';
import type { Span } from '../../server/src/core/types';

const slice = (text: string, span: Span) => text.slice(span.start, span.end);
const ticketPattern = (settings: Partial<Settings> = {}) => patternsFor(withDefaults(settings)).ticket;

/** What a scan found, spans shown as the text they cover. */
type Shown =
  | { valid: true; token: string; prefix: string; first: number; last: number }
  | { valid: false; token: string; suggestion?: string };

function show(text: string, o: TicketOccurrence): Shown {
  assert.equal(slice(text, o.span), o.text, 'the occurrence text is what its span covers');
  if (o.valid) return { valid: true, token: slice(text, o.span), ...o.range };
  const shown: Shown = { valid: false, token: slice(text, o.span) };
  if (o.suggestion !== undefined) shown.suggestion = o.suggestion;
  return shown;
}

function tickets(text: string, settings: Partial<Settings> = {}): Shown[] {
  return scanTickets(identitySegment(text), ticketPattern(settings)).map((o) => show(text, o));
}

function problemOf(text: string): string {
  const [only, ...rest] = scanTickets(identitySegment(text), ticketPattern());
  assert.equal(rest.length, 0);
  assert.ok(only && !only.valid, `${text} is malformed`);
  return only.problem;
}

describe('scanTickets: valid forms', () => {
  test('one ticket', () => {
    assert.deepEqual(tickets('see TKT-OBJ-450 now'), [{ valid: true, token: 'TKT-OBJ-450', prefix: 'TKT-OBJ', first: 450, last: 450 }]);
  });

  test('a range with a bare end', () => {
    assert.deepEqual(tickets('reserve TKT-OBJ-442..461 for it'), [{ valid: true, token: 'TKT-OBJ-442..461', prefix: 'TKT-OBJ', first: 442, last: 461 }]);
  });

  test('a range whose end repeats the prefix', () => {
    assert.deepEqual(tickets('TKT-OBJ-442..TKT-OBJ-461'), [{ valid: true, token: 'TKT-OBJ-442..TKT-OBJ-461', prefix: 'TKT-OBJ', first: 442, last: 461 }]);
  });

  test('a range of one ticket', () => {
    assert.deepEqual(tickets('TKT-OBJ-450..450'), [{ valid: true, token: 'TKT-OBJ-450..450', prefix: 'TKT-OBJ', first: 450, last: 450 }]);
  });

  test('a sentence-ending dot is not part of a ticket or range', () => {
    assert.deepEqual(tickets('Reserved: TKT-OBJ-450. Next'), [{ valid: true, token: 'TKT-OBJ-450', prefix: 'TKT-OBJ', first: 450, last: 450 }]);
    assert.deepEqual(tickets('TKT-OBJ-450.'), [{ valid: true, token: 'TKT-OBJ-450', prefix: 'TKT-OBJ', first: 450, last: 450 }]);
    assert.deepEqual(tickets('TKT-OBJ-442..461.'), [{ valid: true, token: 'TKT-OBJ-442..461', prefix: 'TKT-OBJ', first: 442, last: 461 }]);
  });

  test('several in one text, separated by punctuation', () => {
    assert.deepEqual(
      tickets('(TKT-OBJ-1), TKT-REL-2..3; TKT-A9-4\nTKT-OBJ-5'),
      [
        { valid: true, token: 'TKT-OBJ-1', prefix: 'TKT-OBJ', first: 1, last: 1 },
        { valid: true, token: 'TKT-REL-2..3', prefix: 'TKT-REL', first: 2, last: 3 },
        { valid: true, token: 'TKT-A9-4', prefix: 'TKT-A9', first: 4, last: 4 },
        { valid: true, token: 'TKT-OBJ-5', prefix: 'TKT-OBJ', first: 5, last: 5 },
      ],
    );
  });

  test('not tickets: lower case, glued to a word, no number, underscores', () => {
    assert.deepEqual(tickets('tkt-obj-1 TKT-obj-1 XTKT-OBJ-1 TKT-OBJ-1a TKT-OBJ TKT-OBJ- TKT_OBJ_1 my-TKT-OBJ-1 TKT-OBJ-1_2'), []);
  });

  test('spans go through the segment back to document offsets', () => {
    const shifted: Segment = { text: 'x TKT-OBJ-442..461', offsetOf: (i) => 10 + i };
    const [only] = scanTickets(shifted, ticketPattern());
    assert.deepEqual(only?.span, { start: 12, end: 28 });
  });
});

describe('scanTickets: malformed ranges', () => {
  test('reversed: the whole token, and a suggestion with the ends swapped', () => {
    assert.deepEqual(tickets('see TKT-OBJ-461..442 here'), [{ valid: false, token: 'TKT-OBJ-461..442', suggestion: 'TKT-OBJ-442..461' }]);
    assert.match(problemOf('TKT-OBJ-461..442'), /before it starts/);
  });

  test('another prefix at the end', () => {
    assert.deepEqual(tickets('TKT-OBJ-442..TKT-REL-461'), [{ valid: false, token: 'TKT-OBJ-442..TKT-REL-461', suggestion: 'TKT-OBJ-442..461' }]);
    assert.match(problemOf('TKT-OBJ-442..TKT-REL-461'), /TKT-REL/);
  });

  test('three dots', () => {
    assert.deepEqual(tickets('TKT-OBJ-442...461'), [{ valid: false, token: 'TKT-OBJ-442...461', suggestion: 'TKT-OBJ-442..461' }]);
    assert.match(problemOf('TKT-OBJ-442...461'), /two dots/);
  });

  test('missing end', () => {
    assert.deepEqual(tickets('TKT-OBJ-442.. then'), [{ valid: false, token: 'TKT-OBJ-442..' }]);
    assert.match(problemOf('TKT-OBJ-442..'), /no end/);
  });

  test('non-numeric end', () => {
    assert.deepEqual(tickets('TKT-OBJ-442..abc'), [{ valid: false, token: 'TKT-OBJ-442..abc' }]);
    assert.match(problemOf('TKT-OBJ-442..abc'), /"abc" is not a ticket number/);
  });

  test('an end that starts with digits but is not a number is non-numeric, not a shorter range', () => {
    assert.deepEqual(tickets('TKT-OBJ-442..461abc'), [{ valid: false, token: 'TKT-OBJ-442..461abc' }]);
    assert.deepEqual(tickets('TKT-OBJ-442..TKT-OBJ-46x'), [{ valid: false, token: 'TKT-OBJ-442..TKT-OBJ-46x' }]);
  });

  test('several slips at once: the suggestion fixes all of them', () => {
    assert.deepEqual(tickets('TKT-OBJ-461...442'), [{ valid: false, token: 'TKT-OBJ-461...442', suggestion: 'TKT-OBJ-442..461' }]);
    assert.deepEqual(tickets('TKT-OBJ-461..TKT-REL-442'), [{ valid: false, token: 'TKT-OBJ-461..TKT-REL-442', suggestion: 'TKT-OBJ-442..461' }]);
  });

  test('a malformed range does not swallow the next ticket', () => {
    assert.deepEqual(tickets('TKT-OBJ-461..442, TKT-OBJ-470'), [
      { valid: false, token: 'TKT-OBJ-461..442', suggestion: 'TKT-OBJ-442..461' },
      { valid: true, token: 'TKT-OBJ-470', prefix: 'TKT-OBJ', first: 470, last: 470 },
    ]);
  });
});

describe('ticketCount and formatRange', () => {
  test('442..461 is 20 tickets; one ticket is 1', () => {
    assert.equal(ticketCount({ prefix: 'TKT-OBJ', first: 442, last: 461 }), 20);
    assert.equal(ticketCount({ prefix: 'TKT-OBJ', first: 450, last: 450 }), 1);
  });

  test('formats a range, and a one-ticket range as a ticket', () => {
    assert.equal(formatRange({ prefix: 'TKT-OBJ', first: 442, last: 461 }), 'TKT-OBJ-442..461');
    assert.equal(formatRange({ prefix: 'TKT-OBJ', first: 450, last: 450 }), 'TKT-OBJ-450');
  });

  test('the scanned range of the seed counts 20', () => {
    const [only] = scanTickets(identitySegment('TKT-OBJ-442..TKT-OBJ-461'), ticketPattern());
    assert.ok(only?.valid);
    assert.equal(ticketCount(only.range), 20);
    assert.equal(formatRange(only.range), 'TKT-OBJ-442..461');
  });
});

describe('parseTicketRange (a reservation\'s whole `range` string)', () => {
  const parse = (text: string) => parseTicketRange(identitySegment(text), ticketPattern());

  test('a range, a ticket, and surrounding blanks are fine', () => {
    assert.deepEqual(show('TKT-OBJ-442..461', parse('TKT-OBJ-442..461')), { valid: true, token: 'TKT-OBJ-442..461', prefix: 'TKT-OBJ', first: 442, last: 461 });
    assert.deepEqual(show('TKT-OBJ-450', parse('TKT-OBJ-450')), { valid: true, token: 'TKT-OBJ-450', prefix: 'TKT-OBJ', first: 450, last: 450 });
    const padded = '  TKT-OBJ-442..461 ';
    assert.deepEqual(show(padded, parse(padded)), { valid: true, token: 'TKT-OBJ-442..461', prefix: 'TKT-OBJ', first: 442, last: 461 });
  });

  test('a malformed range keeps its own reason and suggestion', () => {
    const result = parse('TKT-OBJ-461..442');
    assert.ok(!result.valid);
    assert.equal(result.suggestion, 'TKT-OBJ-442..461');
    assert.match(result.problem, /before it starts/);
  });

  for (const text of ['TKT-OBJ-442..461 extra', 'about TKT-OBJ-442..461', 'TKT-OBJ-1, TKT-OBJ-2', '', 'OBJ-442..461']) {
    test(`not one range: ${JSON.stringify(text)} is invalid over the whole string`, () => {
      const result = parse(text);
      assert.ok(!result.valid);
      assert.deepEqual(result.span, { start: 0, end: text.length });
      assert.match(result.problem, /not one ticket range/);
    });
  }
});

describe('ticketPrefixes', () => {
  test('a configured prefix is recognised and the default one no longer', () => {
    assert.deepEqual(tickets('JIRA-CORE-7..9 and TKT-OBJ-1', { ticketPrefixes: ['JIRA'] }), [
      { valid: true, token: 'JIRA-CORE-7..9', prefix: 'JIRA-CORE', first: 7, last: 9 },
    ]);
  });

  test('several prefixes; the end prefix must still match the start', () => {
    const settings = { ticketPrefixes: ['TKT', 'JIRA'] };
    assert.deepEqual(tickets('TKT-OBJ-1 JIRA-CORE-2..JIRA-CORE-3 JIRA-CORE-4..TKT-CORE-5', settings), [
      { valid: true, token: 'TKT-OBJ-1', prefix: 'TKT-OBJ', first: 1, last: 1 },
      { valid: true, token: 'JIRA-CORE-2..JIRA-CORE-3', prefix: 'JIRA-CORE', first: 2, last: 3 },
      { valid: false, token: 'JIRA-CORE-4..TKT-CORE-5', suggestion: 'JIRA-CORE-4..5' },
    ]);
  });
});
