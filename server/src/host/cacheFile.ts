// The persistent cache's file, for any front end that keeps analysis results between runs (ESLint's
// --cache, ruff's and mypy's caches): where it lives, and a format trusted only when this user's Registry Lens
// wrote it — a header naming the format and the engine build, an HMAC-SHA256 of the file's name, header and payload
// under the user's own key (host/cacheKey.ts), so a file a repository ships, a CI cache restores or a crash cut
// reads as no cache at all. The file is data, never a path to follow: the folder and the file are opened without
// following links, only a regular file is read, through the descriptor that was checked and no further than the
// size limit; written to a temporary file created exclusively, then renamed over it, so a run that dies mid-write
// leaves the old file or none. The payload is a sequence of parts, each serialised and written in turn, so that a
// writer holds one part's bytes at a time.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { rmSync, writeSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';

const MAGIC = 'registry-lens cache\n';
/** The layout of the file and of what it holds; a change makes older files foreign. */
export const CACHE_FORMAT = 5;
/** Larger files are not read (nor written): ten times the large bench org's entry, far below a heap's limit. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAC_BYTES = 32;
/** Each part's length before it (little-endian). */
const LENGTH_BYTES = 4;
/** Not defined on Windows, where `lstat` alone keeps links out. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Where a root's cache files are and who may vouch for them. */
export interface CacheSpec {
  /** The analysed root: a cache folder inside it is entered only through folders that are not links. */
  readonly root: string;
  readonly folder: string;
  /** The running build's identity (`engineIdentity`). */
  readonly engine: string;
  /** The user's key (host/cacheKey.ts): a file whose HMAC under it does not match was not written by this user. */
  readonly key: Buffer;
}

/**
 * The user's cache folder — `$XDG_CACHE_HOME/registry-lens` (on any system where it is set), else
 * `~/.cache/registry-lens`, macOS `~/Library/Caches/registry-lens`, Windows `%LOCALAPPDATA%\registry-lens`: the
 * default folder of every cache, outside any analysed tree, so a cloned repository cannot ship into it.
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CACHE_HOME'];
  const base =
    xdg !== undefined && path.isAbsolute(xdg)
      ? xdg
      : process.platform === 'win32'
        ? (env['LOCALAPPDATA'] ?? path.join(homedir(), 'AppData', 'Local'))
        : process.platform === 'darwin'
          ? path.join(homedir(), 'Library', 'Caches')
          : path.join(homedir(), '.cache');
  return path.join(base, 'registry-lens');
}

/** A short name for what a file caches (a root and the flags that change its analysis). */
export function cacheName(kind: string, key: string): string {
  return `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.bin`;
}

/**
 * The parts of the cache file `name` in the spec's folder; undefined when there is none, or it was written by another
 * format or build (silently, as a new build is expected to rebuild it), or it is not this user's or damaged, or not a
 * regular file, or its folder is reached through a link (`warn` says so: it is rebuilt).
 */
export function readCacheFile(spec: CacheSpec, name: string, warn: (message: string) => void): unknown[] | undefined {
  const file = path.join(spec.folder, name);
  const folder = folderIssue(spec, false);
  if (folder === '') return undefined;
  if (folder !== undefined) {
    warn(`ignored the cache ${file}: ${folder}`);
    return undefined;
  }
  const read = readBounded(file);
  if (typeof read === 'string') return read === '' ? undefined : ignored(file, warn, read);
  const bytes = read;
  const head = header(spec.engine);
  const magic = Buffer.from(MAGIC);
  if (!bytes.subarray(0, magic.length).equals(magic)) return ignored(file, warn, 'it is not a cache file');
  const end = bytes.indexOf(0x0a, magic.length);
  if (end < 0) return ignored(file, warn, 'its header is cut');
  if (!bytes.subarray(0, end + 1).equals(head)) return undefined;
  const mac = bytes.subarray(end + 1, end + 1 + MAC_BYTES);
  const payload = bytes.subarray(end + 1 + MAC_BYTES);
  const expected = signer(spec.key, name).update(head).update(payload).digest();
  if (mac.length < MAC_BYTES || !expected.equals(mac))
    return ignored(
      file,
      warn,
      'it was not written by this user, or it is truncated or corrupt (its HMAC does not match)',
    );
  const parts: unknown[] = [];
  try {
    for (let at = 0; at < payload.length;) {
      const length = payload.readUInt32LE(at);
      at += LENGTH_BYTES;
      if (length > payload.length - at) throw new Error('a part is cut');
      parts.push(deserialize(payload.subarray(at, at + length)));
      at += length;
    }
  } catch {
    return ignored(file, warn, 'it cannot be decoded');
  }
  return parts;
}

/**
 * Writes `parts` as the cache file `name` in the spec's folder (created, 0700, when missing), atomically; `warn` says
 * why it could not. Each part is taken from `parts`, serialised and written before the next is taken: a writer that
 * makes its parts as they are asked for holds one part at a time (serialised at once, a large root's entry raised the
 * peak memory of the run that wrote it: bench/README.md, `check --cache`).
 */
