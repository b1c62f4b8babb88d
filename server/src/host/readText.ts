// Reads one workspace file as text for the engine, refusing what cannot be a registry source:
// files over 2 MB, binary files (a NUL byte) and anything that is not a regular file.
import { promises as fs } from 'node:fs';

export const MAX_BYTES = 2 * 1024 * 1024;

/** The file's text, or null when it is missing, too large, binary or not a regular file. */
export async function readText(absPath: string): Promise<string | null> {
  try {
    const stat = await fs.stat(absPath);
    if (!stat.isFile() || stat.size > MAX_BYTES) return null;
    const bytes = await fs.readFile(absPath);
    if (bytes.length > MAX_BYTES || bytes.includes(0)) return null;
    return bytes.toString('utf8');
  } catch {
    return null;
  }
}
