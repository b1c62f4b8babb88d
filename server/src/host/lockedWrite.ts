// Writes that another process cannot interleave with: two servers on one root (two agents) applying
// fixes to one file at once must not both succeed and lose one edit. A writer holds an exclusive lock
// file beside each file it edits (created with O_EXCL, so one process at a time; a lock whose process
// died, or older than STALE_MS, is taken over), re-reads the file under the lock to check it is still
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
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { displayPath } from './displayPath';

/** A lock held longer than this is taken to be left behind (a writer holds it for one read and one write). */
const STALE_MS = 30_000;
/** How long a writer waits for another's lock before it gives up. */
const WAIT_MS = 10_000;
/** Pause between two attempts at a held lock. */
const RETRY_MS = 5;
/** A new file, never one that exists, never through a link. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** The lock file of `abs`: hidden, beside it (the folder is one the write was admitted to). */
function lockOf(abs: string): string {
  return join(dirname(abs), `.${basename(abs)}.registry-lens-lock`);
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
      // Left behind: removed only if it is still the one judged (not a lock taken since).
      if (heldBy(path)?.token === held.token) removeQuietly(path);
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

/** Who holds the lock at `path` and whether it is live; null when there is none any more. */
function heldBy(path: string): { token: string; pid: number; live: boolean } | null {
  let token: string;
  let age: number;
  try {
    const st = lstatSync(path);
    if (!st.isFile()) throw new Error(`the lock ${displayPath(path)} is not a regular file; nothing was written`);
    token = readFileSync(path, 'utf8');
    age = Date.now() - st.mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const pid = Number.parseInt(token, 10);
  // A lock being written (empty for an instant) is live; one of a process that is gone, or too old, is not.
  const live = token === '' ? age < STALE_MS : age < STALE_MS && Number.isSafeInteger(pid) && alive(pid);
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

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
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