export function writeCacheFile(
  spec: CacheSpec,
  name: string,
  parts: Iterable<unknown>,
  warn: (message: string) => void,
): void {
  const file = path.join(spec.folder, name);
  const folder = folderIssue(spec, true);
  if (folder !== undefined) {
    warn(`cache not written to ${file}: ${folder}`);
    return;
  }
  const head = header(spec.engine);
  // A random name, created exclusively and never through a link: nothing planted at it is followed or truncated.
  const tmp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  let created = false;
  try {
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
    created = true;
    try {
      const mac = signer(spec.key, name).update(head);
      let length = head.length + MAC_BYTES;
      writeAll(fd, head, 0);
      for (const part of parts) {
        const bytes = serialize(part);
        const size = Buffer.alloc(LENGTH_BYTES);
        size.writeUInt32LE(bytes.length);
        if (length + size.length + bytes.length > MAX_BYTES) throw new TooLarge();
        for (const b of [size, bytes]) {
          mac.update(b);
          writeAll(fd, b, length);
          length += b.length;
        }
      }
      writeAll(fd, mac.digest(), head.length);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    if (created) attempt(() => rmSync(tmp, { force: true }));
    warn(e instanceof TooLarge ? e.message : `cache not written to ${file}: ${(e as Error).message}`);
  }
}

/**
 * Why the spec's folder is not to be used ('' when it is missing and `create` is not asked), or undefined when it may:
 * every folder from the root down to it when it lies inside the root, else the folder itself, is a folder and not a
 * link (a link would lead the writes elsewhere); made (0700) where missing when `create`.
 */
function folderIssue(spec: CacheSpec, create: boolean): string | undefined {
  const folder = path.resolve(spec.folder);
  const rel = path.relative(path.resolve(spec.root), folder);
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  let at = inside ? path.resolve(spec.root) : path.dirname(folder);
  const steps = inside ? rel.split(path.sep) : [path.basename(folder)];
  try {
    if (!inside && create) mkdirSync(at, { recursive: true });
    for (const step of steps) {
      at = path.join(at, step);
      let st = lstatOrNull(at);
      if (st === null) {
        if (!create) return '';
        try {
          mkdirSync(at, { mode: 0o700 });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        st = lstatSync(at) as Stats;
      }
      if (st.isSymbolicLink()) return `${at} is a symbolic link (a cache folder is never reached through one)`;
      if (!st.isDirectory()) return `${at} is not a folder`;
    }
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * The bytes of a regular file, read through the descriptor that was checked (opened without following a link, without
 * waiting on a FIFO) and never past `MAX_BYTES`; '' when there is none, else why it is not read.
 */
function readBounded(file: string): Buffer | string {
  let fd: number;
  try {
    if (lstatSync(file).isSymbolicLink()) return 'it is a symbolic link';
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return 'it is a symbolic link';
    return code === 'ENOENT' || code === 'ENOTDIR' ? '' : `it cannot be read (${code ?? String(e)})`;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'it is not a regular file';
    if (st.size > MAX_BYTES) return 'it is too large';
    // One byte more than the size: a file that grew since the fstat is read no further than the limit.
    const bytes = Buffer.alloc(Math.min(st.size + 1, MAX_BYTES + 1));
    let length = 0;
    for (let n; length < bytes.length && (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0;)
      length += n;
    if (length > MAX_BYTES) return 'it is too large';
    return bytes.subarray(0, length);
  } catch (e) {
    return `it cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  } finally {
    closeSync(fd);
  }
}

class TooLarge extends Error {
  constructor() {
    super(`cache not written: it would be over ${MAX_BYTES} bytes`);
  }
}

/**
 * Writes `bytes` at `position`: `writeSync` may write less than asked (a signal), so the rest follows until all is
 * written; nothing written is an error.
 */
function writeAll(fd: number, bytes: Buffer, position: number): void {
  for (let at = 0; at < bytes.length;) {
    const n = writeSync(fd, bytes, at, bytes.length - at, position + at);
    if (n <= 0) throw new Error('nothing written');
    at += n;
  }
}

function header(engine: string): Buffer {
  return Buffer.from(`${MAGIC}${JSON.stringify({ format: CACHE_FORMAT, engine })}\n`);
}

/** The HMAC of a file named `name` (a file copied to another name, another root's or kind's, is not vouched for). */
function signer(key: Buffer, name: string): ReturnType<typeof createHmac> {
  return createHmac('sha256', key).update(`${name}\0`);
}

function ignored(file: string, warn: (message: string) => void, why: string): undefined {
  warn(`ignored the cache ${file}: ${why}; it is rebuilt`);
  return undefined;
}

function attempt(work: () => void): void {
  try {
    work();
  } catch {
    // nothing to undo
  }
}
