// Quick fixes of the diagnostics under a range. Most fixes travel with their diagnostic; the RL003
// "move to STEP_OVERRIDES" fix needs the file text, so it is built here on demand.
import type { Diagnostic, Fix, Range, TextEdit } from '../types';
import type { Workspace } from '../workspace';
import { LineIndex } from '../text/lineIndex';
import { overlaps } from '../text/ranges';
import type { RegistrySource } from '../model/source';

export function fixes(ws: Workspace, file: string, range: Range): { diagnostic: Diagnostic; fix: Fix }[] {
  const out: { diagnostic: Diagnostic; fix: Fix }[] = [];
  for (const d of ws.diagnostics(file)) {
    if (!overlaps(d.range, range)) continue;
    for (const fix of d.fixes) out.push({ diagnostic: d, fix: appendToExisting(ws, fix) });
    if (d.code === 'RL003') {
      const fix = moveToOverrides(ws, file, d.range);
      if (fix) out.push({ diagnostic: d, fix });
    }
  }
  return out;
}

/** A stub whose conventional file already exists is appended to it rather than created over it. */
function appendToExisting(ws: Workspace, fix: Fix): Fix {
  const existing = (fix.createFiles ?? []).filter((f) => ws.text(f.file) !== undefined);
  if (existing.length === 0) return fix;
  const appended = existing.map((f) => {
    const text = ws.text(f.file) ?? '';
    const end = new LineIndex(text).position(text.length);
    const body = f.text.slice(f.text.indexOf('class '));
    return { file: f.file, edits: [{ range: { start: end, end }, newText: `${text.endsWith('\n') ? '' : '\n'}\n\n${body}` }] };
  });
  return { ...fix, createFiles: (fix.createFiles ?? []).filter((f) => !existing.includes(f)), edits: [...fix.edits, ...appended] };
}

function moveToOverrides(ws: Workspace, file: string, keyRange: Range): Fix | null {
  const text = ws.text(file);
  const src = ws.source(file);
  const entry = src?.entries.find((e) => e.layer === 'local' && e.keyRange.start.line === keyRange.start.line && e.keyRange.start.character === keyRange.start.character);
  if (text === undefined || !src || !entry) return null;
  const lines = new LineIndex(text);
  const start = lines.offset(entry.range.start);
  const end = lines.offset(entry.range.end);
  const entryText = text.slice(start, end);
  return {
    title: `Move '${entry.name}' to STEP_OVERRIDES`,
    preferred: true,
    edits: [{ file, edits: [removal(text, lines, start, end), insertion(text, lines, src, entryText)].sort((a, b) => lines.offset(b.range.start) - lines.offset(a.range.start)) }],
  };
}

/** Deletes the entry with its trailing comma, and its whole lines when it stands on lines of its own. */
function removal(text: string, lines: LineIndex, start: number, end: number): TextEdit {
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  if (text[e] === ',') e++;
  let s = start;
  let lineStart = s;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  let lineEnd = e;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  if ((lineStart === 0 || text[lineStart - 1] === '\n') && (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '#')) {
    if (text[lineEnd] === '\n') { s = lineStart; e = lineEnd + 1; }
  }
  return { range: lines.range(s, e), newText: '' };
}

function insertion(text: string, lines: LineIndex, src: RegistrySource, entryText: string): TextEdit {
  const overrides = src.vars.find((v) => v.name === 'STEP_OVERRIDES');
  if (overrides && overrides.value.kind === 'dict') {
    const at = lines.offset(overrides.value.range.start) + 1;
    return { range: lines.range(at, at), newText: `\n    ${entryText},` };
  }
  const eof = text.length;
  return { range: lines.range(eof, eof), newText: `${text.endsWith('\n') ? '' : '\n'}\nSTEP_OVERRIDES = {\n    ${entryText},\n}\n` };
}

