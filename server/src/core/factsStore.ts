import type { Configuration } from './configuration';
import { noteFacts } from './facts/noteFacts';
import { packetFacts } from './facts/packetFacts';
import { overLimit, tooLargeFacts } from './facts/tooLarge';
import type { DocumentFacts } from './facts/types';
import { isJsonPath, isMarkdownPath } from './paths';
import type { Workspace } from './workspace';

/**
 * Each document's facts, read from the workspace once per version and kept until a change
 * names the document (forget) or the settings change (clear): the one place a document's
 * text becomes facts. The analyzer decides when to forget; this only reads and remembers.
 */
export class FactsStore {
  private readonly facts = new Map<string, DocumentFacts>();

  /** @param configuration the settings in force now: the analyzer replaces them, and clears this with them */
  constructor(
    private readonly workspace: Workspace,
    private readonly configuration: () => Configuration,
    private readonly onError: (path: string, error: unknown) => void,
  ) {}

  /** Facts of any readable .json or .md file, cached per version. */
  get(path: string): DocumentFacts | undefined {
    const cached = this.facts.get(path);
    if (cached) return cached;
    const facts = this.read(path, this.onError);
    if (facts) this.facts.set(path, facts);
    return facts;
  }

  /**
   * A document's facts read now, not kept. A failure goes to `onError`: a host reading
   * documents ahead of the analyzer (on other threads) passes one that stays quiet, so a
   * document that fails is met, and reported, by the analyzer's own read as without it.
   */
  read(path: string, onError: (path: string, error: unknown) => void): DocumentFacts | undefined {
    const configuration = this.configuration();
    const { settings, factOptions } = configuration;
    let facts: DocumentFacts | undefined;
    try {
      const file = this.workspace.readFile(path, { maxLength: settings.maxFileSize });
      if (!file) return undefined;
      if (overLimit(file, settings.maxFileSize)) facts = tooLargeFacts(path, file, settings.maxFileSize);
      else if (isJsonPath(path)) facts = packetFacts(path, file.text, file.version, configuration.packetFolderOf(path), factOptions);
      else if (isMarkdownPath(path)) facts = noteFacts(path, file.text, file.version, factOptions);
    } catch (error) {
      // A host whose read fails (or a bug on one document's text) costs that document only: it
      // reads as unreadable, is not cached, and is tried again on the next question.
      onError(path, error);
      return undefined;
    }
    return facts;
  }

  /** What has been read, without reading: while warming up, the index holds only that. */
  peek(path: string): DocumentFacts | undefined {
    return this.facts.get(path);
  }

  /** Facts the host read elsewhere (a persisted cache) for the document as it is now. */
  seed(facts: DocumentFacts): void {
    this.facts.set(facts.path, facts);
  }

  forget(path: string): void {
    this.facts.delete(path);
  }

  clear(): void {
    this.facts.clear();
  }
}
