/**
 * Every command the extension contributes, in one place. package.json's contributes.commands
 * must list exactly these (test/unit/package-contributions.test.ts checks both directions).
 */
export const CommandIds = {
  showUnresolvedBlockers: 'governanceLens.showUnresolvedBlockers',
  checkWorkspace: 'governanceLens.checkWorkspace',
  restartServer: 'governanceLens.restartServer',
  compareAuthority: 'governanceLens.compareAuthority',
  /** Internal: the target of the server's reference code lenses. */
  showReferences: 'governanceLens.showReferences',
  /** Internal: the target of a blocker in the tree view. */
  openBlocker: 'governanceLens.openBlocker',
  /** Internal: the target of the server's evidence code lenses. */
  openLocation: 'governanceLens.openLocation',
} as const;

export type CommandKey = keyof typeof CommandIds;

/** Context key set once the language server runs; the tree view's `when` clause reads it. */
export const ActiveContextKey = 'governanceLens.active';

export const BlockersViewId = 'governanceLens.blockers';
