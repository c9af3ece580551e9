/**
 * What must hold for any input: analysis returns (never throws), every range lies inside its
 * document, and the same files give the same result, whether read fresh or after edits.
 */
import { Analyzer } from '../../server/src/core/analyzer';
import type { DocumentFacts } from '../../server/src/core/facts/types';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { analyzeWorkspace, blockerRow } from '../../server/src/core/report';
import { createLanguageService, RenameError } from '../../server/src/core/service';
import type { Settings } from '../../server/src/core/settings';
import type { Position, Range, Span } from '../../server/src/core/types';
import { append } from '../../server/src/core/append';

/** Everything a host can observe of one analysis, as plain data. */
export interface Observed {
  documents: readonly string[];
  results: { path: string; diagnostics: unknown[] }[];
  blockers: unknown[];
}

export function observe(analyzer: Analyzer): Observed {
  const report = analyzeWorkspace(analyzer);
  return {
    documents: [...analyzer.documents()],
    results: report.results.map((r) => ({ path: r.path, diagnostics: r.diagnostics })),
    blockers: report.blockers.map(blockerRow),
  };
}

export function analyse(files: Record<string, string>, settings: Partial<Settings> = {}, rootName = 'workspace') {
  const workspace = new InMemoryWorkspace(files, rootName);
  const analyzer = new Analyzer(workspace, settings);
  return { workspace, analyzer, observed: observe(analyzer) };
}

/** Line lengths as LSP counts them: `\r\n`, `\n` and a lone `\r` end a line; the break is not part of it. */
export function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      lengths.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

/** Line lengths per document, computed once: a workspace may cite one large file thousands of times. */
function linesCache(textOf: (path: string) => string | undefined): (path: string) => number[] {
  const cache = new Map<string, number[]>();
  return (path) => {
    let lengths = cache.get(path);
    if (!lengths) {
      lengths = lineLengths(textOf(path) ?? '');
      cache.set(path, lengths);
    }
    return lengths;
  };
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Problems with a range in a document of this text; empty when it lies inside. */
export function rangeProblems(text: string, range: Range, what: string, lengths = lineLengths(text)): string[] {
  const problems: string[] = [];
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    const ok = Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < lengths.length && p.character <= (lengths[p.line] ?? -1);
    if (!ok) problems.push(`${what}: ${name} ${JSON.stringify(p)} is outside the document (${lengths.length} lines, line length ${lengths[p.line] ?? 'n/a'})`);
  }
  if (!before(range.start, range.end)) problems.push(`${what}: start ${JSON.stringify(range.start)} is after end ${JSON.stringify(range.end)}`);
  return problems;
}

function spanProblems(length: number, span: Span | undefined, what: string): string[] {
  if (!span) return [];
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  return ok ? [] : [`${what}: span ${JSON.stringify(span)} is outside 0..${length}`];
}

/** Every span a document's facts hold lies within the document. */
export function factProblems(facts: DocumentFacts): string[] {
  const n = facts.text.length;
  const at = (what: string) => `${facts.path} ${what}`;
  const problems: string[] = [];
  const spans: [string, Span | undefined][] = [
    ...facts.local.map((f) => [`finding ${f.code}`, f.span] as [string, Span]),
    ...facts.idRefs.map((d) => [`reference ${d.id}`, d.span] as [string, Span]),
    ...facts.tickets.map((t) => [`ticket ${t.text}`, t.span] as [string, Span]),
    ...facts.evidence.flatMap((e) => [
      [`evidence ${e.path}`, e.span],
      [`evidence path ${e.path}`, e.pathSpan],
      [`evidence anchor ${e.path}`, e.anchor?.span],
      [`evidence status ${e.path}`, e.status?.span],
      [`evidence cited id ${e.path}`, e.citedId?.span],
    ] as [string, Span | undefined][]),
    ...facts.claims.map((c) => [`claim ${c.phrase}`, c.span] as [string, Span]),
    ...kindSpans(facts),
  ];
  for (const [what, span] of spans) append(problems, spanProblems(n, span, at(what)));
  return problems;
}

