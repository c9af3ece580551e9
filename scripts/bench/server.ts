/**
 * Drives the built language server (dist/server.js --stdio) the way a push-only client
 * (Neovim 0.7, no textDocument.diagnostic capability) does, and measures it: indexing to the
 * first complete set of published diagnostics, one-character edits to the published
 * diagnostics of the edited map and of the documents that depend on it, hover and
 * definition latency, and the server's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { Manifest, Position } from '../../tools/kbGenerator';

const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { relatedInformation: true } },
  workspace: {},
};
/** The server debounces edits (SETTLE_MS in server/src/lsp/server.ts); waiting longer than this lets it fire. */
const SETTLE_WAIT_MS = 300;
/** No single wait may hang the benchmark; a 10,000-document cycle takes seconds, not this long. */
const WAIT_LIMIT_MS = 15 * 60_000;
const HEAP_PREFIX = 'BENCH-HEAP ';

export interface ServerOptions {
  /** Node executable and arguments before the script (e.g. --cpu-prof). */
  nodeArgs: string[];
  /** The server entry and its arguments (dist/server.js --stdio, or an instrumented entry). */
  entry: string[];
  root: string;
  manifest: Manifest;
  /** Edits whose latency is measured, one at a time (each waits for its publishes). */
  latencyEdits: number;
  /** All edits before the last memory reading (latency edits included). */
  totalEdits: number;
  /** Soak edits come in bursts of this many keystrokes (odd, so each burst flips the map's state). */
  burst: number;
  /** Hover requests and definition requests measured (each). */
  requests: number;
  /** Called with progress lines. */
  log: (line: string) => void;
  /** Lines the server writes to stderr that start with this prefix are collected. */
  stderrPrefix?: string;
  /**
   * The server was started with heap-probe.mjs preloaded: read its live heap after all edits
   * (after the last RSS reading, as the probe's collection changes what follows it).
   */
  heapProbe?: boolean;
  /** During the typed edits, read the server's RSS every this many edits (memorySeries). */
  sampleEvery?: number;
}

/** What heap-probe.mjs reports: the heap before and after a full collection, and V8's limit. */
export interface HeapReading {
  usedBeforeGcMB: number;
  liveMB: number;
  totalMB: number;
  limitMB: number;
  externalMB: number;
}

export interface Memory {
  rssMB: number;
  hwmMB: number;
}

export interface EditSample {
  mapMs: number;
  allMs: number;
  publishes: number;
}

export interface ServerResult {
  spawnToReadyMs: number;
  initializeToReadyMs: number;
  initialPublishes: number;
  blockers: { unresolved: number; total: number };
  memoryAfterIndexing: Memory;
  hoverMs: number[];
  definitionMs: number[];
  edits: EditSample[];
  dependants: number;
  memoryAfterLatencyEdits: Memory;
  soakEdits: number;
  soakCycles: number;
  memoryAfterAllEdits: Memory;
  totalEdits: number;
  /** With heapProbe: the live heap after all edits. */
  heapAfterAllEdits?: HeapReading;
  /** With sampleEvery: [edits so far, RSS MB], from the end of the measured edits on. */
  memorySeries?: [number, number][];
  /** Server stderr lines with the requested prefix, in order. */
  stderrLines: string[];
}

/** VmRSS and VmHWM of a live process, from /proc (Linux). */
export function memoryOf(pid: number): Memory {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMB: NaN, hwmMB: NaN };
  }
}

