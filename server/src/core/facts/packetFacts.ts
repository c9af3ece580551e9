import { append } from '../append';
import type { Node } from 'jsonc-parser';
import { packetKindOf } from '../kinds';
import { basename } from '../paths';
import { nodeSpan, parseJson, propertyValue, stringSegment, syntaxFinding } from '../parse/json';
import { scanEvidence } from '../scan/evidence';
import { scanIds } from '../scan/ids';
import { parseTicketRange, scanTickets } from '../scan/tickets';
import type { Patterns } from '../settings';
import { claimsIn, type FactOptions } from './factOptions';
import { LineIndex } from '../text/lineIndex';
import { emptyPacketFacts } from './emptyFacts';
import type { Span } from '../types';
import type { BlockerMapFacts, Entry, LockFacts, PacketFacts, ReservationFacts } from './types';
import type { Segment } from '../scan/segment';
import { fieldRole } from './fieldRoles';

const str = (node: Node | undefined): string | undefined => (node?.type === 'string' ? (node.value as string) : undefined);
const bool = (node: Node | undefined): boolean | undefined => (node?.type === 'boolean' ? (node.value as boolean) : undefined);

/**
 * Reads one packet JSON document. A document that does not parse keeps what its partial
 * tree defines (so notes citing it see no cascade of unknown IDs) but reports only its
 * syntax errors.
 */
export function packetFacts(
  path: string,
  text: string,
  version: string | number,
  packet: string | undefined,
  options: FactOptions,
): PacketFacts {
  const { patterns, schemas } = options;
  const parsed = parseJson(text);
  const root = parsed.root;
  const docSlug = str(propertyValue(root, 'doc'));
  const kind = path === options.lockPath ? 'delegation-and-authority-lock' : packetKindOf(path, docSlug);
  const facts = emptyPacketFacts({ path, version, text, lines: new LineIndex(text) }, kind ?? 'packet-document');
  facts.packet = packet;
  facts.doc = docSlug;
  facts.date = str(propertyValue(root, 'date'));
  facts.purpose = str(propertyValue(root, 'purpose'));
  facts.broken = parsed.errors.length > 0;
  if (facts.broken) append(facts.local, parsed.errors.map(syntaxFinding));

  // Definition values are not references, and reservation ranges are checked as reservations.
  const notReferences = new Set<Node>();
  if (root?.type === 'object') collectEntries(root, facts, patterns, notReferences);
  if (facts.kind === 'production-readiness-blocker-map') collectBlockerMap(root, facts, patterns, notReferences);
  if (facts.kind === 'delegation-and-authority-lock') collectLock(root, facts);
  if (facts.kind === 'ticket-reservations') collectReservations(root, facts, patterns, notReferences);
  if (facts.broken) {
    facts.local = facts.local.filter((f) => f.code === 'json-syntax');
    return facts;
  }

  if (root && kind) append(facts.local, schemas.validate(kind, root, basename(path)));
  reportDuplicates(facts);
  if (root) scanStrings(root, text, facts, options, notReferences);
  if (facts.kind === 'production-readiness-blocker-map' && facts.productionWorkPerformed?.value === true) {
    facts.claims.push({
      span: facts.productionWorkPerformed.span,
      action: 'production',
      actions: ['production'],
      phrase: '"production_work_performed": true',
      reason: 'it records that production work was carried out',
      cue: 'true',
      cueClass: 'flag',
    });
  }
  return facts;
}

function collectEntries(root: Node, facts: PacketFacts, patterns: Patterns, notReferences: Set<Node>): void {
  for (const property of root.children ?? []) {
    const array = str(property.children?.[0]);
    const value = property.children?.[1];
    if (!array || value?.type !== 'array') continue;
    for (const element of value.children ?? []) {
      if (element.type !== 'object') continue;
      const idNode = propertyValue(element, 'id');
      const id = str(idNode);
      const nNode = propertyValue(element, 'n');
      const n = array === 'surfaces' && nNode?.type === 'number' && Number.isInteger(nNode.value) ? (nNode.value as number) : undefined;
      const status = str(propertyValue(element, array === 'surfaces' ? 'class' : 'status'));
      const item = str(propertyValue(element, 'item')) ?? str(propertyValue(element, 'name')) ?? str(propertyValue(element, 'scope'));
      // A surface with a malformed `n` still counts for "forbidden surfaces": its schema error is enough.
      const anchorNode = idNode && id !== undefined ? idNode : array === 'surfaces' ? (nNode ?? element) : undefined;
      if (anchorNode) {
        const entry: Entry = { array, key: id ?? `surface ${n ?? '?'}`, span: nodeSpan(anchorNode), extent: nodeSpan(element) };
        if (id !== undefined) entry.id = id;
        if (n !== undefined) entry.n = n;
        if (status !== undefined) entry.status = status;
        if (item !== undefined) entry.item = item;
        facts.entries.push(entry);
      }
      if (idNode && id !== undefined) {
        notReferences.add(idNode);
        if (isWholeId(id, patterns)) facts.definitions.push({ id, span: nodeSpan(idNode) });
      }
      const planRef = propertyValue(element, 'plan_ref');
      const plan = str(planRef);
      if (array === 'surfaces' && planRef && plan !== undefined && isWholeId(plan, patterns)) {
        notReferences.add(planRef);
        facts.definitions.push({ id: plan, span: nodeSpan(planRef) });
      }
    }
  }
}

