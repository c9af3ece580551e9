import { Analyzer } from '../core/analyzer';
import { createLanguageService, type LanguageService } from '../core/service';
import type { Settings } from '../core/settings';
import type { Position } from '../core/types';
import { OverlayWorkspace } from './overlayWorkspace';
import type { Runtime } from './runtime';
import { errorText } from '../core/errorText';

const toSlashes = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');

/** One workspace folder: its files (buffers over disk), its analyzer and its language service. */
export class KbFolder {
  readonly workspace: OverlayWorkspace;
  readonly analyzer: Analyzer;
  readonly service: LanguageService;
  private readonly roots: string[];
  /** The URI the client used for each open document, echoed back unchanged. */
  private readonly clientUris = new Map<string, string>();
  private readonly diskUris = new Map<string, string>();
  /** The editor's settings in force, kept so an old revision is analysed under the same ones (lsp/authorityDelta.ts). */
  private settings: Partial<Settings>;

  constructor(
    readonly uri: string,
    readonly fsPath: string,
    private readonly runtime: Runtime,
    settings: Partial<Settings>,
    log: (message: string) => void = () => undefined,
  ) {
    this.settings = settings;
    this.workspace = new OverlayWorkspace(runtime.openFolder(fsPath));
    this.analyzer = new Analyzer(this.workspace, settings, {
      onError: (path, error) => log(`Analysing ${path} failed: ${errorText(error)}`),
    });
    this.service = createLanguageService(this.analyzer, { linkTo: (path, position) => this.linkTo(path, position) });
    // Editors may name files through the folder as opened or through its real location.
    this.roots = [...new Set([toSlashes(fsPath), toSlashes(runtime.realPath(fsPath))])];
  }

  get hostSettings(): Partial<Settings> {
    return this.settings;
  }

  updateSettings(settings: Partial<Settings>): void {
    this.settings = settings;
    this.analyzer.updateSettings(settings);
  }

  /** Whether a local path names this folder itself (as opened or through its real location). */
  isRoot(fsPath: string): boolean {
    return this.roots.includes(toSlashes(fsPath));
  }

  /** The workspace-relative path of a local file, or undefined when it lies outside this folder. */
  pathOf(fsPath: string): string | undefined {
    const file = toSlashes(fsPath);
    for (const root of this.roots) {
      if (file.startsWith(`${root}/`)) return file.slice(root.length + 1);
    }
    return undefined;
  }

  /** How deep the folder is: the innermost folder owns a file when folders nest. */
  get depth(): number {
    return toSlashes(this.fsPath).split('/').length;
  }

  uriOf(path: string): string {
    const known = this.clientUris.get(path) ?? this.diskUris.get(path);
    if (known !== undefined) return known;
    // Building a file URI costs microseconds, and whole-workspace passes ask for every document.
    const uri = this.runtime.fsPathToUri(`${toSlashes(this.fsPath)}/${path}`);
    if (this.diskUris.size > 100_000) this.diskUris.clear();
    this.diskUris.set(path, uri);
    return uri;
  }

  rememberUri(path: string, uri: string): void {
    this.clientUris.set(path, uri);
  }

  forgetUri(path: string): void {
    this.clientUris.delete(path);
  }

  /** A link for hover cards: the file, at a line and column when given (`#L12,5`, which VS Code opens there). */
  linkTo(path: string, position?: Position): string {
    const uri = this.uriOf(path);
    return position ? `${uri}#L${position.line + 1},${position.character + 1}` : uri;
  }

  dispose(): void {
    this.analyzer.dispose();
  }
}
