import type { Analysis } from '../analysis';
import { entriesOf, isBroken, lockRecord } from '../facts/anyKind';
import type { BlockerMapFacts, ClaimCue, ClaimFact, DocumentFacts, Entry, Reservation } from '../facts/types';
import { inForce, lockGrants } from '../checks/grants';
import type { BlockerStatus } from '../index/blockerStatus';
import type { Resolution } from '../index/resolvePath';
import { formatRange, ticketCount, type TicketRange } from '../scan/tickets';
import { count, MAX_CANDIDATES } from '../limits';
import { basename, packetRelative } from '../paths';
import type { Position, Range } from '../types';
import { anchorEntry } from './anchors';
import { targetAt, type Target } from './locate';
import { code, codeLink, md, mdBlock, mdCell } from './markdownText';
import { idOccurrences } from './occurrences';
import { rangeCovers, rangesOverlap } from './ranges';
import { sealAt, sealCard } from './seals';

export interface Hover {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** Builds a link the editor can open: a file, optionally at a position. */
export type LinkTo = (path: string, position?: Position) => string;

export function hover(analysis: Analysis, path: string, offset: number, linkTo: LinkTo): Hover | undefined {
  const facts = analysis.factsOf(path);
  // A seal's hex is the most specific thing it stands in (a claim's sentence, say).
  const seal = facts && sealAt(analysis, facts, offset);
  if (facts && seal) return { contents: sealCard(analysis, seal), range: facts.lines.range(seal.ref.span.start, seal.ref.span.end) };
  const target = facts && targetAt(analysis, facts, offset);
  if (!facts || !target) return undefined;
  const contents = card(analysis, facts, target, linkTo);
  return contents === undefined ? undefined : { contents, range: facts.lines.range(target.span.start, target.span.end) };
}

function card(analysis: Analysis, facts: DocumentFacts, target: Target, linkTo: LinkTo): string | undefined {
  switch (target.kind) {
    case 'id':
      return idCard(analysis, target.id, linkTo);
    case 'ticket':
      return ticketCard(analysis, target.range, target.reservation, linkTo);
    case 'evidence':
      return fileCard(analysis, target.ref.path, target.resolution, target.ref.anchor && anchorEntryOf(analysis, target.resolution, target.ref.anchor), linkTo);
    case 'link':
      return fileCard(analysis, target.target, target.resolution, undefined, linkTo);
    case 'claim':
      return claimCard(analysis, facts, target.claim, linkTo);
  }
}

function at(analysis: Analysis, path: string, offset: number, linkTo: LinkTo): string {
  const lines = analysis.factsOf(path)?.lines;
  return linkTo(path, lines?.positionAt(offset));
}

function idCard(analysis: Analysis, id: string, linkTo: LinkTo): string {
  const index = analysis.workspaceIndex();
  const blocker = index.blockers.get(id);
  if (blocker) return blockerCard(analysis, blocker, linkTo);
  const sites = index.definitions.get(id) ?? [];
  const site = sites[0];
  if (!site) return `**${id}**\n\nNot defined anywhere in the workspace: no packet document has an entry with this \`id\`.`;
  const owner = analysis.factsOf(site.path);
  const entry = owner && entriesOf(owner).find((e) => e.span.start === site.span.start);
  const lines = [`**${id}** · ${entry ? `${entry.array.replace(/_/g, ' ')} entry` : 'defined'} in ${fileLink(analysis, site.path, at(analysis, site.path, site.span.start, linkTo))}`];
  if (entry?.status) lines.push(`Status: **${md(entry.status)}**`);
  if (entry?.item) lines.push(mdBlock(entry.item));
  if (owner) lines.push(origin(owner));
  if (sites.length > 1) lines.push(`Also defined in ${sites.slice(1).map((s) => fileLink(analysis, s.path, at(analysis, s.path, s.span.start, linkTo))).join(', ')}`);
  return lines.join('\n\n');
}

function blockerCard(analysis: Analysis, status: BlockerStatus, linkTo: LinkTo): string {
  const { blocker, facts } = status;
  const resolved = status.resolvedBy
    ? `resolved ${status.resolvedBy.how === 'status' ? 'by its own status' : `by ${fileLink(analysis, status.resolvedBy.facts.path, linkTo(status.resolvedBy.facts.path))} (resolved_in_this_macro)`}`
    : 'unresolved';
  const out = [`**${status.id}** · blocker · **${resolved}**`];
  if (blocker.item) out.push(mdBlock(blocker.item));
  const rows: [string, string | undefined][] = [
    ['Blocks', blocker.blocks],
    ['Actor needed', blocker.actor_needed],
    ['Next action', blocker.next_action],
  ];
  const table = rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `| ${k} | ${mdCell(v)} |`);
  if (table.length > 0) out.push(['| | |', '|---|---|', ...table].join('\n'));
  const evidence = evidenceLinks(analysis, facts, blocker.span.start, linkTo);
  if (evidence) out.push(`Evidence: ${evidence}`);
  const references = idOccurrences(analysis, status.id).filter((o) => !o.definition).length;
  out.push(`${origin(facts, linkTo(facts.path, facts.lines.positionAt(blocker.span.start)))} · ${references} reference${references === 1 ? '' : 's'}`);
  return out.join('\n\n');
}