function isWholeId(value: string, patterns: Patterns): boolean {
  return patterns.wholeId.test(value);
}

function collectBlockerMap(root: Node | undefined, facts: BlockerMapFacts, patterns: Patterns, notReferences: Set<Node>): void {
  for (const element of propertyValue(root, 'blockers')?.children ?? []) {
    const idNode = propertyValue(element, 'id');
    const id = str(idNode);
    if (!idNode || id === undefined) continue;
    const field = (key: string) => str(propertyValue(element, key));
    facts.blockers.push({
      id,
      span: nodeSpan(idNode),
      item: field('item'),
      evidence: field('evidence'),
      actor_needed: field('actor_needed'),
      next_action: field('next_action'),
      blocks: field('blocks'),
      status: field('status'),
    });
  }
  for (const element of propertyValue(root, 'resolved_in_this_macro')?.children ?? []) {
    const id = str(element);
    if (id === undefined) continue;
    notReferences.add(element);
    const trimmed = id.trim();
    const start = element.offset + 1 + id.indexOf(trimmed);
    facts.resolvedRefs.push({ id: trimmed, span: { start, end: start + trimmed.length } });
  }
  const performed = propertyValue(root, 'production_work_performed');
  const value = bool(performed);
  if (performed && value !== undefined) facts.productionWorkPerformed = { value, span: nodeSpan(performed) };
}

function collectLock(root: Node | undefined, facts: LockFacts): void {
  for (const element of propertyValue(root, 'grants')?.children ?? []) {
    const idNode = propertyValue(element, 'id');
    const actions = (propertyValue(element, 'actions')?.children ?? []).map(str).filter((a): a is string => a !== undefined);
    const status = str(propertyValue(element, 'status'));
    facts.grants.push({
      id: str(idNode) ?? '',
      scope: str(propertyValue(element, 'scope')) ?? '',
      actions,
      span: nodeSpan(idNode ?? element),
      ...(status === undefined ? {} : { status }),
    });
  }
  for (const element of propertyValue(root, 'withheld')?.children ?? []) {
    const actionNode = propertyValue(element, 'action');
    const action = str(actionNode);
    if (action === undefined || !actionNode) continue;
    const needs = str(propertyValue(element, 'needs'));
    facts.withheld.push(needs === undefined ? { action, span: nodeSpan(actionNode) } : { action, needs, span: nodeSpan(actionNode) });
  }
}

function collectReservations(root: Node | undefined, facts: ReservationFacts, patterns: Patterns, notReferences: Set<Node>): void {
  for (const element of propertyValue(root, 'reservations')?.children ?? []) {
    const rangeNode = propertyValue(element, 'range');
    if (rangeNode?.type !== 'string') continue;
    notReferences.add(rangeNode);
    const parsed = parseTicketRange(stringSegment(facts.text, rangeNode), patterns.ticket);
    if (!parsed.valid) {
      facts.local.push({ code: 'ticket-range-invalid', span: parsed.span, message: invalidRangeMessage(parsed.text, parsed.problem), data: suggestion(parsed.suggestion) });
      continue;
    }
    facts.reservations.push({
      range: parsed.range,
      text: parsed.text,
      span: parsed.span,
      status: str(propertyValue(element, 'status')),
      applyNow: bool(propertyValue(element, 'apply_now')),
      folded: bool(propertyValue(element, 'folded')),
      purpose: str(propertyValue(element, 'purpose')),
      date: str(propertyValue(element, 'date')) ?? facts.date,
    });
  }
}

export function invalidRangeMessage(text: string, problem: string): string {
  return `"${text}" is not a valid ticket range: ${problem}.`;
}

export function suggestion(value: string | undefined): Record<string, unknown> | undefined {
  return value === undefined ? undefined : { replacement: value };
}

