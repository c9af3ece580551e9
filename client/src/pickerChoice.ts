import { CancellationTokenSource, type QuickPick, type QuickPickItem } from 'vscode';

/**
 * What a picker that opens before its items are listed settles to: `accepted()` when the user
 * accepts, undefined when the picker is hidden. Hiding also cancels `cancel`, so the request
 * filling the picker stops with it. The caller disposes both.
 */
export function pickerChoice<T extends QuickPickItem, R>(pick: QuickPick<T>, accepted: () => R | undefined): { chosen: Promise<R | undefined>; cancel: CancellationTokenSource } {
  const cancel = new CancellationTokenSource();
  const chosen = new Promise<R | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(accepted());
      pick.hide();
    });
    pick.onDidHide(() => {
      cancel.cancel();
      resolve(undefined);
    });
  });
  return { chosen, cancel };
}