/** The evidence references written inside one blocker entry, as links to what they cite. */
function evidenceLinks(analysis: Analysis, facts: BlockerMapFacts, idOffset: number, linkTo: LinkTo): string | undefined {
  const entry = facts.entries.find((e) => e.span.start === idOffset);
  if (!entry) return undefined;
  const { start, end } = entry.extent;
  const refs = analysis.referencesOf(facts).evidence.filter(({ ref }) => ref.span.start >= start && ref.span.end <= end);
  if (refs.length === 0) return undefined;
  return refs
    .map(({ ref, resolution }) => {
      const label = facts.text.slice(ref.span.start, ref.span.end);
      if (resolution.kind !== 'file') return `${code(label)} (not found)`;
      const cited = anchorEntryOf(analysis, resolution, ref.anchor);
      return codeLink(label, cited ? at(analysis, resolution.path, cited.span.start, linkTo) : linkTo(resolution.path));
    })
    .join(', ');
}

/**
 * A file as a card names it: from its packet folder on, as the full path under a deep
 * knowledge base is mostly folders every packet shares. The link carries the full path (VS
 * Code shows it when the link is hovered); clients that show the Markdown source show it too.
 */
function fileLink(analysis: Analysis, path: string, uri: string): string {
  return codeLink(packetRelative(path, analysis.packetFolderOf(path)), uri);
}

/** Where a definition comes from: the file by name (the link carries the full path), its date and packet. */
function origin(facts: DocumentFacts, link?: string): string {
  const name = basename(facts.path);
  const where = link ? codeLink(name, link) : code(name);
  if (facts.kind === 'note') return `From ${where}`;
  const packet = facts.packet !== undefined ? ` · packet ${code(facts.packet === '' ? '(workspace root)' : basename(facts.packet))}` : '';
  return `From ${where}${facts.date ? ` (${md(facts.date)})` : ''}${packet}`;
}

function anchorEntryOf(analysis: Analysis, resolution: Resolution, anchor: Parameters<typeof anchorEntry>[1]): Entry | undefined {
  if (resolution.kind !== 'file') return undefined;
  const target = analysis.factsOf(resolution.path);
  return target && !isBroken(target) ? anchorEntry(target, anchor) : undefined;
}

function ticketCard(analysis: Analysis, range: TicketRange, own: Reservation | undefined, linkTo: LinkTo): string {
  const count = ticketCount(range);
  const out = [`**${formatRange(range)}** · ${count} ticket${count === 1 ? '' : 's'}`];
  const reservations = analysis.workspaceIndex().reservations.filter(({ reservation }) => reservation.range.prefix === range.prefix && rangesOverlap(reservation.range, range));
  if (reservations.length === 0) out.push('Not reserved: no `ticket-reservations.json` in the workspace covers it.');
  for (const { facts, reservation } of reservations) {
    const self = reservation === own;
    const covers = rangeCovers(reservation.range, range);
    const head = self ? 'This reservation' : `${covers ? 'Reserved by' : 'Partly covered by'} ${codeLink(reservation.text, at(analysis, facts.path, reservation.span.start, linkTo))}`;
    const flags = [
      reservation.status ? `status **${md(reservation.status)}**` : undefined,
      reservation.applyNow === undefined ? undefined : `apply now: ${reservation.applyNow ? 'yes' : 'no'}`,
      reservation.folded === undefined ? undefined : `folded: ${reservation.folded ? 'yes' : 'no'}`,
      reservation.date ? md(reservation.date) : undefined,
    ].filter((f): f is string => f !== undefined);
    out.push(`${head} in ${code(packetRelative(facts.path, facts.packet))}${flags.length ? ` · ${flags.join(' · ')}` : ''}${reservation.purpose ? `\n\n${mdBlock(reservation.purpose)}` : ''}`);
  }
  return out.join('\n\n');
}

