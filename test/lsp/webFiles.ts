// The browser client's two file requests as the in-process web server tests answer them from the disk: the listing
// of a folder and the reads of files, as client/src/browserExtension.ts gives them through `workspace.fs`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ListFilesParams, ReadFilesParams, ReadFilesResult } from '../../server/src/lsp/protocol';

/** The URIs of the files below `dir`, its `skipped` directories and links left out (as the browser client lists). */
export function filesBelow(dir: string, skipped: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) return skipped.includes(e.name) ? [] : filesBelow(abs, skipped);
    return e.isFile() ? [pathToFileURL(abs).href] : [];
  });
}

/** Every file below the request's folder as a `file:` URI. */
export const listFiles = ({ folder, skipped }: ListFilesParams): string[] => filesBelow(fileURLToPath(folder), skipped);

/** The files' reads as the browser client gives them: null for none, only the size when too large. */
export function readFiles({ uris, maxBytes }: ReadFilesParams): ReadFilesResult {
  return uris.map((uri) => {
    try {
      const abs = fileURLToPath(uri);
      const size = statSync(abs).size;
      return size > maxBytes ? { size } : { size, text: readFileSync(abs, 'utf8') };
    } catch {
      return null;
    }
  });
}
