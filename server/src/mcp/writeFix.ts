// Writes one fix into the root, all or nothing checked first: every path is resolved under the one
// containment rule for creating (host/containment.ts) before anything is written; each edited file is
// read through the host's reader and must still hash to its basis (else the fix is stale), each file
// to create must not exist yet; edits must lie in order without overlapping. Only then are the files
// written — an edited file keeps its byte order mark, a created one gets its missing folders.
import { closeSync, constants, existsSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LineIndex } from '../engine/text/lineIndex';
import { resolveInRoot } from '../host/containment';
import { readText } from '../host/readText';
import { sha256 } from './fixProposals';
import type { FixInput } from './schemas';

export interface Written { path: string; action: 'edited' | 'created' }

export function writeFix(root: string, fix: FixInput, maxFileBytes: number): Written[] {
  const place = (p: string): { abs: string; rel: string } => {
    const r = resolveInRoot(root, p, 'create');
    if ('refused' in r) throw new Error(`refused: ${r.refused}; nothing was written`);
    return r;
  };
  const basis = new Map(fix.basis.map((b) => [place(b.path).rel, b.sha256]));
  const byFile = new Map<string, { abs: string; edits: FixInput['edits'] }>();
  for (const e of fix.edits) {
    const { abs, rel } = place(e.path);
    byFile.set(rel, { abs, edits: [...(byFile.get(rel)?.edits ?? []), e] });
  }
  const creates = (fix.createFiles ?? []).map((c) => ({ ...place(c.path), text: c.text }));
  const edited = [...byFile].map(([rel, { abs, edits }]) => {
    const expected = basis.get(rel);
    if (typeof expected !== 'string') throw new Error(`the fix gives no sha256 basis for ${rel}; use a fix as the fixes tool returned it`);
    const read = readText(abs, maxFileBytes);
    if (read === null || !('text' in read)) throw new Error(`stale fix: ${rel} ${read === null ? 'no longer exists' : `cannot be edited (${read.skipped})`}; call fixes again`);
    if (sha256(read.text) !== expected) throw new Error(`stale fix: ${rel} changed since the fix was proposed; call fixes again`);
    return { rel, abs, text: applyEdits(rel, read.text, edits), bom: startsWithBom(abs) };
  });
  for (const c of creates) {
    if (basis.has(c.rel) && basis.get(c.rel) !== null) throw new Error(`the basis of ${c.rel} must be null (a file to create)`);
    if (existsSync(c.abs)) throw new Error(`stale fix: ${c.rel} exists now; call fixes again`);
  }
  for (const f of edited) writeFileSync(f.abs, `${f.bom ? '\ufeff' : ''}${f.text}`);
  for (const c of creates) {
    mkdirSync(dirname(c.abs), { recursive: true });
    writeFileSync(c.abs, c.text, { flag: 'wx' });
  }
  return [...edited.map((f) => ({ path: f.rel, action: 'edited' as const })), ...creates.map((c) => ({ path: c.rel, action: 'created' as const }))];
}

/** The text with LSP-style edits applied: every range refers to the original text; ranges may touch, not overlap. */
function applyEdits(rel: string, text: string, edits: FixInput['edits']): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end < s.start || s.start < at) throw new Error(`the edits of ${rel} overlap or run backwards; nothing was written`);
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Whether the file starts with a UTF-8 byte order mark (the host's reader drops it from the text). */
function startsWithBom(abs: string): boolean {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}