function fileCard(analysis: Analysis, written: string, resolution: Resolution, entry: Entry | undefined, linkTo: LinkTo): string {
  switch (resolution.kind) {
    case 'missing':
      return `${code(written)}: no such file in the workspace.`;
    case 'outside':
      return `${code(written)} points outside the workspace folder; it is not read.`;
    case 'ambiguous': {
      const { candidates } = resolution;
      const more = candidates.length > MAX_CANDIDATES ? `\n\nand ${count(candidates.length - MAX_CANDIDATES)} more; write a longer path to say which one.` : '';
      return `${code(written)} matches ${count(candidates.length)} files:\n\n${candidates.slice(0, MAX_CANDIDATES).map((c) => `- ${codeLink(c, linkTo(c))}`).join('\n')}${more}`;
    }
    case 'directory':
      return `${codeLink(resolution.path + '/', linkTo(resolution.path))}: a folder.`;
    case 'file':
      break;
  }
  const target = analysis.factsOf(resolution.path);
  const out: string[] = [];
  if (entry && target) {
    const field = entry.array === 'surfaces' ? 'class' : 'status';
    out.push(`**${md(entry.key)}** in ${fileLink(analysis, resolution.path, at(analysis, resolution.path, entry.span.start, linkTo))}${entry.status ? ` · ${field} **${md(entry.status)}**` : ''}`);
    if (entry.item) out.push(mdBlock(entry.item));
  } else {
    out.push(fileLink(analysis, resolution.path, linkTo(resolution.path)));
  }
  if (target && target.kind !== 'note') {
    if (target.doc) out.push(`doc: ${code(target.doc)}${target.date ? ` · ${md(target.date)}` : ''}`);
    if (target.purpose) out.push(mdBlock(target.purpose));
  } else if (target) {
    const title = target.headings[0];
    if (title) out.push(`**${md(title.text)}**`);
  }
  return out.join('\n\n');
}

// How each kind of cue asserts its action, for the card's "why" line.
const READINGS: Record<ClaimCue, string> = {
  grant: 'states the action as granted, approved or cleared',
  perf: 'reports the action as carried out (doing it implies it was allowed)',
  permission: 'gives present permission to carry the action out',
  status: 'is a status value (or ticked box, table cell, list header) marking the action granted or done',
  flag: 'is a packet flag recording production work as done',
  'failed-check': "is a failed check of a negated item, so what the item rules out happened",
  reading: "weighs most for a claim in the detector's learned reading of the sentence (no rule form matched its wording, and the model trained on the project's labelled corpora reads it as asserting the action)",
};

/**
 * The claim's decision explained: the cue and how it asserts, why it reads as asserted (what
 * the detector ruled out), and each governing lock with what it grants and withholds.
 */
function claimCard(analysis: Analysis, facts: DocumentFacts, claim: ClaimFact, linkTo: LinkTo): string {
  const locks = analysis.governingLocks(facts);
  const canonical = (name: string) => analysis.canonical(name);
  const out = [`**Production grant claim** · ${claim.actions.map(code).join(', ')}: ${code(claim.phrase)}`];
  out.push(`Cue ${code(claim.cue)} ${READINGS[claim.cueClass]}.`);
  out.push(
    claim.cueClass === 'flag' || claim.cueClass === 'failed-check'
      ? 'Read as asserted: the field records it as fact.'
      : claim.cueClass === 'reading'
        ? 'Read as asserted: neither the cue nor the action is negated, conditioned, planned, requested, asked or scoped outside production, and the wording reads as a statement of fact.'
        : `Read as asserted: ${claim.cueClass === 'perf' ? 'past or present fact' : 'present fact'}, not negated, no condition, plan, request or question before it, not an option offered, not scoped outside production.`,
  );
  if (locks.length === 0) {
    out.push('No authority lock governs this document, so nothing is granted.');
    return out.join('\n\n');
  }
  for (const lock of locks) {
    const name = fileLink(analysis, lock.path, linkTo(lock.path));
    if (isBroken(lock)) {
      out.push(`${name} does not parse, so it grants nothing.`);
      continue;
    }
    const record = lockRecord(lock);
    const grants = record.grants.map((g) => `- grants ${code(g.id || '(no id)')}: scope ${code(g.scope)}, ${g.actions.map(code).join(', ') || 'no actions'}${inForce(g) ? '' : ` (${md(g.status ?? '')}: not in force)`}`);
    const withheld = record.withheld.map((w) => `- withholds ${code(w.action)}${w.needs ? ` until ${code(w.needs)}` : ''}`);
    const verdicts = claim.actions.map((action) => (lockGrants(lock, action, canonical) ? `**grants** ${code(action)}` : `does **not** grant ${code(action)}`));
    out.push(`${name} ${verdicts.join(', ')}:\n\n${[...grants, ...withheld].join('\n') || '- no grants, nothing withheld'}`);
  }
  return out.join('\n\n');
}
