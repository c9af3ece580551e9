import { DiagnosticCodes, type DiagnosticCode } from '../core/codes';
import { ID_PREFIX_PATTERN, TICKET_PREFIX_PATTERN, type Settings } from '../core/settings';
import type { SeverityName } from '../core/severity';

/**
 * The `governanceLens.*` settings an editor sends (VS Code's package.json contributes them;
 * other clients pass the same object). `trace.server` is read by the client only.
 */
export interface EditorSettings {
  packetFolderGlob: string;
  noteGlob: string;
  /** Workspace-relative path of an authority lock that governs every document; '' = each packet's own lock. */
  lockPath: string;
  /** Per-code level, 'off' silences the code. */
  severity: Partial<Record<DiagnosticCode, SeverityName | 'off'>>;
  /** Files larger than this are not parsed (they get an information diagnostic). */
  maxFileSizeMB: number;
  idPrefixes: string[];
  ticketPrefixes: string[];
  evidenceExtensions: string[];
}

export const editorSettingDefaults: EditorSettings = Object.freeze({
  packetFolderGlob: '*packet*',
  noteGlob: '**/*.md',
  lockPath: '',
  severity: {},
  maxFileSizeMB: 5,
  idPrefixes: [],
  ticketPrefixes: ['TKT'],
  evidenceExtensions: ['json', 'md'],
});

/** Settings only the client reads; the package.json test expects these besides EditorSettings. */
export const clientOnlySettings = ['trace.server', 'server.maxOldSpaceMB'] as const;

const levels = new Set(['error', 'warning', 'information', 'hint', 'off']);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Turns what the client sent into core settings. A value of the wrong type is reported and
 * left at its default, so one typo never switches the whole extension off.
 */
export function toCoreSettings(raw: unknown): { settings: Partial<Settings>; problems: string[] } {
  const problems: string[] = [];
  const settings: Partial<Settings> = {};
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['governanceLens settings must be an object; using the defaults.'] };
  const value = raw as Record<string, unknown>;
  const bad = (key: string, expected: string) => problems.push(`governanceLens.${key} must be ${expected}; using the default.`);

  const glob = (key: 'packetFolderGlob' | 'noteGlob') => {
    const v = value[key];
    if (v === undefined) return;
    if (typeof v === 'string' && v.trim() !== '') settings[key] = v;
    else bad(key, 'a non-empty glob');
  };
  glob('packetFolderGlob');
  glob('noteGlob');

  if (value.lockPath !== undefined) {
    if (typeof value.lockPath === 'string') {
      const path = value.lockPath.trim().replace(/\\/g, '/').replace(/^\.?\//, '');
      if (path !== '') settings.lockPath = path;
    } else bad('lockPath', 'a workspace-relative path');
  }

  if (value.maxFileSizeMB !== undefined) {
    const mb = value.maxFileSizeMB;
    if (typeof mb === 'number' && Number.isFinite(mb) && mb > 0) settings.maxFileSize = Math.round(mb * 1024 * 1024);
    else bad('maxFileSizeMB', 'a positive number');
  }

  // Checked as .govlens.json checks them: VS Code reads these from the workspace's own
  // .vscode/settings.json, and a prefix becomes part of the ID pattern, so what rename writes.
  const prefixes = { idPrefixes: [ID_PREFIX_PATTERN, 'prefixes such as FIX7-P0'], ticketPrefixes: [TICKET_PREFIX_PATTERN, 'prefixes such as TKT'] } as const;
  for (const key of ['idPrefixes', 'ticketPrefixes'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    const [pattern, example] = prefixes[key];
    if (isStringArray(v) && v.every((p) => pattern.test(p))) settings[key] = v;
    else bad(key, `a list of ${example} (capitals, digits and hyphens${key === 'ticketPrefixes' ? ', no hyphen' : ''})`);
  }
  if (value.evidenceExtensions !== undefined) {
    const v = value.evidenceExtensions;
    if (isStringArray(v)) settings.evidenceExtensions = v.map((e) => e.replace(/^\./, ''));
    else bad('evidenceExtensions', 'a list of strings');
  }

  if (value.severity !== undefined) {
    if (typeof value.severity === 'object' && value.severity !== null && !Array.isArray(value.severity)) {
      const severities: Settings['severities'] = {};
      for (const [code, level] of Object.entries(value.severity)) {
        if (!(DiagnosticCodes as readonly string[]).includes(code)) problems.push(`governanceLens.severity: unknown code "${code}"; known codes: ${DiagnosticCodes.join(', ')}.`);
        else if (typeof level !== 'string' || !levels.has(level)) problems.push(`governanceLens.severity.${code} must be error, warning, information, hint or off.`);
        else severities[code as DiagnosticCode] = level as SeverityName | 'off';
      }
      settings.severities = severities;
    } else bad('severity', 'an object mapping codes to levels');
  }
  return { settings, problems };
}
