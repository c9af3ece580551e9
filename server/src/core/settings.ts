import picomatch from 'picomatch';
import type { DiagnosticCode } from './codes';
import type { VocabularyExtension } from './grants/vocabulary';
import type { SealFormat } from './seal/treeId';
import type { SeverityName } from './severity';

/** Everything a user can configure. Hosts build it (from editor settings or files) and pass it in. */
export interface Settings {
  /** Glob matched against a single folder name: a folder it matches is a packet folder. */
  packetFolderGlob: string;
  /** Glob matched against workspace-relative paths: the files it matches are KB notes. */
  noteGlob: string;
  /** Governance-ID prefixes such as "FIX7-P0"; empty means any `[A-Z][A-Z0-9]*-P[0-9]+-…` shape. */
  idPrefixes: string[];
  /** Ticket prefixes: "TKT" recognises `TKT-<WORD>-<number>`. */
  ticketPrefixes: string[];
  /** File extensions (no dot) that make a token an evidence path. */
  evidenceExtensions: string[];
  /** Per-code severity overrides; 'off' silences a code. */
  severities: Partial<Record<DiagnosticCode, SeverityName | 'off'>>;
  /** Additions to the production-grant detector's vocabulary (action aliases, cue words). */
  grantVocabulary: VocabularyExtension;
  /** Workspace-relative path of an authority lock that governs every document, overriding spec §5's per-packet lookup. */
  lockPath?: string;
  /** Files longer than this many characters are not parsed; they get file-too-large. */
  maxFileSize: number;
  /** Git's object format for packet tree ids (spec §8), or 'off': no seal is computed or checked. */
  sealFormat: SealFormat;
}

export const defaultSettings: Settings = Object.freeze({
  packetFolderGlob: '*packet*',
  noteGlob: '**/*.md',
  idPrefixes: [],
  ticketPrefixes: ['TKT'],
  evidenceExtensions: ['json', 'md'],
  severities: {},
  grantVocabulary: {},
  maxFileSize: 5 * 1024 * 1024,
  sealFormat: 'git-sha1',
});

/** What an ID prefix may be (`FIX7-P0`): the .govlens.json schema and package.json declare the same pattern. */
export const ID_PREFIX_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
/** What a ticket prefix may be (`TKT`). */
export const TICKET_PREFIX_PATTERN = /^[A-Z][A-Z0-9]*$/;
/**
 * The shape of every governance ID, whatever the prefixes: capitals, digits and hyphens. Text
 * written into packet documents and notes (a rename's new name) must have it: a quote, a
 * backslash or a line break would end the JSON string it lands in.
 */
export const ID_SHAPE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

export function withDefaults(partial: Partial<Settings> = {}): Settings {
  return { ...defaultSettings, ...partial, severities: { ...defaultSettings.severities, ...partial.severities } };
}

/** Regular expressions and matchers derived from settings, built once per settings object. */
export interface Patterns {
  /** Global, matches one governance ID. */
  id: RegExp;
  /** Sticky, tests a whole string is a governance ID. */
  wholeId: RegExp;
  /** Global; groups: 1 prefix word (e.g. "TKT-OBJ"), 2 number. */
  ticket: RegExp;
  /** Global; group 1 is the path token. */
  evidencePath: RegExp;
  /** Substrings one of which a text must contain to be worth an evidence scan. */
  evidenceHints: string[];
  isPacketFolderName(name: string): boolean;
  isNote(path: string): boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Boundaries keep IDs out of longer tokens: lower-case slugs, underscores, and file names
// ("FIX7-P0-X-1.json" names a file). A slash stays a boundary: prose writes "ID/owner".
const ID_BEFORE = '(?<![A-Za-z0-9_-])';
const ID_AFTER = '(?![A-Za-z0-9_]|-[A-Za-z0-9]|\\.[A-Za-z0-9])';
const PATH_CHAR = '[\\p{L}\\p{N}_@.+~-]';

const cache = new WeakMap<Settings, Patterns>();

export function patternsFor(settings: Settings): Patterns {
  let patterns = cache.get(settings);
  if (!patterns) {
    patterns = buildPatterns(settings);
    cache.set(settings, patterns);
  }
  return patterns;
}

function buildPatterns(settings: Settings): Patterns {
  const idBody =
    settings.idPrefixes.length > 0
      ? `(?:${settings.idPrefixes.map(escapeRegExp).join('|')})(?:-[A-Z0-9]+)+`
      : '[A-Z][A-Z0-9]*-P[0-9]+(?:-[A-Z0-9]+)+';
  const ticketPrefix = settings.ticketPrefixes.map(escapeRegExp).join('|') || 'TKT';
  const extensions = settings.evidenceExtensions.map(escapeRegExp).join('|') || 'json|md';
  const packetMatcher = picomatch(settings.packetFolderGlob, { dot: true });
  const noteMatcher = picomatch(settings.noteGlob, { dot: true });
  return {
    id: new RegExp(`${ID_BEFORE}${idBody}${ID_AFTER}`, 'g'),
    wholeId: new RegExp(`^${idBody}$`),
    ticket: new RegExp(`(?<![A-Za-z0-9_-])((?:${ticketPrefix})-[A-Z][A-Z0-9]*)-([0-9]+)(?![A-Za-z0-9_])`, 'g'),
    // A path: optional "…/" elision or leading "/", folders, then a name ending in a known
    // extension that is not the start of a longer name ("a.json.bak", "a.mdx").
    evidencePath: new RegExp(
      `(?<!${PATH_CHAR}|/|…)((?:…/|/)?(?:${PATH_CHAR}+/)*${PATH_CHAR}*\\.(?:${extensions}))(?![\\p{L}\\p{N}_@+~/-]|\\.[\\p{L}\\p{N}])`,
      'gu',
    ),
    evidenceHints: settings.evidenceExtensions.map((e) => `.${e}`),
    isPacketFolderName: (name) => packetMatcher(name),
    isNote: (path) => noteMatcher(path),
  };
}
