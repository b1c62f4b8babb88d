// The user's cache key: 32 random bytes in the user's own cache folder (never inside an analysed tree), made once, with
// which every cache file is signed (host/cacheFile.ts). A repository, or anyone who cannot read this file, cannot make
// a cache file this user's Registry Lens trusts. The folder is the user's and 0700, the file 0600 and made
// exclusively; a key that another user owns or may read, or that is a link, is not used (no cache, said).
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import { readSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { defaultCacheFolder } from './cacheFile';

const KEY_BYTES = 32;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const known = new Map<string, Buffer | { error: string }>();

/** The key kept in `folder` (the user's cache folder), made when missing; or why there is none (a message). */
export function cacheKey(folder = defaultCacheFolder()): Buffer | { error: string } {
  let key = known.get(folder);
  if (key === undefined) {
    key = keyIn(folder);
    known.set(folder, key);
  }
  return key;
}

function keyIn(folder: string): Buffer | { error: string } {
  // An empty or relative HOME would put the key in the working folder, which may be the analysed tree.
  if (!isAbsolute(folder))
    return {
      error: `the user's cache folder is not known (${folder} is not an absolute path: set HOME or XDG_CACHE_HOME)`,
    };
  const uid = process.getuid?.();
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const st = lstatSync(folder);
    if (!st.isDirectory()) return { error: `${folder} is not a folder` };
    if (uid !== undefined) {
      if (st.uid !== uid) return { error: `${folder} is not this user's` };
      // Made by an older version with the default mode: only its owner may enter it from now on.
      if ((st.mode & 0o077) !== 0) chmodSync(folder, 0o700);
    }
    const file = join(folder, 'key');
    for (let attempt = 0; attempt < 2; attempt++) {
      const key = readKey(file, uid);
      if (key !== null) return key;
      makeKey(folder, file);
    }
    return { error: `${file} cannot be made` };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The key in `file`, null when there is none; throws when the file is not a key only this user may read. */
function readKey(file: string, uid: number | undefined): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = fstatSync(fd);
    const ours = uid === undefined || (st.uid === uid && (st.mode & 0o077) === 0);
    if (!st.isFile() || !ours || st.size !== KEY_BYTES)
      throw new Error(`${file} is not a key only this user may read (a ${KEY_BYTES}-byte file, mode 0600)`);
    const key = Buffer.alloc(KEY_BYTES);
    if (readSync(fd, key, 0, KEY_BYTES, 0) !== KEY_BYTES) throw new Error(`${file} is cut`);
    return key;
  } finally {
    closeSync(fd);
  }
}

/** A new key, written whole under a random name then linked in place: two runs making it at once keep the first. */
function makeKey(folder: string, file: string): void {
  const tmp = join(folder, `key.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
  try {
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
