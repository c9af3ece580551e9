import type { BlockerInfo, CheckWorkspaceResult } from '../../../common/protocol';
import { analyzeWorkspace } from '../core/report';
import { Severity } from '../core/severity';
import type { KbFolder } from './kbFolder';

export function blockerInfos(folders: readonly KbFolder[], include: 'unresolved' | 'all'): BlockerInfo[] {
  return folders.flatMap((folder) =>
    folder.analyzer
      .blockers()
      .filter((b) => include === 'all' || b.status === 'unresolved')
      .map((b): BlockerInfo => {
        const { facts, blocker } = b;
        const info: BlockerInfo = {
          id: b.id,
          status: b.status,
          uri: folder.uriOf(facts.path),
          range: facts.lines.range(blocker.span.start, blocker.span.end),
          path: facts.path,
          packet: facts.packet ?? '',
        };
        if (blocker.item !== undefined) info.item = blocker.item;
        if (blocker.blocks !== undefined) info.blocks = blocker.blocks;
        if (blocker.actor_needed !== undefined) info.actorNeeded = blocker.actor_needed;
        if (blocker.next_action !== undefined) info.nextAction = blocker.next_action;
        if (facts.date !== undefined) info.date = facts.date;
        if (b.resolvedBy) {
          const by = b.resolvedBy.facts;
          info.resolvedBy = by.path;
          info.resolvedHow = b.resolvedBy.how;
          info.resolvedByPacket = by.packet ?? '';
          if (by.date !== undefined) info.resolvedByDate = by.date;
        }
        return info;
      }),
  );
}

/**
 * Re-reads every folder from scratch (open buffers still win) and counts what `govlens check`
 * would print. Folders that could not be opened are named: a count of zero over them is not clean.
 */
export function checkWorkspace(folders: readonly KbFolder[], unread: ReadonlyMap<string, string> = new Map()): CheckWorkspaceResult {
  const result: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, information: 0, hints: 0, unresolvedBlockers: 0 };
  if (unread.size > 0) result.unreadFolders = [...unread].map(([uri, reason]) => ({ uri, reason }));
  for (const folder of folders) {
    folder.analyzer.reset();
    const report = analyzeWorkspace(folder.analyzer);
    result.files += report.files;
    for (const { diagnostics } of report.results) {
      for (const d of diagnostics) {
        if (d.severity === Severity.Error) result.errors++;
        else if (d.severity === Severity.Warning) result.warnings++;
        else if (d.severity === Severity.Information) result.information++;
        else result.hints++;
      }
    }
    result.unresolvedBlockers += report.blockers.filter((b) => b.status === 'unresolved').length;
  }
  return result;
}
