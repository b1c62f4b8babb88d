// Writes one fix into the root, all or nothing checked first: every path is admitted under the host's
// rule for writing (host/containment.ts: inside the root, never in a .git folder, never through a
// link, never a file with a second hard link) before anything is written; under the lock of each file
// it edits (host/lockedWrite.ts: against another process writing it too), each edited file is read
// through the host's reader and must still hash to its basis (else the fix is stale), each file to
// create must not exist yet; every edit must lie inside its file, in order, without overlapping; what
// a fix creates is bounded. Only then are the files written — an edited file replaced whole by a
// rename, keeping its byte order mark and mode; a created one gets its missing folders.
import { closeSync, constants, existsSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LineIndex } from '../engine/text/lineIndex';
import { resolveForWriting } from '../host/containment';
import { replaceFile, withFileLocks } from '../host/lockedWrite';
import { readText } from '../host/readText';
import { sha256 } from './fixProposals';
import type { FixInput } from './schemas';

export interface Written {
  path: string;
  action: 'edited' | 'created';
}

/** Files one fix may create: the engine's fixes create one stub (a builder, a config) at a time. */
export const MAX_CREATED_FILES = 20;
/** Bytes one fix may add (created files and edits' new text): the engine's stubs are a few kB. */
export const MAX_ADDED_BYTES = 1024 * 1024;

export function writeFix(root: string, fix: FixInput, maxFileBytes: number): Written[] {
  const place = (p: string): { abs: string; rel: string } => {
    const r = resolveForWriting(root, p);
    if ('refused' in r) throw new Error(`refused: ${r.refused}; nothing was written`);
    return r;
  };
  const created = fix.createFiles ?? [];
  if (created.length > MAX_CREATED_FILES)
    throw new Error(
      `refused: the fix creates ${created.length} files (at most ${MAX_CREATED_FILES}); nothing was written`,
    );
  const added = [...created.map((c) => c.text), ...fix.edits.map((e) => e.newText)].reduce(
    (n, t) => n + Buffer.byteLength(t, 'utf8'),
    0,
  );
  if (added > MAX_ADDED_BYTES)
    throw new Error(`refused: the fix adds ${added} bytes (at most ${MAX_ADDED_BYTES}); nothing was written`);
  const basis = new Map(fix.basis.map((b) => [place(b.path).rel, b.sha256]));
  const byFile = new Map<string, { abs: string; edits: FixInput['edits'] }>();
  for (const e of fix.edits) {
    const { abs, rel } = place(e.path);
    byFile.set(rel, { abs, edits: [...(byFile.get(rel)?.edits ?? []), e] });
  }
  const creates = created.map((c) => ({ ...place(c.path), text: c.text }));
  for (const c of creates)
    if (basis.has(c.rel) && basis.get(c.rel) !== null)
      throw new Error(`the basis of ${c.rel} must be null (a file to create)`);
  // Under the locks of the files it edits, so that another process's write cannot come between the check of a
  // basis and the write (two servers on one root: the second of two fixes of one text is stale, never lost).
  return withFileLocks(
    [...byFile.values()].map((f) => f.abs),
    () => {
      const edited = [...byFile].map(([rel, { abs, edits }]) => {
        const expected = basis.get(rel);
        if (typeof expected !== 'string')
          throw new Error(`the fix gives no sha256 basis for ${rel}; use a fix as the fixes tool returned it`);
        const read = readText(abs, maxFileBytes);
        if (read === null || !('text' in read))
          throw new Error(
            `stale fix: ${rel} ` +
              `${read === null ? 'no longer exists' : `cannot be edited (${read.skipped})`}; call fixes again`,
          );
        if (sha256(read.text) !== expected)
          throw new Error(`stale fix: ${rel} changed since the fix was proposed; call fixes again`);
        return { rel, abs, text: applyEdits(rel, read.text, edits), bom: startsWithBom(abs) };
      });
      for (const c of creates)
        if (existsSync(c.abs)) throw new Error(`stale fix: ${c.rel} exists now; call fixes again`);
      for (const c of creates) {
        mkdirSync(dirname(c.abs), { recursive: true });
        try {
          writeFileSync(c.abs, c.text, { flag: 'wx' });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST')
            throw new Error(`stale fix: ${c.rel} exists now; call fixes again`, { cause: e });
          throw e;
        }
      }
      for (const f of edited) replaceFile(f.abs, `${f.bom ? '\ufeff' : ''}${f.text}`);
      return [
        ...edited.map((f) => ({ path: f.rel, action: 'edited' as const })),
        ...creates.map((c) => ({ path: c.rel, action: 'created' as const })),
      ];
    },
  );
}

/**
 * The text with LSP-style edits applied: every range refers to the original text, lies inside it, and may touch
 * another, not overlap it.
 */
function applyEdits(rel: string, text: string, edits: FixInput['edits']): string {
  const lines = new LineIndex(text);
  const offset = (p: { line: number; character: number }): number => {
    if (p.line >= lines.lineCount() || p.character > lines.lineText(p.line).length) {
      throw new Error(
        `an edit of ${rel} lies outside the file (line ${p.line + 1}, character ${p.character + 1}; ` +
          `the file has ${lines.lineCount()} lines); nothing was written`,
      );
    }
    return lines.offset(p);
  };
  const spans = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end < s.start || s.start < at)
      throw new Error(`the edits of ${rel} overlap or run backwards; nothing was written`);
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
