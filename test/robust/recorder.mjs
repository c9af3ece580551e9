/**
 * Preloaded (`node --import ./test/robust/recorder.mjs dist/cli.js …`) into the built CLI or
 * server, it records everything the process does that could reach beyond its workspace:
 * every file-system call with its path (reads, probes, writes), every attempt at the network,
 * at a child process, a worker or the vm module, and every module loaded. Network, process
 * and vm calls are refused as well as recorded. At exit the record is written, as JSON, to
 * the file GOVLENS_RECORD names, with the original `fs.writeFileSync`, so recording adds
 * nothing to the record.
 */
import { Buffer } from 'node:buffer';
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import Module from 'node:module';
import net from 'node:net';
import path from 'node:path';
import process from 'node:process';
import tls from 'node:tls';
import { URL } from 'node:url';
import vm from 'node:vm';
import workerThreads from 'node:worker_threads';

// The CommonJS program (dist/*.js) requires these same module objects, so it calls the wrappers.

const recordFile = process.env.GOVLENS_RECORD;
const writeFileSync = fs.writeFileSync;
const events = [];
let flushed = false;

function target(arg) {
  if (typeof arg === 'number') return `fd:${arg}`;
  if (typeof arg === 'string') return path.resolve(arg);
  if (Buffer.isBuffer(arg)) return path.resolve(arg.toString());
  if (arg instanceof URL) return arg.protocol === 'file:' ? decodeURIComponent(arg.pathname) : arg.href;
  return typeof arg === 'object' && arg !== null ? JSON.stringify(arg).slice(0, 200) : String(arg);
}

function writesFlags(flags) {
  if (typeof flags === 'string') return /[wa+]/.test(flags);
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0;
  return false;
}

function wrap(owner, name, kind, label, refuse) {
  const original = owner && owner[name];
  if (typeof original !== 'function') return;
  const wrapped = function (...args) {
    let access = kind;
    if ((name === 'openSync' || name === 'open') && writesFlags(args[1])) access = 'write';
    // stdout and stderr are the transport and the log, not files.
    const written = args[0] === 1 || args[0] === 2;
    if (!(access === 'write' && written)) events.push({ kind: access, op: label, target: target(args[0]) });
    if (refuse) throw new Error(`${label} refused by the test recorder`);
    return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
  };
  for (const key of Object.keys(original)) wrapped[key] = original[key];
  if (original.prototype) wrapped.prototype = original.prototype;
  owner[name] = wrapped;
}

const READS = ['readFileSync', 'readFile', 'openSync', 'open', 'readdirSync', 'readdir', 'opendirSync', 'opendir', 'createReadStream', 'readlinkSync', 'readlink', 'watch', 'watchFile'];
const PROBES = ['statSync', 'stat', 'lstatSync', 'lstat', 'realpathSync', 'realpath', 'existsSync', 'exists', 'accessSync', 'access'];
const WRITES = [
  'writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'writeSync', 'write', 'writevSync', 'writev', 'mkdirSync', 'mkdir', 'mkdtempSync', 'mkdtemp', 'rmSync', 'rm',
  'rmdirSync', 'rmdir', 'unlinkSync', 'unlink', 'renameSync', 'rename', 'copyFileSync', 'copyFile', 'cpSync', 'cp', 'symlinkSync', 'symlink', 'linkSync', 'link', 'chmodSync', 'chmod',
  'chownSync', 'chown', 'truncateSync', 'truncate', 'ftruncateSync', 'ftruncate', 'utimesSync', 'utimes', 'futimesSync', 'futimes', 'createWriteStream',
];
for (const name of READS) wrap(fs, name, 'read', name, false);
for (const name of PROBES) wrap(fs, name, 'probe', name, false);
for (const name of WRITES) wrap(fs, name, 'write', name, false);
wrap(fs.realpathSync, 'native', 'probe', 'realpathSync.native', false);
for (const name of ['readFile', 'open', 'readdir', 'opendir', 'readlink']) wrap(fs.promises, name, 'read', `promises.${name}`, false);
for (const name of ['stat', 'lstat', 'realpath', 'access']) wrap(fs.promises, name, 'probe', `promises.${name}`, false);
for (const name of ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'chmod', 'chown', 'truncate', 'utimes']) {
  wrap(fs.promises, name, 'write', `promises.${name}`, false);
}

// The network, other processes, workers, and code evaluation: recorded and refused.
wrap(net, 'connect', 'network', 'net.connect', true);
wrap(net, 'createConnection', 'network', 'net.createConnection', true);
wrap(net.Socket.prototype, 'connect', 'network', 'net.Socket.connect', true);
wrap(net, 'createServer', 'network', 'net.createServer', true);
wrap(tls, 'connect', 'network', 'tls.connect', true);
for (const name of ['request', 'get']) {
  wrap(http, name, 'network', `http.${name}`, true);
  wrap(https, name, 'network', `https.${name}`, true);
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) wrap(dns, name, 'network', `dns.${name}`, true);
wrap(dgram, 'createSocket', 'network', 'dgram.createSocket', true);
wrap(globalThis, 'fetch', 'network', 'fetch', true);
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(childProcess, name, 'process', `child_process.${name}`, true);
wrap(workerThreads, 'Worker', 'process', 'worker_threads.Worker', true);
for (const name of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script']) wrap(vm, name, 'eval', `vm.${name}`, true);

// Every module loaded from here on (the program itself, and anything it would load later).
const load = Module._load;
Module._load = function (request, parent, isMain, ...rest) {
  let resolved = request;
  try {
    resolved = Module._resolveFilename(request, parent, isMain);
  } catch {
    // Reported by the real load below.
  }
  events.push({ kind: 'module', op: 'require', target: resolved });
  return load.call(this, request, parent, isMain, ...rest);
};

function flush() {
  if (flushed || !recordFile) return;
  flushed = true;
  writeFileSync(recordFile, JSON.stringify(events));
}
process.on('exit', flush);
