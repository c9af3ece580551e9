/**
 * How blockers and check results read in the editor: pure functions over protocol data, so
 * the wording is tested without VS Code (test/unit/client-model.test.ts).
 */
import type { BlockerInfo, BlockersChangedParams, CheckWorkspaceResult } from '../../common/protocol';

export interface PacketGroup {
  /** Workspace-relative packet folder; '' when the workspace root is the packet. */
  packet: string;
  /** The packet's short name (packetShortName): the full folder is in the row's tooltip. */
  label: string;
  /** The latest `date` of its maps, else the date in the folder name. */
  date?: string;
  /** Unresolved first, then resolved; the server's file-then-line order within each. */
  blockers: BlockerInfo[];
  unresolved: number;
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const DATED = /^(.*?)[-_]?(\d{4}-\d{2}-\d{2})$/;
// Long enough for a macro prefix and a word or two ("fix7-p0-no-production"), and a tail that
// tells siblings apart, with the date beside it: a row of about 40 characters fits a narrow side bar.
const HEAD = 22;
const TAIL = 16;

/**
 * A packet folder as a row shows it. Every packet's name ends in `packet-<date>` and the date
 * is shown beside it, so both go; a name still too long for a side bar keeps its first and
 * last words around an ellipsis (the full name is in the tooltip).
 */
export function packetShortName(packet: string): string {
  if (packet === '') return '(workspace root)';
  const name = lastSegment(packet);
  const undated = name.match(DATED)?.[1] ?? name;
  const stem = undated.replace(/[-_]?packet$/i, '') || undated || name;
  if (stem.length <= HEAD + TAIL) return stem;
  const words = stem.split('-');
  let head = '';
  let first = 0;
  for (; first < words.length; first++) {
    const next = head === '' ? (words[first] ?? '') : `${head}-${words[first] ?? ''}`;
    if (next.length > HEAD && head !== '') break;
    head = next;
  }
  let tail = '';
  for (let last = words.length - 1; last >= first; last--) {
    const next = tail === '' ? (words[last] ?? '') : `${words[last] ?? ''}-${tail}`;
    if (next.length > TAIL) break;
    tail = next;
  }
  // One very long word: cut it by characters instead.
  if (head.length > HEAD + TAIL) return `${stem.slice(0, HEAD)}…${stem.slice(-TAIL)}`;
  const short = tail === '' ? `${head}…` : `${head}-…-${tail}`;
  return short.length < stem.length ? short : stem;
}

/** The date a packet's name carries, if any. */
function folderDate(packet: string): string | undefined {
  return lastSegment(packet).match(DATED)?.[2];
}

/** A file as its packet names it, `<packet folder>/<path inside>`: the folders above add nothing a reader needs. */
export function packetRelative(path: string, packet: string): string {
  if (packet === '' || !path.startsWith(`${packet}/`)) return path;
  return `${lastSegment(packet)}/${path.slice(packet.length + 1)}`;
}

/** Groups by packet folder, folders in path order. */
export function groupByPacket(blockers: readonly BlockerInfo[]): PacketGroup[] {
  const byPacket = new Map<string, BlockerInfo[]>();
  for (const b of blockers) {
    const list = byPacket.get(b.packet);
    if (list) list.push(b);
    else byPacket.set(b.packet, [b]);
  }
  return [...byPacket.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([packet, list]) => {
      const unresolved = list.filter((b) => b.status === 'unresolved');
      const group: PacketGroup = {
        packet,
        label: packetShortName(packet),
        blockers: [...unresolved, ...list.filter((b) => b.status !== 'unresolved')],
        unresolved: unresolved.length,
      };
      const date = latestDate(list) ?? folderDate(packet);
      if (date !== undefined) group.date = date;
      return group;
    });
}

function latestDate(blockers: readonly BlockerInfo[]): string | undefined {
  let latest: string | undefined;
  for (const b of blockers) if (b.date !== undefined && (latest === undefined || b.date > latest)) latest = b.date;
  return latest;
}

/** Packet row description: the counts, then the date. */
export function packetDescription(group: PacketGroup): string {
  return `${group.unresolved} unresolved of ${group.blockers.length}${group.date ? ` · ${group.date}` : ''}`;
}

const nonEmpty = (parts: (string | undefined)[]) => parts.map((p) => p?.trim()).filter((p): p is string => !!p);

/** QuickPick row: the ID, what it blocks and who must act, and the blocker's item. */
export function pickRow(b: BlockerInfo): { label: string; description: string; detail: string } {
  return {
    label: b.id,
    description: nonEmpty([b.blocks && `blocks ${b.blocks}`, b.actorNeeded]).join(' · '),
    detail: b.item?.trim() ?? '',
  };
}

/** Where a resolved blocker was resolved: the resolving packet by its short name, and the date. */
function resolvedWhere(b: BlockerInfo): string {
  if (b.resolvedHow === 'status') return 'resolved by its status';
  if (b.resolvedByPacket === undefined) return 'resolved';
  return `resolved in ${packetShortName(b.resolvedByPacket)}${b.resolvedByDate ? ` (${b.resolvedByDate})` : ''}`;
}

export type PickerEntry = { kind: 'separator'; label: string } | { kind: 'blocker'; blocker: BlockerInfo };

/**
 * The blocker picker's rows: one group per packet under a separator naming it and its date,
 * newest packet first (what the latest macro left open is what a reader looks for), undated
 * ones last; within a packet, unresolved first, each in the server's file-then-line order.
 */
export function pickerEntries(blockers: readonly BlockerInfo[]): PickerEntry[] {
  // groupByPacket keeps path order, so the sort (stable) leaves packets of one date in path order.
  const groups = groupByPacket(blockers).sort((a, b) => {
    const da = a.date ?? '';
    const db = b.date ?? '';
    return da === db ? 0 : da < db ? 1 : -1;
  });
  const entries: PickerEntry[] = [];
  for (const group of groups) {
    entries.push({ kind: 'separator', label: group.date ? `${group.label} · ${group.date}` : group.label });
    for (const blocker of group.blockers) entries.push({ kind: 'blocker', blocker });
  }
  return entries;
}

/** Tree row description: the status, and what an unresolved blocker blocks. */
export function treeDescription(b: BlockerInfo): string {
  if (b.status === 'resolved') return resolvedWhere(b);
  return nonEmpty(['unresolved', b.blocks && `blocks ${b.blocks}`]).join(' · ');
}

export interface TooltipRow {
  label: string;
  text: string;
  /** The text links here: the short text for reading, the full path in the link (VS Code shows it on hover). */
  link?: string;
}

/** Label/value rows for a blocker's hover, in reading order; empty fields are left out. */
export function tooltipRows(b: BlockerInfo): TooltipRow[] {
  const where = packetRelative(b.path, b.packet);
  const rows: (TooltipRow | undefined)[] = [
    row('Status', b.status === 'resolved' ? resolvedWhere(b) : 'unresolved'),
    row('Item', b.item),
    row('Blocks', b.blocks),
    row('Actor needed', b.actorNeeded),
    row('Next action', b.nextAction),
    { label: 'Defined in', text: b.date ? `${where} (${b.date})` : where, link: b.uri },
  ];
  return rows.filter((r): r is TooltipRow => r !== undefined);
}

function row(label: string, value: string | undefined): TooltipRow | undefined {
  const text = value?.trim();
  return text ? { label, text } : undefined;
}

/** A URI as a Markdown link destination: nothing in it can end the link early. */
export function markdownDestination(uri: string): string {
  let out = '';
  for (const c of uri) {
    const n = c.charCodeAt(0);
    out += n <= 0x20 || n === 0x7f || '()<>`"\'\\'.includes(c) ? `%${n.toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return out;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function statusBarText(counts: BlockersChangedParams): { text: string; tooltip: string; accessibleLabel: string } {
  return {
    text: `$(shield) ${counts.unresolved} unresolved`,
    tooltip: `Governance Lens: ${counts.unresolved} of ${count(counts.total, 'blocker')} unresolved. Click to list them.`,
    accessibleLabel: `${count(counts.unresolved, 'unresolved governance blocker')}`,
  };
}

/** One line for the Check Workspace notification. */
export function checkSummary(r: CheckWorkspaceResult): string {
  const findings = nonEmpty([
    r.errors ? count(r.errors, 'error') : undefined,
    r.warnings ? count(r.warnings, 'warning') : undefined,
    r.information ? count(r.information, 'information message') : undefined,
    r.hints ? count(r.hints, 'hint') : undefined,
  ]);
  const blockers = r.unresolvedBlockers === 0 ? 'no unresolved blockers' : count(r.unresolvedBlockers, 'unresolved blocker');
  const unread = r.unreadFolders?.length
    ? ` ${r.unreadFolders.length === 1 ? 'One folder was' : `${r.unreadFolders.length} folders were`} not checked: ${r.unreadFolders.map((f) => `${f.uri} (${f.reason})`).join('; ')}; see the Governance Lens output.`
    : '';
  return `Checked ${count(r.files, 'file')}: ${findings.length ? findings.join(', ') : 'no findings'}; ${blockers}.${unread}`;
}

export const findingCount = (r: CheckWorkspaceResult): number => r.errors + r.warnings + r.information + r.hints;
