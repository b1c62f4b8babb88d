// Reads workspace files as text for the engine under the one size policy shared by files on disk
// and open documents: files over the limit (setting `registryLens.maxFileSizeMB`), binary files (a NUL
// byte) and unreadable files are not analysed, and say why (the engine reports it on the file). A
// UTF-8 byte order mark is dropped, as editors do, so columns match what the user sees. Reads are
// synchronous: one small file costs ~15 µs that way and ~170 µs through the promise API's thread-pool
// round trips (33,000 files: 0.5 s instead of 5.5 s); `readTexts` yields to the event loop between slices.
// A path the walk did not list is read under the walk's rule (`readInRoot`): inside the root, a regular
// file, its size checked before reading.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolveInRoot } from './containment';
import { DEFAULT_MAX_BYTES, stripBom, tooLarge } from './textPolicy';
import { TimeSlice } from './timeSlice';

export { DEFAULT_MAX_BYTES, stripBom };

/**
 * Every file's first 64 KB are read into this one buffer, whose text the caller copies out at once
 * (`toString`): no Buffer per file (33,000 reads of a large org: ~110 ms less).
 */
const SCRATCH = Buffer.allocUnsafe(64 * 1024);

/** Files read between two turns of the event loop (a few milliseconds of reading). */
const SLICE = 256;

/** What a read gives: the text, why it is not analysed, or null when there is no such file. */
export type ReadResult = { text: string } | { skipped: string } | null;

/**
 * Reads a file, checked before a byte is read: no file unless it is a regular one, skipped when over
 * the limit; `ignored` hears why a path that exists gives no file. (Reads of walked files once skipped
 * the `fstat`; measured against this plain path on the large bench org it saved nothing: bench/README.md.)
 */
export function readText(absPath: string, maxBytes = DEFAULT_MAX_BYTES, ignored?: (why: string) => void): ReadResult {
  let fd: number | null = null;
  try {
    // Non-blocking: a FIFO (a watched path can be one; the walk reads regular files only) answers at once.
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      ignored?.('it is not a regular file');
      return null;
    }
    if (stat.size > maxBytes) return { skipped: tooLarge(stat.size, maxBytes) };
    const bytes = readAll(fd, maxBytes);
    // Grown past the limit since the fstat.
    if (bytes.length > maxBytes) return { skipped: tooLarge(bytes.length, maxBytes) };
    if (bytes.includes(0)) return { skipped: 'it is a binary file (it contains a NUL byte)' };
    return { text: stripBom(bytes.toString('utf8')) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // EAGAIN: a FIFO with a writer and nothing written (no file).
    return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EAGAIN'
      ? null
      : { skipped: `it cannot be read (${code ?? String(e)})` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * A path the walk did not vouch for (a watched-file event, a re-read, a settings file): read under the
 * walk's rule — resolved inside the root (`resolveInRoot`: a link is never followed out of it), a
 * regular file, its size checked before reading. A path refused gives no file, as the walk gives none
 * for it; `ignored` hears why.
 */
export function readInRoot(
  root: string,
  rel: string,
  maxBytes = DEFAULT_MAX_BYTES,
  ignored?: (why: string) => void,
): ReadResult {
  const at = resolveInRoot(root, rel, 'read');
  if ('refused' in at) {
    ignored?.(at.refused);
    return null;
  }
  return readText(at.abs, maxBytes, ignored);
}

/**
 * The engine's way back to a text it let go (`EngineOptions.reread`): the file under `root` read
 * again under the same policy and rule (`readInRoot`); undefined when it is gone or no longer analysed
 * (the watcher's event for that change follows).
 */
export function rereader(root: string, maxBytes: () => number): (rel: string) => string | undefined {
  return (rel) => {
    const read = readInRoot(root, rel, maxBytes());
    return read !== null && 'text' in read ? read.text : undefined;
  };
}

/**
 * Reads many files the walk listed (regular files inside the root) in order, a slice at a time, letting the event loop
 * run between slices; `progress` gets the count read after each.
 */
export async function readTexts(
  absPaths: readonly string[],
  maxBytes = DEFAULT_MAX_BYTES,
  progress?: (done: number) => void,
): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (let i = 0; i < absPaths.length; i++) {
    if (i > 0 && i % SLICE === 0) {
      progress?.(i);
      await TimeSlice.next();
    }
    out.push(readText(absPaths[i] as string, maxBytes));
  }
  if (absPaths.length > 0) progress?.(absPaths.length);
  return out;
}

/**
 * The file's bytes until its end, or until past the limit (by up to a chunk: the caller can tell).
 * A small file's bytes are a view of SCRATCH, valid until the next read.
 */
function readAll(fd: number, maxBytes: number): Buffer {
  let length = 0;
  for (let n = -1; length < SCRATCH.length && n !== 0; length += n)
    n = readSync(fd, SCRATCH, length, SCRATCH.length - length, null);
  if (length < SCRATCH.length) return SCRATCH.subarray(0, length);
  const chunks: Buffer[] = [Buffer.from(SCRATCH)];
  while (length <= maxBytes) {
    const chunk = Buffer.allocUnsafe(SCRATCH.length);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    length += n;
  }
  return Buffer.concat(chunks);
}

/** The same policy for a text the editor holds (an open document): why it is not analysed, or null. */
export function sizePolicy(text: string, maxBytes = DEFAULT_MAX_BYTES): string | null {
  // UTF-8 is at most 3 bytes per UTF-16 unit: only long texts need counting.
  if (text.length * 3 <= maxBytes) return null;
  const size = Buffer.byteLength(text, 'utf8');
  return size > maxBytes ? tooLarge(size, maxBytes) : null;
}
