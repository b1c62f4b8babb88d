// The browser client's two file requests as the in-process web server tests answer them from the disk: the listing
// of a folder, the reads of files, as client/src/browserExtension.ts gives them through `workspace.fs`, and a folder's
// settings as the editor answers `workspace/configuration`; an example's EXPECTED.json as those tests compare it.
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

/** A folder's flat settings (`"registryLens.resolution.mode": …`) as the sections the editor answers. */
export function sections(flat: Record<string, unknown>): {
  registryLens: Record<string, unknown>;
  filesExclude: unknown;
} {
  const registryLens: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts[0] !== 'registryLens') continue;
    let at = registryLens;
    for (const part of parts.slice(1, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts.at(-1) as string] = value;
  }
  return { registryLens, filesExclude: flat['files.exclude'] ?? {} };
}

/** EXPECTED.json of an example as `file:line:character code`, sorted. */
export function expectedOf(root: string): string[] {
  const entries = JSON.parse(readFileSync(path.join(root, 'EXPECTED.json'), 'utf8')) as {
    code: string;
    file: string;
    line: number;
    character: number;
  }[];
  return entries.map((d) => `${d.file}:${d.line}:${d.character} ${d.code}`).sort();
}