const now = () => performance.now();
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function within<T>(promise: Promise<T>, what: string, ms = WAIT_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

interface Published {
  uri: string;
  at: number;
  diagnostics: Diagnostic[];
}

export async function runServerBench(options: ServerOptions): Promise<ServerResult> {
  const { manifest, root, log } = options;
  const targets = manifest.targets;
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const mapUri = uri(targets.map);
  const noteUri = uri(targets.note);
  const dependantUris = targets.dependants.map(uri);

  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const spawnedAt = now();
  const child: ChildProcess = spawn(process.execPath, [...options.nodeArgs, ...options.entry], { stdio: ['pipe', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server did not start');
  const stderrLines: string[] = [];
  const heapLines: HeapReading[] = [];
  let stderrTail = '';
  let stderrBuffer = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderrTail = (stderrTail + text).slice(-4000);
    stderrBuffer += text;
    const lines = stderrBuffer.split('\n');
    stderrBuffer = lines.pop() ?? '';
    for (const line of lines) {
      if (options.stderrPrefix && line.startsWith(options.stderrPrefix)) stderrLines.push(line);
      if (line.startsWith(HEAP_PREFIX)) heapLines.push(JSON.parse(line.slice(HEAP_PREFIX.length)) as HeapReading);
    }
    if (lines.length > 0) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: Published[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push({ uri: params.uri, at: now(), diagnostics: params.diagnostics });
    wake();
  });
  let blockers: { unresolved: number; total: number } | undefined;
  let blockersAt = 0;
  connection.onNotification('governanceLens/blockersChanged', (params: { unresolved: number; total: number }) => {
    blockers ??= params;
    blockersAt ||= now();
    wake();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.listen();

  const until = (test: () => boolean, what: string) =>
    within(
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (test()) {
            waiters.delete(check);
            resolve();
          } else if (gone) {
            waiters.delete(check);
            reject(new Error(`the server exited while waiting for ${what}; stderr: ${stderrTail}`));
          }
        };
        waiters.add(check);
        void exited.then(check);
        check();
      }),
      what,
    );

  try {
    // 1. Initialize → every document's diagnostics published (blockersChanged follows the publishing pass).
    const initializeAt = now();
    await within(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
        capabilities: PUSH_CAPABILITIES,
      }),
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    // Done when blockersChanged has come (the server sends it after its first publishing pass)
    // and every document with a planted defect has been published (the only ones with findings,
    // and a clean document is not published): either order, so a server that publishes in the
    // background after announcing the counts is still measured to its last publish.
    const expected = new Set(manifest.defects.map((d) => uri(d.path)));
    const firstPublish = new Map<string, number>();
    await until(() => {
      for (const p of published) if (!firstPublish.has(p.uri)) firstPublish.set(p.uri, p.at);
      return blockers !== undefined && [...expected].every((u) => firstPublish.has(u));
    }, 'governanceLens/blockersChanged and the publishes of the documents with findings');
    const readyAt = Math.max(blockersAt, ...[...expected].map((u) => firstPublish.get(u) ?? 0));
    const initialPublishes = published.filter((p) => p.at <= readyAt).length;
    const memoryAfterIndexing = memoryOf(pid);
    const readHeap = async (what: string) => {
      const seen = heapLines.length;
      process.kill(pid, 'SIGUSR2');
      await until(() => heapLines.length > seen, `the heap probe ${what}`);
      return heapLines[seen] as HeapReading;
    };
    log(`    indexed: ${(readyAt - initializeAt).toFixed(0)} ms, ${initialPublishes} publishes, RSS ${memoryAfterIndexing.rssMB.toFixed(0)} MB`);

    // 2. Open the map and a note that cites the target; let the open's debounced pass run.
    const versions = new Map<string, number>();
    const open = async (relative: string) => {
      const text = fs.readFileSync(path.join(root, relative), 'utf8');
      versions.set(uri(relative), 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(relative), languageId: relative.endsWith('.md') ? 'markdown' : 'json', version: 1, text } });
    };
    await open(targets.map);
    await open(targets.note);
    // A request answered after the debounce fired is answered after its publishing pass.
    const flush = () => within(connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: mapUri } }), 'documentSymbol');
    // A keystroke's acknowledgement must cost the server next to nothing: the outline of the
    // note (headings, no workspace index). The map's outline would rebuild the index after
    // every keystroke, which at 10,000 documents outlasts the debounce and turns typing into
    // one full publishing pass per keystroke.
    const ack = () => within(connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: noteUri } }), 'documentSymbol');
    await delay(SETTLE_WAIT_MS);
    await flush();

    // 3. Hover and definition on a blocker ID cited in the note.
    const timed = async (method: string, position: Position, check: (result: unknown) => boolean) => {
      const samples: number[] = [];
      const warmUp = Math.min(20, options.requests);
      for (let i = 0; i < options.requests + warmUp; i++) {
        const t0 = now();
        const result = await within(connection.sendRequest(method, { textDocument: { uri: noteUri }, position }), method);
        const ms = now() - t0;
        if (i === 0 && !check(result)) throw new Error(`${method} on ${targets.id} in ${targets.note} returned ${JSON.stringify(result)?.slice(0, 300)}`);
        if (i >= warmUp) samples.push(ms);
      }
      return samples;
    };
    const hoverMs = await timed('textDocument/hover', targets.notePosition, (r) => JSON.stringify(r ?? null).includes(targets.id));
    const definitionMs = await timed('textDocument/definition', targets.notePosition, (r) => JSON.stringify(r ?? null).includes(encodeURI(path.basename(path.dirname(targets.map)))));
    log(`    hover and definition: ${options.requests} each`);

    // 4. One-character edits in the map's definition of the ID: "O" → "Q" breaks the ID everywhere, "Q" → "O" restores it.
    let broken = false;
    let version = 1;
    const edit = async () => {
      broken = !broken;
      version++;
      const { position } = targets.edit;
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: mapUri, version },
        contentChanges: [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: broken ? targets.edit.replacement : targets.edit.original }],
      });
    };
    // The map is clean when the ID is defined; broken, it reports unknown-id where it cites the ID itself.
    const mapShowsState = (p: Published) => p.uri === mapUri && (broken ? p.diagnostics.some((d) => d.code === 'unknown-id') : p.diagnostics.length === 0);
    const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
    const dependantShowsState = (p: Published) =>
      broken ? p.diagnostics.some((d) => d.code === 'unknown-id' && message(d).includes(targets.id)) : !p.diagnostics.some((d) => message(d).includes(targets.id));

    const edits: EditSample[] = [];
    const starts: number[] = [];
    for (let i = 0; i < options.latencyEdits; i++) {
      const from = published.length;
      starts.push(from);
      const t0 = now();
      await edit();
      let mapAt = 0;
      const seen = new Map<string, number>();
      await until(() => {
        for (let k = from; k < published.length; k++) {
          const p = published[k] as Published;
          if (!mapAt && mapShowsState(p)) mapAt = p.at;
          if (p.uri !== mapUri && dependantShowsState(p) && !seen.has(p.uri)) seen.set(p.uri, p.at);
        }
        return mapAt > 0 && dependantUris.every((u) => seen.has(u));
      }, `the publishes of edit ${i + 1}`);
      await flush();
      const allAt = Math.max(mapAt, ...seen.values());
      edits.push({ mapMs: mapAt - t0, allMs: allAt - t0, publishes: 0 });
      if ((i + 1) % 50 === 0) log(`    edits: ${i + 1}/${options.latencyEdits}`);
    }
    // An edit's publishes: all that arrived from its didChange to the next edit's (a pass may
    // send more after the expected ones have come, and they count for the edit that caused them).
    edits.forEach((e, i) => (e.publishes = (starts[i + 1] ?? published.length) - (starts[i] ?? 0)));
    const memoryAfterLatencyEdits = memoryOf(pid);

    // 5. The rest of the edits as typing: bursts of keystrokes, each acknowledged by a cheap
    //    request (so the server has applied it), then a pause for the debounced pass.
    let soakEdits = 0;
    let soakCycles = 0;
    const memorySeries: [number, number][] = [];
    const sample = () => memorySeries.push([options.latencyEdits + soakEdits, Math.round(memoryOf(pid).rssMB)]);
    if (options.sampleEvery) sample();
    const soakTotal = Math.max(0, options.totalEdits - options.latencyEdits);
    while (soakEdits < soakTotal) {
      const burst = Math.min(options.burst, soakTotal - soakEdits);
      for (let k = 0; k < burst; k++) {
        await edit();
        await ack();
        soakEdits++;
        if (options.sampleEvery && soakEdits % options.sampleEvery === 0) sample();
      }
      if (burst % 2 === 1) {
        // The map's latest publish, whenever it came: a pass may run between keystrokes (the
        // server waits about as long as its last analysis took) and publish the final state
        // before the burst ends, and an unchanged state is not published again.
        const latestMap = () => {
          for (let k = published.length - 1; k >= 0; k--) if (published[k]?.uri === mapUri) return published[k];
          return undefined;
        };
        await until(() => {
          const latest = latestMap();
          return latest !== undefined && mapShowsState(latest);
        }, `the publishes after soak burst ${soakCycles + 1}`);
        await flush();
        soakCycles++;
      }
      if (soakCycles % 20 === 0 && burst % 2 === 1) log(`    soak edits: ${soakEdits}/${soakTotal}`);
    }
    // An even last burst leaves a debounced pass pending: let it finish before reading memory.
    await delay(SETTLE_WAIT_MS);
    await flush();
    const memoryAfterAllEdits = memoryOf(pid);
    const heapAfterAllEdits = options.heapProbe ? await readHeap('after all edits') : undefined;

    return {
      spawnToReadyMs: readyAt - spawnedAt,
      initializeToReadyMs: readyAt - initializeAt,
      initialPublishes,
      blockers: blockers ?? { unresolved: 0, total: 0 },
      memoryAfterIndexing,
      hoverMs,
      definitionMs,
      edits,
      dependants: dependantUris.length,
      memoryAfterLatencyEdits,
      soakEdits,
      soakCycles,
      memoryAfterAllEdits,
      totalEdits: options.latencyEdits + soakEdits,
      ...(heapAfterAllEdits ? { heapAfterAllEdits } : {}),
      ...(options.sampleEvery ? { memorySeries } : {}),
      stderrLines,
    };
  } finally {
    try {
      await within(connection.sendRequest('shutdown'), 'shutdown', 60_000);
      await connection.sendNotification('exit');
    } catch {
      // The kill below ends it.
    }
    // A --cpu-prof server writes its profile on a clean exit; give it time before the kill.
    const code = await Promise.race([exited, delay(60_000).then(() => 'timeout' as const)]);
    connection.dispose();
    if (code === 'timeout') child.kill();
  }
}
