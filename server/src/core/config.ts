import Ajv from 'ajv';
import { getNodeValue } from 'jsonc-parser';
import { append } from './append';
import type { Finding } from './facts/types';
import { parseJson, syntaxFinding } from './parse/json';
import { toFindings } from './schema/validator';
import type { Settings } from './settings';
import configSchema from '../../../schemas/govlens-config.schema.json';

export const CONFIG_FILE = '.govlens.json';

export interface WorkspaceConfig {
  settings: Partial<Settings>;
  findings: Finding[];
}

const validate = new Ajv({ allErrors: true, strict: true }).compile(configSchema);

/**
 * Reads `.govlens.json`. Configuration is data only (nothing in it runs). A bad value gets a
 * finding at that value and is ignored, so the defaults stay in force for it.
 */
export function readConfig(text: string): WorkspaceConfig {
  const parsed = parseJson(text);
  const findings: Finding[] = parsed.errors.map(syntaxFinding);
  if (parsed.errors.length > 0 || !parsed.root) return { settings: {}, findings };
  const value: unknown = getNodeValue(parsed.root);
  const errors = validate(value) ? [] : (validate.errors ?? []);
  append(findings, toFindings(errors, parsed.root, CONFIG_FILE));
  const bad = new Set(errors.map((e) => e.instancePath.split('/')[1] ?? e.params['additionalProperty']));
  const config = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const ok = (key: string) => key in config && !bad.has(key);
  const settings: Partial<Settings> = {};
  if (ok('idPrefixes')) settings.idPrefixes = config['idPrefixes'] as string[];
  if (ok('ticketPrefixes')) settings.ticketPrefixes = config['ticketPrefixes'] as string[];
  if (ok('sealFormat')) settings.sealFormat = config['sealFormat'] as Settings['sealFormat'];
  if (ok('maxFileSizeMB')) settings.maxFileSize = Math.round((config['maxFileSizeMB'] as number) * 1024 * 1024);
  const vocabulary: Settings['grantVocabulary'] = {};
  if (ok('actionAliases')) Object.assign(vocabulary, { actionAliases: config['actionAliases'] });
  if (ok('grantCues')) Object.assign(vocabulary, { grantCues: config['grantCues'] });
  if (ok('performanceCues')) Object.assign(vocabulary, { performanceCues: config['performanceCues'] });
  if (Object.keys(vocabulary).length > 0) settings.grantVocabulary = vocabulary;
  return { settings, findings };
}

