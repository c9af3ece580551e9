import { sealKey, type DependencyKey } from '../dependencyKeys';
import type { DocumentFacts, Finding } from '../facts/types';
import type { ResolvedReferences } from '../index/references';
import { basename } from '../paths';
import { sealRefsOf, type SealRef } from '../seal/sealRefs';
import type { SealFormat, TreeIdResult } from '../seal/treeId';
import type { Span } from '../types';

/** What the seal check reads besides the document (the Analyzer supplies it). */
export interface SealInputs {
  readonly format: SealFormat;
  /** A packet folder's current tree id, computed once per change below it. */
  readonly treeIdOf: (folder: string) => TreeIdResult;
  /** The packet folder any path lies in (a folder written `dir/` too). */
  readonly packetHolding: (path: string) => string | undefined;
}

export type SealTarget = { ref: SealRef; packet: string } | { ref: SealRef; packet?: undefined; candidates: readonly string[] };

/**
 * Which packet each seal of a document is about (spec §8): a packet document's own; for a note,
 * the packet whose files it cites, and when it cites several, the one its sentence names (a
 * cited path, or the packet folder's name), else its paragraph's. A note that cites none is
 * about the packet it lies in, if any.
 */
export function sealTargets(facts: DocumentFacts, references: () => ResolvedReferences, inputs: SealInputs): SealTarget[] {
  const refs = sealRefsOf(facts);
  if (refs.length === 0) return [];
  if (facts.kind !== 'note') {
    const own = facts.packet;
    return refs.map((ref) => (own === undefined ? { ref, candidates: [] } : { ref, packet: own }));
  }
  const { evidence, links } = references();
  // Every cited packet, with where in the note each citation stands.
  const citations: { span: Span; packet: string }[] = [];
  for (const { ref, resolution } of evidence) {
    const packet = resolution.kind === 'file' ? inputs.packetHolding(resolution.path) : resolution.kind === 'directory' ? inputs.packetHolding(`${resolution.path}/`) : undefined;
    if (packet !== undefined) citations.push({ span: ref.pathSpan, packet });
  }
  for (const { link, resolution } of links) {
    const packet = resolution.kind === 'file' ? inputs.packetHolding(resolution.path) : resolution.kind === 'directory' ? inputs.packetHolding(`${resolution.path}/`) : undefined;
    if (packet !== undefined) citations.push({ span: link.span, packet });
  }
  citations.sort((a, b) => a.span.start - b.span.start);
  const cited = [...new Set(citations.map((c) => c.packet))].sort();
  if (cited.length === 0) {
    const own = inputs.packetHolding(facts.path);
    return refs.map((ref) => (own === undefined ? { ref, candidates: [] } : { ref, packet: own }));
  }
  if (cited.length === 1) return refs.map((ref) => ({ ref, packet: cited[0] ?? '' }));
  // Seals of one paragraph share it (and often a sentence): each stretch is read once, so a
  // paragraph of many seals costs its length, not its length times their number.
  const memo = new Map<string, Set<string>>();
  return refs.map((ref) => {
    for (const span of [ref.sentence, ref.paragraph]) {
      if (!span) continue;
      const key = `${span.start}:${span.end}`;
      let named = memo.get(key);
      if (!named) {
        named = namedIn(facts.text, span, citations, cited);
        memo.set(key, named);
      }
      if (named.size === 1) return { ref, packet: [...named][0] ?? '' };
    }
    return { ref, candidates: cited };
  });
}

/**
 * Above this many cited packets a folder's name written in a sentence is not looked for (each
 * name would be searched in each stretch): such a note names its packet by a cited path.
 */
const MAX_PACKETS_BY_NAME = 32;

/**
 * The cited packets a stretch of the note names: by a citation inside it (citations sorted by
 * start, so only those inside are visited), or by the folder's name written in it.
 */
