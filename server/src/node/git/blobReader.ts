import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { gitEnv, GitError } from './gitCommand';

/** How long one blob may take to arrive before the read is given up as a hung git. */
const READ_TIMEOUT_MS = 30_000;

// The worker owns the one `git cat-file --batch` process and answers one object id at a time.
// The Workspace interface is synchronous (the analyzer reads in the middle of a computation), so
// the caller blocks on a shared flag while the worker's own event loop talks to git. Plain
// JavaScript, evaluated: it needs no bundle entry of its own.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { port, flag, cwd, env } = workerData;
const signal = new Int32Array(flag);
const child = spawn('git', ['cat-file', '--batch'], { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
let chunks = [];
let buffered = 0;
let waiting = 0;
let dead = false;
const answer = (body) => {
  waiting--;
  port.postMessage(body);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
};
const drain = () => {
  while (waiting > 0) {
    let buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
    chunks = [buffer];
    const newline = buffer.indexOf(10);
    if (newline < 0) return;
    const header = buffer.subarray(0, newline).toString('latin1').split(' ');
    if (header.length < 3) {
      buffer = buffer.subarray(newline + 1);
      chunks = [buffer]; buffered = buffer.length;
      answer(null);
      continue;
    }
    const size = Number(header[2]);
    if (buffer.length < newline + 1 + size + 1) return;
    const body = Buffer.from(buffer.subarray(newline + 1, newline + 1 + size));
    buffer = buffer.subarray(newline + 2 + size);
    chunks = [buffer]; buffered = buffer.length;
    answer(body);
  }
};
const die = () => {
  dead = true;
  while (waiting > 0) answer(null);
};
child.stdout.on('data', (chunk) => { chunks.push(chunk); buffered += chunk.length; drain(); });
child.on('error', die);
child.on('exit', die);
port.on('message', (oid) => {
  if (oid === null) { child.stdin.end(); port.close(); return; }
  waiting++;
  if (dead) { answer(null); return; }
  child.stdin.write(oid + '\\n');
});
`;

/**
 * Blob contents from one long-lived `git cat-file --batch`, read on demand. Object ids come from
 * the caller's ls-tree listing, so only objects of that tree are ever asked for.
 */
export class BlobReader {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly cwd: string) {}

  /** The blob's bytes; undefined when git has no such object or has stopped. */
  read(oid: string): Uint8Array | undefined {
    const port = this.start();
    Atomics.store(this.signal, 0, 0);
    port.postMessage(oid);
    if (Atomics.wait(this.signal, 0, 0, READ_TIMEOUT_MS) === 'timed-out') {
      this.dispose();
      throw new GitError(`git cat-file gave no answer for object ${oid} within ${READ_TIMEOUT_MS / 1000} s; check that the repository is not locked or on a stalled disk`);
    }
    const reply = receiveMessageOnPort(port)?.message as Uint8Array | null | undefined;
    return reply ?? undefined;
  }

  dispose(): void {
    // The worker closes git's stdin and ends once git has: nothing is left running.
    this.port?.postMessage(null);
    this.port = undefined;
    this.worker = undefined;
  }

  private start(): MessagePort {
    if (this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, flag: this.signal.buffer, cwd: this.cwd, env: gitEnv() },
      transferList: [port2],
    });
    // A CLI run ends when its output is written, not when an idle reader is told to stop.
    this.worker.unref();
    port1.unref();
    this.port = port1;
    return port1;
  }
}
