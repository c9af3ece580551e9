/**
 * How blockers and check results read in the editor: pure functions over protocol data, so
 * the wording is tested without VS Code (test/unit/client-model.test.ts).
 */
import type { BlockerInfo, BlockersChangedParams, CheckWorkspaceResult } from '../../common/protocol';

export interface PacketGroup {
  /** Workspace-relative packet folder; '' when the workspace root is the packet. */
  packet: string;
  label: string;
  /** Unresolved first, then resolved; the server's file-then-line order within each. */
  blockers: BlockerInfo[];
  unresolved: number;
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

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
      return {
        packet,
        label: packet === '' ? '(workspace root)' : lastSegment(packet),
        blockers: [...unresolved, ...list.filter((b) => b.status !== 'unresolved')],
        unresolved: unresolved.length,
      };
    });
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

/** Tree row description: the status, and what an unresolved blocker blocks. */
export function treeDescription(b: BlockerInfo): string {
  if (b.status === 'resolved') return nonEmpty(['resolved', b.resolvedBy && `in ${lastSegment(b.resolvedBy)}`]).join(' ');
  return nonEmpty(['unresolved', b.blocks && `blocks ${b.blocks}`]).join(' · ');
}

/** Label/value rows for a blocker's hover, in reading order; empty fields are left out. */
export function tooltipRows(b: BlockerInfo): [string, string][] {
  const rows: [string, string | undefined][] = [
    ['Status', b.status === 'resolved' ? `resolved${b.resolvedBy ? ` in ${b.resolvedBy}` : ''}` : 'unresolved'],
    ['Item', b.item],
    ['Blocks', b.blocks],
    ['Actor needed', b.actorNeeded],
    ['Next action', b.nextAction],
    ['Defined in', b.date ? `${b.path} (${b.date})` : b.path],
  ];
  return rows.flatMap(([label, value]) => (value?.trim() ? [[label, value.trim()] as [string, string]] : []));
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
