// The persistent cache's file, for any front end that keeps analysis results between runs (ESLint's
// --cache, ruff's and mypy's caches): where it lives, and a format that is never trusted blindly — a
// header naming the format and the engine build, a SHA-256 of the payload, size-bounded reads — so
// that a truncated, corrupt or foreign file reads as no cache at all; written atomically (a temporary
// file renamed over it), so a run that dies mid-write leaves the old file or none. The payload is a
// sequence of parts, each serialised and written in turn, so that a writer holds one part's bytes at a time.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { fstatSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

const MAGIC = 'registry-lens cache\n';
/** The layout of the file and of what it holds; a change makes older files foreign. */
export const CACHE_FORMAT = 3;
/** Larger files are not read (nor written): ten times the large bench org's entry, far below a heap's limit. */
const MAX_BYTES = 64 * 1024 * 1024;
const DIGEST_BYTES = 32;
/** Each part's length before it (little-endian). */
const LENGTH_BYTES = 4;

/**
 * The default cache folder, as ESLint and Babel choose theirs: `node_modules/.cache/registry-lens` under
 * the root when the root has a `node_modules`, else the user's cache folder (`$XDG_CACHE_HOME`, macOS
 * `~/Library/Caches`, Windows `%LOCALAPPDATA%`), never inside the analysed tree otherwise.
 */
export function defaultCacheFolder(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (existsSync(join(root, 'node_modules'))) return join(root, 'node_modules', '.cache', 'registry-lens');
  const base =
    process.platform === 'win32'
      ? (env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : (env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'));
  return join(base, 'registry-lens');
}

/** A short name for what a file caches (a root and the flags that change its analysis). */
export function cacheName(kind: string, key: string): string {
  return `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.bin`;
}

/**
 * The parts of the cache file at `path` written by `engine` (the build's identity); undefined when
 * there is none, or it is foreign (another format or build: silently, as a new build is expected to
 * rebuild it), or damaged (`warn` says so: it is rebuilt).
 */
export function readCacheFile(path: string, engine: string, warn: (message: string) => void): unknown[] | undefined {
  let bytes: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      if (fstatSync(fd).size > MAX_BYTES) return damaged(path, warn, 'it is too large');
    } finally {
      closeSync(fd);
    }
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const head = header(engine);
  const magic = Buffer.from(MAGIC);
  if (!bytes.subarray(0, magic.length).equals(magic)) return damaged(path, warn, 'it is not a cache file');
  const end = bytes.indexOf(0x0a, magic.length);
  if (end < 0) return damaged(path, warn, 'its header is cut');
  if (!bytes.subarray(0, end + 1).equals(head)) return undefined;
  const digest = bytes.subarray(end + 1, end + 1 + DIGEST_BYTES);
  const payload = bytes.subarray(end + 1 + DIGEST_BYTES);
  if (digest.length < DIGEST_BYTES || !createHash('sha256').update(payload).digest().equals(digest))
    return damaged(path, warn, 'its checksum does not match (truncated or corrupt)');
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
    return damaged(path, warn, 'it cannot be decoded');
  }
  return parts;
}

/**
 * Writes `parts` as the cache file at `path` (its folder created), atomically; `warn` says why it could not. Each part
 * is taken from `parts`, serialised and written before the next is taken: a writer that makes its parts as they are
 * asked for holds one part at a time (serialised at once, a large root's entry raised the peak memory of the run
 * that wrote it: bench/README.md, `check --cache`).
 */
export function writeCacheFile(
  path: string,
  engine: string,
  parts: Iterable<unknown>,
  warn: (message: string) => void,
): void {
  const head = header(engine);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      const digest = createHash('sha256');
      let length = head.length + DIGEST_BYTES;
      writeAll(fd, head, 0);
      for (const part of parts) {
        const bytes = serialize(part);
        const size = Buffer.alloc(LENGTH_BYTES);
        size.writeUInt32LE(bytes.length);
        if (length + size.length + bytes.length > MAX_BYTES) throw new TooLarge();
        for (const b of [size, bytes]) {
          digest.update(b);
          writeAll(fd, b, length);
          length += b.length;
        }
      }
      writeAll(fd, digest.digest(), head.length);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    attempt(() => rmSync(tmp, { force: true }));
    warn(e instanceof TooLarge ? e.message : `cache not written to ${path}: ${(e as Error).message}`);
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

function damaged(path: string, warn: (message: string) => void, why: string): undefined {
  warn(`ignored the cache ${path}: ${why}; it is rebuilt`);
  return undefined;
}

function attempt(work: () => void): void {
  try {
    work();
  } catch {
    // nothing to undo
  }
}