function reportDuplicates(facts: PacketFacts): void {
  const first = new Map<string, { span: Span }>();
  const entryStarts = new Set(facts.entries.map((e) => e.span.start));
  const definitions: { key: string; span: Span }[] = [
    ...facts.entries.filter((e) => e.id !== undefined || e.n !== undefined).map((e) => ({ key: e.id ?? e.key, span: e.span })),
    // A plan_ref is a definition too; an id already counted as an entry is not counted twice.
    ...facts.definitions.filter((d) => !entryStarts.has(d.span.start)).map((d) => ({ key: d.id, span: d.span })),
  ].sort((a, b) => a.span.start - b.span.start);
  for (const def of definitions) {
    const earlier = first.get(def.key);
    if (!earlier) {
      first.set(def.key, def);
      continue;
    }
    const line = facts.lines.positionAt(earlier.span.start).line + 1;
    facts.local.push({
      code: 'duplicate-id',
      span: def.span,
      message: `${def.key} is already defined on line ${line} of this document; give this entry its own ID or merge the two.`,
      related: [{ path: facts.path, span: earlier.span, message: `first definition of ${def.key}` }],
    });
  }
}

/** Where a string sits: the top-level field, or a field of an element of a top-level array. */
interface Place {
  readonly depth: number;
  readonly array?: string;
  readonly field?: string;
  readonly entry?: Node;
}

function scanStrings(node: Node, text: string, facts: PacketFacts, options: FactOptions, skip: Set<Node>, place: Place = { depth: 0 }): void {
  const { patterns } = options;
  if (node.type === 'string') {
    const segment = stringSegment(text, node);
    append(facts.claims, claimsByRole(segment, facts, options, place));
    if (skip.has(node)) return;
    append(facts.idRefs, scanIds(segment, patterns.id));
    for (const ticket of scanTickets(segment, patterns.ticket)) {
      if (ticket.valid) facts.tickets.push(ticket);
      else facts.local.push({ code: 'ticket-range-invalid', span: ticket.span, message: invalidRangeMessage(ticket.text, ticket.problem), data: suggestion(ticket.suggestion) });
    }
    append(facts.evidence, scanEvidence(segment, patterns.evidencePath, patterns.evidenceHints));
    return;
  }
  if (node.type === 'property') {
    // Keys are never read (spec §4); only the value.
    const key = str(node.children?.[0]);
    const value = node.children?.[1];
    if (!value) return;
    const inner: Place =
      place.depth === 0 ? { depth: 1, ...(key === undefined ? {} : { field: key }) }
      : place.depth === 2 && place.entry ? { ...place, depth: 3, ...(key === undefined ? {} : { field: key }) }
      : { ...place, depth: place.depth + 1 };
    scanStrings(value, text, facts, options, skip, inner);
    return;
  }
  // An object's properties stand where the object does; an object element of a top-level
  // array is an entry, whose fields get their roles.
  const placeOf = (child: Node): Place =>
    node.type !== 'array' ? place
    : place.depth === 1 && child.type === 'object' ? { depth: 2, ...(place.field === undefined ? {} : { array: place.field }), entry: child }
    : { ...place, depth: place.depth + 1 };
  for (const child of node.children ?? []) scanStrings(child, text, facts, options, skip, placeOf(child));
}

const PRESENT_GRANT = /^(?:authori[sz]es|approves|grants|permits|allows|clears|sanctions|signs off|signs|issues|confirms)$/i;

// "no CI/deploy in this macro", "REAL_RUN not executed", "secrets unchanged": a failed check of such an item says it happened.
const NEGATOR = /(?<![\w-])(?:no|not|never|nothing|none|zero|without|n't|unchanged|untouched|unmodified|unaltered)(?![\w-])/i;

/** Grant claims in one string, read with the role of its field (spec §5). */
function claimsByRole(segment: Segment, facts: PacketFacts, options: FactOptions, place: Place) {
  const role = fieldRole(facts.kind, place.depth >= 3 ? place.array : undefined, place.field, (name) => str(propertyValue(place.entry, name)));
  if (role.kind === 'record') return [];
  // "FD grants a separate key-rotation authorization before any production key change": the step to take, not a grant made.
  if (role.kind === 'step') return claimsIn(segment, options.detectClaims).filter((c) => !PRESENT_GRANT.test(c.cue));
  if (role.kind === 'prose' || role.holds === 'yes') return claimsIn(segment, options.detectClaims);
  if (role.holds === 'unknown' || !NEGATOR.test(segment.text)) return [];
  const mentions = options.detectClaims.mentions(segment.text);
  if (mentions.length === 0) return [];
  // A loop, not Math.min(...): a long item may name more actions than a call takes arguments.
  let from = Infinity;
  let to = -Infinity;
  const named = new Set<string>();
  for (const m of mentions) {
    from = Math.min(from, m.start);
    to = Math.max(to, m.end);
    named.add(m.action);
  }
  const actions = [...named];
  const item = segment.text.trim();
  return [
    {
      span: { start: segment.offsetOf(from), end: segment.offsetOf(to) },
      action: actions[0] ?? 'production',
      actions,
      phrase: segment.text.slice(from, to),
      reason: `the check's status is ${role.status}, so what "${item}" rules out happened`,
      cue: role.status,
      cueClass: 'failed-check' as const,
    },
  ];
}
