/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self
 * time and the most inclusive time, with their share of the sampled time.
 *
 *   node --import tsx scripts/bench/profile-summary.ts FILE.cpuprofile [--top 25]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionCost {
  name: string;
  selfMs: number;
  totalMs: number;
  selfShare: number;
  totalShare: number;
}

export interface ProfileSummary {
  file: string;
  sampledMs: number;
  /** Sampled time not spent idle, in garbage collection or in the program (V8's pseudo-frames). */
  busyMs: number;
  idleMs: number;
  gcMs: number;
  bySelf: FunctionCost[];
  byTotal: FunctionCost[];
}

function label(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.replace(/^file:\/\//, '');
  const short = file.includes('/node_modules/') ? file.slice(file.lastIndexOf('/node_modules/') + 14) : path.basename(file);
  return `${name} ${short}:${frame.lineNumber + 1}`;
}

export function summarise(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, i) => selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampled = 0;
  let idle = 0;
  let gc = 0;
  for (const [id, ms] of selfById) {
    const node = byId.get(id);
    if (!node) continue;
    sampled += ms;
    const name = label(node.callFrame);
    if (node.callFrame.functionName === '(idle)') idle += ms;
    if (node.callFrame.functionName === '(garbage collector)') gc += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
    // Inclusive time: once per distinct function on the stack (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame;
      if (!frame) break;
      const n = label(frame);
      if (seen.has(n)) continue;
      seen.add(n);
      total.set(n, (total.get(n) ?? 0) + ms);
    }
  }
  const busy = sampled - idle;
  const cost = (name: string): FunctionCost => {
    const s = self.get(name) ?? 0;
    const t = total.get(name) ?? 0;
    return { name, selfMs: s, totalMs: t, selfShare: busy > 0 ? s / busy : 0, totalShare: busy > 0 ? t / busy : 0 };
  };
  const skip = (name: string) => name.startsWith('(root)') || name.startsWith('(idle)') || name.startsWith('(program)');
  const bySelf = [...self.keys()].filter((n) => !n.startsWith('(idle)')).map(cost).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  const byTotal = [...total.keys()].filter((n) => !skip(n)).map(cost).sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
  return { file, sampledMs: sampled, busyMs: busy, idleMs: idle, gcMs: gc, bySelf, byTotal };
}

export function formatSummary(s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows = (list: FunctionCost[], key: 'self' | 'total') =>
    list.map((c) => `| ${pct(key === 'self' ? c.selfShare : c.totalShare)} | ${(key === 'self' ? c.selfMs : c.totalMs).toFixed(0)} | \`${c.name}\` |`);
  return [
    `${path.basename(s.file)}: ${s.sampledMs.toFixed(0)} ms sampled, ${s.busyMs.toFixed(0)} ms busy (shares below are of busy time), ${s.idleMs.toFixed(0)} ms idle, GC ${s.gcMs.toFixed(0)} ms`,
    '',
    '| self | ms | function |',
    '|---:|---:|---|',
    ...rows(s.bySelf, 'self'),
    '',
    '| inclusive | ms | function |',
    '|---:|---:|---|',
    ...rows(s.byTotal, 'total'),
  ].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  if (positionals.length === 0) {
    console.error('usage: node --import tsx scripts/bench/profile-summary.ts FILE.cpuprofile... [--top N]');
    process.exitCode = 2;
    return;
  }
  for (const file of positionals) console.log(`${formatSummary(summarise(file, Number(values.top)))}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
