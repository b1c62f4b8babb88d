// A minimal reader of npm's .tgz (gzip over ustar), so the package tests can list and read what
// `npm pack` wrote without a tar dependency: regular files only, long names from the ustar prefix.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  data: Buffer;
}

export function readTarGz(file: string): TarEntry[] {
  const tar = gunzipSync(readFileSync(file));
  const out: TarEntry[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    const field = (from: number, length: number): string =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const name = field(0, 100);
    if (name === '') break;
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    if (type === '0' || type === '')
      out.push({ name: prefix ? `${prefix}/${name}` : name, data: tar.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}
