/**
 * How the authority delta reads in the editor: the revision picker's rows, the Blockers view's
 * title and the delta document's name. Pure functions over protocol data, so the wording is
 * tested without VS Code (test/unit/client-delta.test.ts).
 */
import type { AuthorityDeltaResult, RevisionInfo } from '../../common/protocol';

/** The revision the Blockers view's title compares the working tree with. */
export const VIEW_BASE = 'HEAD';

export type RevisionEntry = { kind: 'separator'; label: string } | { kind: 'revision'; revision: string; label: string; description: string; detail?: string };

const sections: { kind: RevisionInfo['kind']; label: string }[] = [
  { kind: 'branch', label: 'Branches' },
  { kind: 'tag', label: 'Tags' },
  { kind: 'commit', label: 'Recent commits' },
];

/**
 * The picker's rows: what was typed first (any revision git takes, such as `origin/main` or
 * `HEAD~3`), then HEAD, then branches, tags and the recent commits under a separator each.
 */
export function revisionEntries(revisions: readonly RevisionInfo[], typed: string): RevisionEntry[] {
  const entries: RevisionEntry[] = [];
  const value = typed.trim();
  if (value !== '' && !revisions.some((r) => r.revision === value || r.label === value)) {
    entries.push({ kind: 'revision', revision: value, label: value, description: 'the revision typed' });
  }
  if (value !== VIEW_BASE) entries.push({ kind: 'revision', revision: VIEW_BASE, label: VIEW_BASE, description: 'the last commit' });
  for (const section of sections) {
    const rows = revisions.filter((r) => r.kind === section.kind);
    if (rows.length === 0) continue;
    entries.push({ kind: 'separator', label: section.label });
    // A commit goes by the abbreviated id git printed (unambiguous when printed), so the delta's heading and tab read short.
    for (const r of rows) entries.push({ kind: 'revision', revision: r.kind === 'commit' ? r.label : r.revision, label: r.label, description: r.detail });
  }
  return entries;
}

/** One folder's answer for the Blockers view's title. */
export interface FolderDelta {
  name: string;
  result: AuthorityDeltaResult;
}

/**
 * The Blockers view's title: "vs HEAD: +1 production grant, 2 blockers resolved". A folder with
 * no delta (not in a git repository, no commit yet, git missing) adds nothing, so outside git
 * the title says nothing at all; with several folders each is named.
 */
export function viewDescription(folders: readonly FolderDelta[]): string | undefined {
  const shown = folders.flatMap((f) => (f.result.ok ? [{ name: f.name, summary: f.result.summary }] : []));
  if (shown.length === 0) return undefined;
  if (folders.length === 1) return `vs ${VIEW_BASE}: ${shown[0]?.summary}`;
  return `vs ${VIEW_BASE}: ${shown.map((s) => `${s.name} ${s.summary}`).join('; ')}`;
}

/** The delta document's path: the folder and the revisions, readable in its tab. */
export function deltaDocumentPath(folderName: string, base: string, head = 'working tree'): string {
  const safe = (s: string) => s.replace(/[/\\?#%]/g, '_');
  return `/${safe(folderName)}/authority ${safe(base)} → ${safe(head)}.md`;
}
