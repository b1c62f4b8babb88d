// The one size and content policy of what the engine is given as a file's text, without the file system: over the
// limit (setting `registryLens.maxFileSizeMB`) or binary (a NUL byte), a file is not analysed and says why; a UTF-8
// byte order mark is dropped, as editors do, so columns match what the user sees. Files on disk are read under it by
// readText.ts; files an editor read for a web worker (host/fileSource.ts) by `editorRead`.
import type { SourceRead } from './fileSource';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function tooLarge(size: number, max: number): string {
  return `it is ${human(size)}, over the limit of ${human(max)} (setting registryLens.maxFileSizeMB)`;
}

/**
 * A file as an editor read it: its size in bytes and, when within `maxBytes`, its bytes decoded as UTF-8 (a NUL byte
 * decodes to U+0000 and nothing else does).
 */
export function editorRead(file: { size: number; text?: string } | null, maxBytes: number): SourceRead {
  if (file === null) return null;
  if (file.size > maxBytes || file.text === undefined) return { skipped: tooLarge(file.size, maxBytes) };
  if (file.text.includes('\0')) return { skipped: 'it is a binary file (it contains a NUL byte)' };
  return { text: stripBom(file.text) };
}

function human(bytes: number): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
