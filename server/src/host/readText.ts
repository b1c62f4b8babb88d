// Reads one workspace file as text for the engine under the one size policy shared by files on disk
// and open documents: files over the limit (setting `registryLens.maxFileSizeMB`), binary files (a NUL
// byte) and unreadable files are not analysed, and say why (the engine reports it on the file). A
// UTF-8 byte order mark is dropped, as editors do, so columns match what the user sees.
import { promises as fs } from 'node:fs';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** What a read gives: the text, why it is not analysed, or null when there is no such file. */
export type ReadResult = { text: string } | { skipped: string } | null;

export async function readText(absPath: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  try {
    const stat = await fs.stat(absPath);
    if (!stat.isFile()) return null;
    if (stat.size > maxBytes) return { skipped: tooLarge(stat.size, maxBytes) };
    const bytes = await fs.readFile(absPath);
    if (bytes.length > maxBytes) return { skipped: tooLarge(bytes.length, maxBytes) };
    if (bytes.includes(0)) return { skipped: 'it is a binary file (it contains a NUL byte)' };
    return { text: stripBom(bytes.toString('utf8')) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : { skipped: `it cannot be read (${code ?? String(e)})` };
  }
}

/** The same policy for a text the editor holds (an open document): why it is not analysed, or null. */
export function sizePolicy(text: string, maxBytes = DEFAULT_MAX_BYTES): string | null {
  // UTF-8 is at most 3 bytes per UTF-16 unit: only long texts need counting.
  if (text.length * 3 <= maxBytes) return null;
  const size = Buffer.byteLength(text, 'utf8');
  return size > maxBytes ? tooLarge(size, maxBytes) : null;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(size: number, max: number): string {
  return `it is ${human(size)}, over the limit of ${human(max)} (setting registryLens.maxFileSizeMB)`;
}

function human(bytes: number): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
