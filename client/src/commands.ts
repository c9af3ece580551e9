import { CancellationError, commands, window, type Disposable, type LogOutputChannel } from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient/node';
import { showUnresolvedBlockers } from './blockerPicker';
import { checkWorkspace } from './checkWorkspace';
import { compareAuthority } from './compareAuthority';
import { CommandIds, type CommandKey } from './commandIds';
import type { DeltaDocuments } from './deltaDocuments';
import type { LanguageServer } from './languageServer';
import { openBlocker, openLocation, showReferences } from './navigation';
import type { GovernanceProtocol } from './protocolClient';

type Command =
  | { title: string; needsServer: true; run: (protocol: GovernanceProtocol) => Promise<void> }
  | { title: string; needsServer: false; run: (...args: unknown[]) => Promise<void> };

/**
 * Registers every command in one place. Commands that ask the server say so plainly when it
 * is not running instead of failing inside vscode-languageclient; any other failure becomes
 * one error message and a log entry.
 */
export function registerCommands(server: LanguageServer, log: LogOutputChannel, deltas: DeltaDocuments): Disposable[] {
  const handlers: Record<CommandKey, Command> = {
    showUnresolvedBlockers: { title: 'Show Unresolved Blockers', needsServer: true, run: showUnresolvedBlockers },
    checkWorkspace: { title: 'Check Workspace', needsServer: true, run: checkWorkspace },
    restartServer: { title: 'Restart Language Server', needsServer: false, run: () => restart(server) },
    compareAuthority: { title: 'Compare Authority With…', needsServer: true, run: (protocol) => compareAuthority(protocol, deltas) },
    showReferences: { title: 'Show References', needsServer: false, run: (...args) => showReferences(args) },
    openBlocker: { title: 'Open Blocker', needsServer: false, run: (blocker) => openBlocker(blocker) },
    openLocation: { title: 'Open Evidence', needsServer: false, run: (...args) => openLocation(args) },
  };
  return (Object.keys(handlers) as CommandKey[]).map((key) =>
    commands.registerCommand(CommandIds[key], async (...args: unknown[]) => {
      const command = handlers[key];
      try {
        if (!command.needsServer) return await command.run(...args);
        const protocol = server.protocol;
        if (protocol) return await command.run(protocol);
        await notRunning(server, log, command.title);
      } catch (error) {
        if (isCancellation(error)) return;
        log.error(`${command.title} failed:`, error);
        void window.showErrorMessage(`Governance Lens: ${command.title} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}

async function restart(server: LanguageServer): Promise<void> {
  if (server.starting) {
    void window.showInformationMessage('Governance Lens: the language server is still starting.');
    return;
  }
  if (!(await server.restart())) throw new Error('the language server did not start; see the "Governance Lens" output.');
}

async function notRunning(server: LanguageServer, log: LogOutputChannel, title: string): Promise<void> {
  if (server.starting) {
    void window.showInformationMessage(`Governance Lens: "${title}" needs the language server, which is still starting; try again in a moment.`);
    return;
  }
  const restartAction = 'Restart Language Server';
  const showOutput = 'Show Output';
  const choice = await window.showErrorMessage(
    `Governance Lens: "${title}" needs the language server, which is not running. The "Governance Lens" output says why.`,
    restartAction,
    showOutput,
  );
  if (choice === restartAction) await commands.executeCommand(CommandIds.restartServer);
  else if (choice === showOutput) log.show();
}

const isCancellation = (error: unknown) =>
  error instanceof CancellationError ||
  (error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ServerCancelled));