function namedIn(text: string, span: Span, citations: readonly { span: Span; packet: string }[], cited: readonly string[]): Set<string> {
  const named = new Set<string>();
  let low = 0;
  let high = citations.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((citations[mid]?.span.start ?? 0) < span.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < citations.length; i++) {
    const c = citations[i];
    if (!c || c.span.start >= span.end) break;
    if (c.span.end <= span.end) named.add(c.packet);
  }
  if (cited.length <= MAX_PACKETS_BY_NAME) {
    const stretch = text.slice(span.start, span.end);
    for (const packet of cited) if (packet !== '' && stretch.includes(basename(packet))) named.add(packet);
  }
  return named;
}

/** Whether a packet's current tree id is the one a seal states (its digits, in any case, as a prefix). */
export function sealMatches(treeId: string, ref: SealRef): boolean {
  return treeId.startsWith(ref.hex.toLowerCase());
}

/** seal-mismatch and seal-unresolved for one document's seals. */
export function checkSeals(facts: DocumentFacts, references: () => ResolvedReferences, inputs: SealInputs): Finding[] {
  if (inputs.format === 'off') return [];
  const findings: Finding[] = [];
  for (const target of sealTargets(facts, references, inputs)) {
    const { ref } = target;
    const stated = `${facts.text.slice(ref.statement.start, ref.statement.end)}`;
    if (target.packet === undefined) {
      findings.push({ code: 'seal-unresolved', span: ref.span, message: unresolvedMessage(facts, stated, target.candidates) });
      continue;
    }
    const current = inputs.treeIdOf(target.packet);
    const name = packetName(target.packet);
    if (!('id' in current)) {
      findings.push({ code: 'seal-unresolved', span: ref.span, message: `"${stated}" cannot be checked: the tree id of ${name} cannot be computed (${current.problem}).` });
      continue;
    }
    if (sealMatches(current.id, ref)) continue;
    findings.push({ code: 'seal-mismatch', span: ref.span, message: mismatchMessage(facts, stated, ref, name, current.id, inputs.format), data: { packet: target.packet, currentTree: current.id } });
  }
  return findings;
}

/** The packets whose tree ids a document's seals read: its diagnostics go stale when a file below one changes. */
export function sealDependencyKeys(facts: DocumentFacts, references: () => ResolvedReferences, inputs: SealInputs): DependencyKey[] {
  if (inputs.format === 'off') return [];
  const keys = new Set<DependencyKey>();
  for (const target of sealTargets(facts, references, inputs)) if (target.packet !== undefined) keys.add(sealKey(target.packet));
  return [...keys];
}

function packetName(packet: string): string {
  return packet === '' ? 'the workspace folder' : basename(packet);
}

function mismatchMessage(facts: DocumentFacts, stated: string, ref: SealRef, name: string, current: string, format: SealFormat): string {
  const algorithm = format === 'git-sha256' ? 'SHA-256' : 'SHA-1';
  let message = `"${stated}" does not match ${name}, whose files now hash to tree ${current} (git, ${algorithm}): the packet's bytes differ from those sealed. Restore the sealed files, or have the owner re-seal it by stating the current id (govlens seal prints it).`;
  if (ref.hex.length > current.length) message += ` A ${ref.hex.length}-digit id is longer than a ${algorithm} one: if the repository uses SHA-256, set "sealFormat": "git-sha256" in .govlens.json.`;
  // A packet document is part of the tree it would seal: writing the id in changes the id.
  if (facts.kind !== 'note') message += ' A packet document is part of the tree it would seal (writing the id in changes it): state the seal in a note that cites the packet.';
  return message;
}

function unresolvedMessage(facts: DocumentFacts, stated: string, candidates: readonly string[]): string {
  if (facts.kind !== 'note') return `"${stated}" is in a document that lies in no packet folder, so which packet it seals cannot be told; state it in a note that cites the sealed packet.`;
  if (candidates.length === 0) return `"${stated}" names no packet: this note cites no file of any packet. Cite a file of the sealed packet (its blocker map, say) in the same sentence so the seal can be checked.`;
  const shown = candidates.slice(0, 3).map(packetName).join(', ');
  const more = candidates.length > 3 ? ` and ${candidates.length - 3} more` : '';
  return `"${stated}" could seal any of the ${candidates.length} packets this note cites (${shown}${more}), and neither its sentence nor its paragraph names just one. Cite a file of the sealed packet in the same sentence, or name its folder there.`;
}