/** The spans only one kind of document holds. */
function kindSpans(facts: DocumentFacts): [string, Span | undefined][] {
  if (facts.kind === 'note') {
    return [
      ...facts.links.map((l) => [`link ${l.target}`, l.span] as [string, Span]),
      ...facts.suppressions.map((s) => [`suppression ${s.codes.join()}`, s.span] as [string, Span]),
      ...facts.headings.map((h) => [`heading ${h.text}`, h.span] as [string, Span]),
    ];
  }
  const packet: [string, Span | undefined][] = [
    ...facts.definitions.map((d) => [`definition ${d.id}`, d.span] as [string, Span]),
    ...facts.entries.map((e) => [`entry ${e.key}`, e.span] as [string, Span]),
  ];
  switch (facts.kind) {
    case 'production-readiness-blocker-map':
      return [
        ...packet,
        ...facts.resolvedRefs.map((d) => [`resolved ${d.id}`, d.span] as [string, Span]),
        ...facts.blockers.map((b) => [`blocker ${b.id}`, b.span] as [string, Span]),
        ['production_work_performed', facts.productionWorkPerformed?.span],
      ];
    case 'delegation-and-authority-lock':
      return [
        ...packet,
        ...facts.grants.map((g) => [`grant ${g.id}`, g.span] as [string, Span]),
        ...facts.withheld.map((w) => [`withheld ${w.action}`, w.span] as [string, Span]),
      ];
    case 'ticket-reservations':
      return [...packet, ...facts.reservations.map((r) => [`reservation ${r.text}`, r.span] as [string, Span])];
    default:
      return packet;
  }
}

/** Every diagnostic (and related location) of every document lies within the document it names. */
export function observedProblems(analyzer: Analyzer, observed: Observed): string[] {
  const problems: string[] = [];
  const textOf = (p: string) => analyzer.factsOf(p)?.text;
  const lengthsOf = linesCache(textOf);
  for (const p of observed.documents) {
    const facts = analyzer.factsOf(p);
    if (facts) append(problems, factProblems(facts));
  }
  for (const { path, diagnostics } of observed.results) {
    const text = textOf(path);
    if (text === undefined) {
      problems.push(`${path}: diagnostics for a document that cannot be read`);
      continue;
    }
    const lengths = lengthsOf(path);
    for (const d of diagnostics as { code: string; range: Range; message: string; relatedInformation?: { path: string; range: Range }[] }[]) {
      append(problems, rangeProblems(text, d.range, `${path} ${d.code}`, lengths));
      if (typeof d.message !== 'string' || d.message.length === 0) problems.push(`${path} ${d.code}: no message`);
      for (const r of d.relatedInformation ?? []) {
        const relatedText = textOf(r.path);
        if (relatedText === undefined) problems.push(`${path} ${d.code}: related location in unreadable ${r.path}`);
        else append(problems, rangeProblems(relatedText, r.range, `${path} ${d.code} related ${r.path}`, lengthsOf(r.path)));
      }
    }
  }
  for (const b of observed.blockers as { file: string; line: number; id: string }[]) {
    const text = textOf(b.file);
    if (text === undefined || b.line < 0 || b.line >= lengthsOf(b.file).length) problems.push(`blocker ${b.id}: line ${b.line} outside ${b.file}`);
  }
  return problems;
}

/** Positions a client may send: inside, at the edges, past the end, negative. */
export function probePositions(text: string, picks: readonly number[]): Position[] {
  const lengths = lineLengths(text);
  const positions: Position[] = [
    { line: 0, character: 0 },
    { line: lengths.length - 1, character: lengths[lengths.length - 1] ?? 0 },
    { line: lengths.length + 5, character: 3 },
    { line: 0, character: 1_000_000 },
    { line: -1, character: -1 },
    { line: 2 ** 31, character: 2 ** 31 },
  ];
  for (const pick of picks) {
    const line = pick % lengths.length;
    positions.push({ line, character: Math.floor(pick / lengths.length) % ((lengths[line] ?? 0) + 2) });
  }
  return positions;
}

