// Questions to the file system that a hostile or vanished file answers with "no" rather than an exception: the
// environment readers ask thousands of them (a `.pth` may name thousands of folders), about files they do not own.
import { statSync } from 'node:fs';

/** `f()`, or null when it throws. */
export function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** Whether `abs` is a regular file (following links); a missing one costs no thrown error. */
export function isFile(abs: string): boolean {
  return attempt(() => statSync(abs, { throwIfNoEntry: false })?.isFile()) === true;
}

/** Whether `abs` is a directory (following links); a missing one costs no thrown error. */
export function isDirectory(abs: string): boolean {
  return attempt(() => statSync(abs, { throwIfNoEntry: false })?.isDirectory()) === true;
}
