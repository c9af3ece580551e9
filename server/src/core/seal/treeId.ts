import { createHasher, type HashAlgorithm } from './hash';
import type { TreeEntryKind, Workspace } from '../workspace';

/** `.govlens.json` `sealFormat`: git's object format of the repository the packets are committed to, or no seals at all. */
export type SealFormat = 'git-sha1' | 'git-sha256' | 'off';

export type TreeIdResult = { id: string; files: number } | { problem: string };

/**
 * Above this many bytes in one packet folder no tree id is computed: packets hold kilobytes of
 * JSON and notes, and a sparse file of gigabytes (which costs no disk) must not be read whole
 * just to hash it.
 */
export const MAX_TREE_BYTES = 256 * 1024 * 1024;

const MODES: Record<TreeEntryKind | 'tree', string> = { file: '100644', executable: '100755', symlink: '120000', tree: '40000' };

const encoder = new TextEncoder();

interface Item {
  name: Uint8Array;
  mode: string;
  /** A blob's id as hex; a subtree's is looked up by its path once computed. */
  id?: string;
  subtree?: string;
}

/**
 * Git's tree object id of a folder, from its bytes, with no git: after committing the
 * workspace, `git rev-parse HEAD:<folder>` prints the same (test/unit/seal-tree-id.test.ts
 * holds it to git). Files are blobs (100644, or 100755 when executable), symbolic links blobs
 * of their text (120000), subfolders trees, and a folder with no file below it is left out, as
 * git leaves it out. `.gitignore` is not read: the id is of every file there (see README, Seals).
 */
export function gitTreeId(workspace: Workspace, folder: string, format: Exclude<SealFormat, 'off'>): TreeIdResult {
  if (!workspace.listTree || !workspace.readBytes || !workspace.readLink) return { problem: 'this host cannot read files as bytes' };
  const algorithm: HashAlgorithm = format === 'git-sha256' ? 'sha256' : 'sha1';
  const listed = workspace.listTree(folder);
  if (!listed) return { problem: 'the folder cannot be read whole (an unreadable subfolder, or a symbolic link on its path)' };
  // Git never stores an entry named .git; a host that lists one anyway must not change the id.
  const entries = listed.filter((e) => !e.path.split('/').includes('.git'));
  let total = 0;
  for (const entry of entries) total += entry.size;
  if (total > MAX_TREE_BYTES) return { problem: `its files hold ${total} bytes, more than the ${MAX_TREE_BYTES} a seal is computed over` };

  // One list of items per folder; each subfolder appears once in its parent's list.
  const folders = new Map<string, Item[]>([['', []]]);
  for (const entry of entries) {
    const bytes = entry.kind === 'symlink' ? workspace.readLink(joinRelative(folder, entry.path)) : workspace.readBytes(joinRelative(folder, entry.path));
    if (!bytes) return { problem: `${entry.path} cannot be read` };
    const parts = entry.path.split('/');
    let parent = '';
    for (let i = 0; i < parts.length - 1; i++) {
      const child = parent === '' ? (parts[i] ?? '') : `${parent}/${parts[i] ?? ''}`;
      if (!folders.has(child)) {
        folders.set(child, []);
        folders.get(parent)?.push({ name: encoder.encode(parts[i] ?? ''), mode: MODES.tree, subtree: child });
      }
      parent = child;
    }
    folders.get(parent)?.push({ name: encoder.encode(parts[parts.length - 1] ?? ''), mode: MODES[entry.kind], id: objectId(algorithm, 'blob', [bytes]) });
  }

  // Deepest folders first, so every subtree's id is known before its parent is hashed: a loop,
  // not recursion, because a folder may be nested thousands deep.
  const ids = new Map<string, string>();
  const order = [...folders.keys()].sort((a, b) => depth(b) - depth(a));
  for (const path of order) {
    const items = folders.get(path) ?? [];
    items.sort(gitOrder);
    const chunks: Uint8Array[] = [];
    for (const item of items) {
      const id = item.id ?? ids.get(item.subtree ?? '') ?? '';
      chunks.push(encoder.encode(`${item.mode} `), item.name, Uint8Array.of(0), hexBytes(id));
    }
    ids.set(path, objectId(algorithm, 'tree', chunks));
  }
  return { id: ids.get('') ?? '', files: entries.length };
}

/** `<type> <size>\0<content>` hashed: git's object id. */
function objectId(algorithm: HashAlgorithm, type: 'blob' | 'tree', chunks: readonly Uint8Array[]): string {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const hasher = createHasher(algorithm);
  hasher.update(encoder.encode(`${type} ${size}\0`));
  for (const chunk of chunks) hasher.update(chunk);
  return hasher.hexDigest();
}

/**
 * Git's order of tree entries: by the bytes of the name, a tree's name compared as if it ended
 * in '/' (so the folder `a` sorts after the file `a-b` and before `a0`, though `a` alone would
 * sort before both).
 */
function gitOrder(a: Item, b: Item): number {
  const left = sortKey(a);
  const right = sortKey(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const d = (left[i] ?? 0) - (right[i] ?? 0);
    if (d !== 0) return d;
  }
  return left.length - right.length;
}

function sortKey(item: Item): Uint8Array {
  if (item.subtree === undefined) return item.name;
  const key = new Uint8Array(item.name.length + 1);
  key.set(item.name);
  key[item.name.length] = 0x2f;
  return key;
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function depth(path: string): number {
  if (path === '') return 0;
  let n = 1;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 0x2f) n++;
  return n;
}

function joinRelative(folder: string, path: string): string {
  return folder === '' ? path : `${folder}/${path}`;
}

