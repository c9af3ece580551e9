import type { Connection } from 'vscode-languageserver';
import type { Settings } from '../core/settings';
import { toCoreSettings } from './editorSettings';

/**
 * Where the `governanceLens` settings come from: `workspace/configuration` per folder when the
 * client supports it (VS Code), else what `initializationOptions` or the last
 * didChangeConfiguration carried (clients such as Neovim pass them there).
 */
export class SettingsSource {
  private pushed: unknown;
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = pick(initializationOptions);
  }

  /** From a didChangeConfiguration notification's `settings`. */
  notePushed(settings: unknown): void {
    const value = pick(settings);
    if (value !== undefined) this.pushed = value;
  }

  /** What is known without asking the client: initializationOptions or the last pushed settings. */
  initial(): Partial<Settings> {
    return this.convert(this.pushed);
  }

  async forFolder(folderUri: string): Promise<Partial<Settings>> {
    let raw = this.pushed;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'governanceLens' });
      } catch (error) {
        this.connection.console.warn(`Could not read the governanceLens settings: ${String(error)}; using the defaults.`);
      }
    }
    return this.convert(raw);
  }

  private convert(raw: unknown): Partial<Settings> {
    const { settings, problems } = toCoreSettings(raw);
    for (const problem of problems) {
      // Each problem once: settings are re-read on every change and the author already knows.
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.connection.console.warn(problem);
      void this.connection.window.showWarningMessage(`Governance Lens: ${problem}`);
    }
    return settings;
  }
}

/** `{governanceLens: {...}}`, `{settings: {governanceLens: {...}}}` or the section itself. */
function pick(value: unknown): unknown {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (record['governanceLens'] !== undefined) return record['governanceLens'];
  if (record['settings'] !== undefined) return pick(record['settings']);
  return undefined;
}
