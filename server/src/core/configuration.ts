import { CONFIG_FILE, readConfig } from './config';
import { errorMessage } from './errorText';
import { rememberingDetector } from './facts/claimMemo';
import { emptyPacketFacts } from './facts/emptyFacts';
import type { FactOptions } from './facts/factOptions';
import { overLimit, tooLargeFacts } from './facts/tooLarge';
import type { DocumentFacts } from './facts/types';
import { canonicalActionName, createGrantDetector } from './grants/detector';
import { ancestors, basename, isJsonPath } from './paths';
import type { SchemaValidator } from './schema/validator';
import { defaultSettings, patternsFor, withDefaults, type Patterns, type Settings } from './settings';
import { LineIndex } from './text/lineIndex';
import type { FileSnapshot, Workspace } from './workspace';

/**
 * The settings in force for one workspace and what is derived from them: the patterns, what
 * reading a document needs, which paths are packet documents and notes. Settings are the
 * defaults, then `.govlens.json`, then what the host (editor) sets.
 *
 * Immutable once built: new settings or a new `.govlens.json` make a new Configuration, so
 * the answers it remembers (packet folders, canonical names) can never outlive their settings.
 */
export class Configuration {
  readonly settings: Settings;
  readonly patterns: Patterns;
  readonly factOptions: FactOptions;
  /** `.govlens.json` read as a document, with its findings, when the workspace has one. */
  readonly file: DocumentFacts | undefined;
  private readonly canonicalNames = new Map<string, string | undefined>();
  private readonly packetFolders = new Map<string, string | undefined>();
  private readonly packetsHolding = new Map<string, string | undefined>();

  constructor(
    private readonly workspace: Workspace,
    hostSettings: Partial<Settings>,
    schemas: SchemaValidator,
    onError: (path: string, error: unknown) => void,
  ) {
    let fromFile: Partial<Settings> = {};
    // A configuration that cannot be read or understood leaves the defaults in force, and says
    // so: it must never keep the workspace from opening (a host would then report it as clean).
    // The file cannot set its own size limit before it is read: the host's or the default applies.
    const limit = hostSettings.maxFileSize ?? defaultSettings.maxFileSize;
    let file: FileSnapshot | undefined;
    try {
      file = workspace.readFile(CONFIG_FILE, { maxLength: limit });
    } catch (error) {
      onError(CONFIG_FILE, error);
    }
    if (file && overLimit(file, limit)) {
      this.file = tooLargeFacts(CONFIG_FILE, file, limit);
    } else if (file) {
      const facts = emptyPacketFacts({ path: CONFIG_FILE, version: file.version, text: file.text, lines: new LineIndex(file.text) }, 'packet-document');
      try {
        const config = readConfig(file.text);
        fromFile = config.settings;
        facts.local = config.findings;
      } catch (error) {
        onError(CONFIG_FILE, error);
        facts.local = [{ code: 'schema', span: { start: 0, end: 0 }, message: `${CONFIG_FILE} could not be read (${errorMessage(error)}), so the defaults are in force; simplify the file, and report the problem.` }];
      }
      this.file = facts;
    }
    this.settings = withDefaults({ ...fromFile, ...hostSettings });
    this.patterns = patternsFor(this.settings);
    const vocabulary = this.settings.grantVocabulary;
    const hasExtension = Object.keys(vocabulary).length > 0;
    this.factOptions = {
      patterns: this.patterns,
      schemas,
      detectClaims: rememberingDetector(createGrantDetector(hasExtension ? vocabulary : undefined)),
      lockPath: this.settings.lockPath,
    };
  }

  /** Packet documents, KB notes, the lock path override and `.govlens.json`: the files analysed. */
  isDocument(path: string): boolean {
    return path === CONFIG_FILE || path === this.settings.lockPath || this.packetFolderOf(path) !== undefined || this.patterns.isNote(path);
  }

  /** The packet folder holding a JSON document: its nearest ancestor whose name matches the packet glob. */
  packetFolderOf(path: string): string | undefined {
    if (!isJsonPath(path)) return undefined;
    // Asked for every path every note cites (to find its governing locks): glob matching per
    // ancestor is worth remembering.
    if (this.packetFolders.has(path)) return this.packetFolders.get(path);
    const folder = this.packetHolding(path);
    this.packetFolders.set(path, folder);
    return folder;
  }

  /** The packet folder any path lies in (a note or a folder too: `dir/` is inside `dir`), if any. */
  packetHolding(path: string): string | undefined {
    if (this.packetsHolding.has(path)) return this.packetsHolding.get(path);
    const folder = ancestors(path).find((dir) => this.patterns.isPacketFolderName(dir === '' ? this.workspace.rootName : basename(dir)));
    this.packetsHolding.set(path, folder);
    return folder;
  }

  /** An action name in the detector's canonical vocabulary (lock actions, claims). */
  canonical(name: string): string | undefined {
    if (!this.canonicalNames.has(name)) this.canonicalNames.set(name, canonicalActionName(name, Object.keys(this.settings.grantVocabulary).length > 0 ? this.settings.grantVocabulary : undefined));
    return this.canonicalNames.get(name);
  }
}