/**
 * Asks every editor feature about a document at the given positions; returns the problems
 * (exceptions other than a refused rename, ranges outside the document they name).
 */
export function serviceProblems(analyzer: Analyzer, path: string, positions: readonly Position[], newName: string): string[] {
  const service = createLanguageService(analyzer, { linkTo: (p, at) => (at ? `file:///${p}#L${at.line + 1}` : `file:///${p}`) });
  const problems: string[] = [];
  const textOf = (p: string) => analyzer.factsOf(p)?.text;
  const lengthsOf = linesCache(textOf);
  const within = (p: string, range: Range, what: string) => {
    const text = textOf(p);
    if (text === undefined) problems.push(`${what}: names unreadable ${p}`);
    else append(problems, rangeProblems(text, range, `${what} in ${p}`, lengthsOf(p)));
  };
  const attempt = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof RenameError) return;
      problems.push(`${what} threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  attempt(`documentLinks ${path}`, () => {
    for (const l of service.documentLinks(path)) within(path, l.range, 'document link');
  });
  attempt(`documentSymbols ${path}`, () => {
    const walk = (symbols: ReturnType<typeof service.documentSymbols>) => {
      for (const s of symbols) {
        within(path, s.range, `symbol ${s.name}`);
        within(path, s.selectionRange, `symbol selection ${s.name}`);
        if (s.children) walk(s.children);
      }
    };
    walk(service.documentSymbols(path));
  });
  attempt(`codeLenses ${path}`, () => {
    for (const lens of service.codeLenses(path)) {
      within(path, lens.range, 'code lens');
      for (const l of lens.references) within(l.path, l.range, 'code lens reference');
    }
    for (const lens of service.evidenceLenses(path)) {
      within(path, lens.range, 'evidence lens');
      within(lens.target.path, lens.target.range, 'evidence lens target');
    }
  });
  attempt(`workspaceSymbols ${newName}`, () => {
    for (const s of service.workspaceSymbols(newName.slice(0, 3))) within(s.location.path, s.location.range, `workspace symbol ${s.name}`);
  });
  const diagnostics = analyzer.diagnostics(path);
  for (const position of positions) {
    const at = `${path} ${JSON.stringify(position)}`;
    attempt(`hover ${at}`, () => {
      const hover = service.hover(path, position);
      if (hover?.range) within(path, hover.range, 'hover');
    });
    attempt(`definition ${at}`, () => {
      for (const l of service.definition(path, position)) within(l.path, l.range, 'definition');
    });
    attempt(`implementation ${at}`, () => {
      for (const l of service.implementation(path, position)) within(l.path, l.range, 'implementation');
    });
    attempt(`references ${at}`, () => {
      for (const l of service.references(path, position, true)) within(l.path, l.range, 'reference');
    });
    attempt(`prepareRename ${at}`, () => {
      const r = service.prepareRename(path, position);
      if (r && 'range' in r) within(path, r.range as Range, 'prepareRename');
      else if (r && 'start' in r) within(path, r as Range, 'prepareRename');
    });
    attempt(`rename ${at}`, () => {
      const edit = service.rename(path, position, newName);
      for (const [p, edits] of Object.entries(edit)) for (const e of edits as { range: Range }[]) within(p, e.range, 'rename edit');
    });
    attempt(`completions ${at}`, () => {
      service.completions(path, position);
    });
    attempt(`codeActions ${at}`, () => {
      const actions = service.codeActions(path, { start: position, end: position }, diagnostics);
      for (const a of actions) for (const [p, edits] of Object.entries(a.edit)) for (const e of edits as { range: Range }[]) within(p, e.range, `code action "${a.title}"`);
    });
  }
  return problems;
}
