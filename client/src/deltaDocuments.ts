import { EventEmitter, Uri, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';
import { deltaDocumentPath } from './deltaModel';

export const DeltaScheme = 'governance-lens-delta';
/** Deltas kept for their documents: a tab reopened later finds its text while it is among these. */
const KEPT = 20;

/**
 * The delta documents: read-only, in memory, never on disk or in the workspace. Each comparison
 * is a new document (its query is a counter), so an older one open beside it keeps its text.
 */
export class DeltaDocuments implements TextDocumentContentProvider, Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: Disposable;
  private next = 1;

  constructor() {
    this.registration = workspace.registerTextDocumentContentProvider(DeltaScheme, this);
  }

  /** Stores a delta's Markdown and returns the URI that reads it. */
  add(folderName: string, base: string, head: string | undefined, markdown: string): Uri {
    const uri = Uri.from({ scheme: DeltaScheme, path: deltaDocumentPath(folderName, base, head), query: String(this.next++) });
    this.texts.set(uri.toString(), markdown);
    for (const oldest of this.texts.keys()) {
      if (this.texts.size <= KEPT) break;
      this.texts.delete(oldest);
    }
    return uri;
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? 'This authority delta is no longer kept: run **Governance: Compare Authority With…** again.\n';
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.texts.clear();
  }
}
