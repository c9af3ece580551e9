/**
 * Workspace paths are relative, `/`-separated and normalised ("a/b/c.json"). The core
 * never sees OS paths: hosts translate at the boundary. This module is deliberately not
 * `node:path`, which the core may not import.
 */

/** A folder no workspace listing walks into: hidden ones (.git, .vscode) and node_modules; every host lists the same files. */
export function skippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A JSON file (`.json` in any case, `A.JSON` too): in a packet folder, a packet document. One test, so every reader agrees on what counts. */
export const isJsonPath = (path: string): boolean => /\.json$/i.test(path);

/** A Markdown file (`.md` in any case). */
export const isMarkdownPath = (path: string): boolean => /\.md$/i.test(path);

/**
 * Joins and normalises; returns undefined when `..` climbs above the workspace root,
 * which callers report as path-outside-workspace.
 */
export function joinPath(base: string, relative: string): string | undefined {
  const parts: string[] = [];
  for (const segment of `${base}/${relative}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return parts.join('/');
}

/**
 * A path inside a packet written from the packet folder on (`<packet>/<path inside>`): the
 * folders above it are the same for every file of the packet and only make the path long.
 */
export function packetRelative(path: string, packet: string | undefined): string {
  if (packet === undefined || packet === '' || !path.startsWith(`${packet}/`)) return path;
  return `${basename(packet)}/${path.slice(packet.length + 1)}`;
}

/** Every ancestor folder of a path, nearest first, ending with the root (""). */
export function ancestors(path: string): string[] {
  const result: string[] = [];
  let dir = dirname(path);
  for (;;) {
    result.push(dir);
    if (dir === '') return result;
    dir = dirname(dir);
  }
}
