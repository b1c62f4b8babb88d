// Writes that another process cannot interleave with: two servers on one root (two agents) applying
// fixes to one file at once must not both succeed and lose one edit. A writer holds an exclusive lock
// file for each file it edits, in the user's private folder (host/privateFolder.ts) under a name made
// from the file's real path, where a repository cannot plant one (created with O_EXCL, so one process
// at a time; a lock whose process died, dated more than STALE_MS from now, or not a small regular file
// as a writer makes it, is taken over), re-reads the file under the lock to check it is still
// the text the edit was computed against, writes the new text to a temporary file created
// exclusively without following links (O_EXCL|O_NOFOLLOW) in the same folder, and renames it over
// the file: a reader sees the old text or the new one, never half of it.
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { displayPath } from './displayPath';
import { privateFolder } from './privateFolder';

/** A lock held longer than this is taken to be left behind (a writer holds it for one read and one write). */
const STALE_MS = 30_000;
/** A lock stays empty only between its creation and its writer's one write: empty for longer, it was left so. */
const EMPTY_MS = 1_000;
/** How long a writer waits for another's lock before it gives up. */
const WAIT_MS = 10_000;
/** Pause between two attempts at a held lock. */
const RETRY_MS = 5;
/** A new file, never one that exists, never through a link. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
/** An existing file read as a lock: never through a link, never waiting on a FIFO. */
const LOOK = constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0);
/** A writer's lock holds `pid time random` (under 64 bytes); anything larger is not one. */
const MAX_LOCK_BYTES = 256;

/**
 * The lock file of `abs` (absolute): in the user's private folder, named by the digest of the file's real path, so
 * that every server of the user on the file, however it reached the root, takes the same one.
 */
export function lockOf(abs: string): string {
  const folder = privateFolder();
  if ('error' in folder) throw new Error(`${folder.error}; nothing was written`);
  const real = realOrSelf(abs, () => join(realOrSelf(dirname(abs)), basename(abs)));
  const name = createHash('sha256').update(real).digest('hex').slice(0, 32);
  return join(folder.path, `${name}.write-lock`);
}

/** The real path of `abs`, else `otherwise()` (by default `abs`) when it cannot be resolved. */
function realOrSelf(abs: string, otherwise = (): string => abs): string {
  try {
    return realpathSync.native(abs);
  } catch {
    return otherwise();
  }
}

/**
 * Runs `work` holding the lock of every file of `files` (absolute paths, taken in sorted order so two
 * writers never wait on each other), and releases them whatever `work` does.
 */
export function withFileLocks<T>(files: readonly string[], work: () => T): T {
  const held: { path: string; token: string }[] = [];
  try {
    for (const file of [...new Set(files)].sort()) held.push(lock(file));
    return work();
  } finally {
    for (const h of held.reverse()) release(h.path, h.token);
  }
}

function lock(file: string): { path: string; token: string } {
  const path = lockOf(file);
  const token = `${process.pid} ${Date.now()} ${randomBytes(8).toString('hex')}`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(path, EXCLUSIVE, 0o600);
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      return { path, token };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = heldBy(path);
    if (held === null) continue; // released between the two looks
    if (!held.live) {
      // Left behind, or no lock at all: removed only if it is still the one judged (not a lock taken since).
      if (heldBy(path)?.token !== held.token) continue;
      removeQuietly(path);
      if (heldBy(path)?.token === held.token)
        throw new Error(`the lock ${displayPath(path)} cannot be replaced; nothing was written`);
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `${displayPath(basename(file))} is being written by another process (pid ${held.pid}); ` +
          'nothing was written, try again',
      );
    pause(RETRY_MS);
  }
}

/**
 * Who holds the lock at `path` and whether it is live; null when there is none any more. What is not a lock as a
 * writer makes it — a folder, a link, a FIFO, a file too large to be one, one dated over STALE_MS from now either way
 * — is judged left behind; at most MAX_LOCK_BYTES of it are ever read.
 */
function heldBy(path: string): { token: string; pid: number; live: boolean } | null {
  let token: string;
  let age: number;
  let fd: number | undefined;
  try {
    const st = lstatSync(path);
    age = Date.now() - st.mtimeMs;
    if (!st.isFile() || st.size > MAX_LOCK_BYTES) return { token: `${st.ino} ${st.mtimeMs}`, pid: 0, live: false };
    fd = openSync(path, LOOK);
    // Replaced between the two looks by what is not a lock: judged as such.
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > MAX_LOCK_BYTES)
      return { token: `${opened.ino} ${opened.mtimeMs}`, pid: 0, live: false };
    const buffer = Buffer.alloc(MAX_LOCK_BYTES);
    token = buffer.toString('utf8', 0, readSync(fd, buffer, 0, MAX_LOCK_BYTES, 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // Replaced between the two looks by a link: not a lock a writer made.
    if (code === 'ELOOP') return { token: 'a link', pid: 0, live: false };
    throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const pid = Number.parseInt(token, 10);
  // A lock being written (empty for an instant) is live; one of a process that is gone, or dated too far, is not.
  const live =
    token === ''
      ? Math.abs(age) < EMPTY_MS
      : Math.abs(age) < STALE_MS && Number.isSafeInteger(pid) && pid > 0 && alive(pid);
  return { token, pid, live };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function release(path: string, token: string): void {
  if (heldBy(path)?.token === token) removeQuietly(path);
}

/** Removes the entry at `path` (a link itself, never its target; a folder only when empty). */
function removeQuietly(path: string): void {
  try {
    if (lstatSync(path).isDirectory()) rmdirSync(path);
    else unlinkSync(path);
  } catch {
    // gone already, or a folder with files in it: the next attempt says so
  }
}

/** Blocks this thread for `ms` (the write is synchronous; the wait is for another process). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Replaces the regular file `abs` (one link, no symbolic link: checked again here) with `text` through a
 * temporary file beside it, created exclusively without following links and given the file's mode, then renamed
 * over it. Call it under the file's lock.
 */
export function replaceFile(abs: string, text: string): void {
  const st = lstatSync(abs);
  if (!st.isFile() || st.nlink > 1)
    throw new Error(`${displayPath(abs)} is no longer a regular file with one link; nothing was written to it`);
  const temp = join(dirname(abs), `.${basename(abs)}.${randomBytes(8).toString('hex')}.registry-lens-tmp`);
  const fd = openSync(temp, EXCLUSIVE, 0o600);
  try {
    try {
      if (!fstatSync(fd).isFile()) throw new Error(`${displayPath(temp)} is not a regular file`);
      fchmodSync(fd, st.mode & 0o7777);
      writeSync(fd, text, 0, 'utf8');
    } finally {
      closeSync(fd);
    }
    renameSync(temp, abs);
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
}
