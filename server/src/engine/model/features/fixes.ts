// Quick fixes of the diagnostics under a range, and "Fix all" of a file. Most fixes travel with their
// diagnostic; those that need the file text (RL003 "move to STEP_OVERRIDES", RL005 "add
// builder_step_name", the suppression comment where the file's format has comments) are built here on
// demand, and stubs get the project's own imports (stubImports.ts).
import type { Code, Diagnostic, Fix, Range, TextEdit } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { LineIndex } from '../../text/lineIndex';
import { overlaps } from '../../text/ranges';
import { fieldStr, type RegistrySource, type StepEntry } from '../entries/source';
import { builderFileName } from '../../util/naming';
import { expectedDir } from '../checks/components';
import { holdsComments, suppressionEdit } from '../../checks/suppress';
import { appendStub, styledStub } from './stubImports';

export function fixes(ws: StepWorkspace, file: string, range: Range): { diagnostic: Diagnostic; fix: Fix }[] {
  const out: { diagnostic: Diagnostic; fix: Fix }[] = [];
  const text = holdsComments(file) ? ws.text(file) : undefined;
  for (const d of ws.diagnostics(file)) {
    if (!overlaps(d.range, range)) continue;
    for (const fix of ownFixes(ws, file, d)) out.push({ diagnostic: d, fix });
    // an unused suppression is removed, not suppressed; a file without comments (JSON) gets none
    const edit = text !== undefined && d.code !== 'RL033' ? suppressionEdit(text, d.range.start.line, d.code) : null;
    if (edit)
      out.push({ diagnostic: d, fix: { title: `Suppress ${d.code} on this line`, edits: [{ file, edits: [edit] }] } });
  }
  return out;
}

/** Codes whose fix is unambiguous when a diagnostic has exactly one: "Fix all" applies those. */
const FIX_ALL_CODES: ReadonlySet<Code> = new Set<Code>(['RL005', 'RL006', 'RL010', 'RL016', 'RL033', 'RL034']);

/**
 * Every unambiguous fix of the file (of one code, when given) as one fix (null when there is none); overlapping edits
 * are skipped.
 */
export function fixAll(ws: StepWorkspace, file: string, code?: Code): Fix | null {
  const taken: Fix[] = [];
  const edits = new Map<string, TextEdit[]>();
  const creates = new Map<string, string>();
  for (const d of ws.diagnostics(file)) {
    if (!FIX_ALL_CODES.has(d.code) || (code !== undefined && d.code !== code)) continue;
    const own = ownFixes(ws, file, d);
    const fix = own[0];
    if (own.length !== 1 || !fix) continue;
    const clashes =
      fix.edits.some((fe) => fe.edits.some((e) => (edits.get(fe.file) ?? []).some((x) => clash(x, e)))) ||
      (fix.createFiles ?? []).some((c) => creates.has(c.file));
    if (clashes) continue;
    for (const fe of fix.edits) {
      const list = edits.get(fe.file) ?? [];
      for (const e of fe.edits) if (!list.some((x) => same(x, e))) list.push(e);
      edits.set(fe.file, list);
    }
    for (const c of fix.createFiles ?? []) creates.set(c.file, c.text);
    taken.push(fix);
  }
  if (taken.length === 0) return null;
  return {
    title: `Fix all Registry Lens problems with one fix (${taken.length})`,
    edits: [...edits].map(([f, e]) => ({ file: f, edits: e })),
    ...(creates.size > 0 ? { createFiles: [...creates].map(([f, t]) => ({ file: f, text: t })) } : {}),
  };
}

const same = (a: TextEdit, b: TextEdit): boolean => JSON.stringify(a) === JSON.stringify(b);
const before = (a: Range['start'], b: Range['start']): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character);
/**
 * Two edits clash when their ranges overlap (an insertion inside a replaced range included); identical imports do not.
 */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (same(a, b)) return false;
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}

/** The fixes of one diagnostic: those it carries (stubs styled), plus those built from the text. */
function ownFixes(ws: StepWorkspace, file: string, d: Diagnostic): Fix[] {
  const out = d.fixes.map((f) => withStubs(ws, f));
  if (d.code === 'RL003') {
    const fix = moveToOverrides(ws, file, d.range);
    if (fix) out.push(fix);
  }
  if (d.code === 'RL005') {
    const fix = addBuilderField(ws, file, d.range);
    if (fix) out.push(fix);
  }
  return out;
}

/**
 * Stub files in the project's import style; one whose file already exists is appended to it rather than created over
 * it.
 */
function withStubs(ws: StepWorkspace, fix: Fix): Fix {
  const files = fix.createFiles ?? [];
  if (files.length === 0) return fix;
  const existing = files.filter((f) => ws.text(f.file) !== undefined);
  const created = files
    .filter((f) => !existing.includes(f))
    .map((f) => ({ file: f.file, text: styledStub(ws, f.file, f.text) }));
  const appended = existing.map((f) => ({ file: f.file, edits: appendStub(ws, f.file, f.text) }));
  return { ...fix, createFiles: created, edits: [...fix.edits, ...appended] };
}

/**
 * RL005 on a step without `builder_step_name`: add the field naming the builder cursus's convention
 * expects (`<Step>StepBuilder`), and create its stub when no such class exists yet.
 */
function addBuilderField(ws: StepWorkspace, file: string, keyRange: Range): Fix | null {
  const text = ws.text(file);
  const entry = entryAt(ws.source(file), keyRange);
  if (text === undefined || !entry || entry.fields.has('builder_step_name') || entry.value.kind !== 'dict') return null;
  const cls = `${entry.name}StepBuilder`;
  const yaml = /\.ya?ml$/.test(file);
  const first = entry.value.entries[0];
  const lines = new LineIndex(text);
  let edit: TextEdit;
  if (first) {
    const at = first.key.range.start;
    const indent = /^\s*/.exec(lines.lineText(at.line))?.[0] ?? '';
    // A flow mapping (every Python dict) takes a comma and may hold the field on its first key's line; a
    // YAML block mapping (whose range may start at its first key, after an anchor or a tag) takes a line.
    const flow = !yaml || text[lines.offset(entry.value.range.start)] === '{';
    const sameLine = flow && entry.value.range.start.line === at.line;
    const field = (yaml ? `builder_step_name: ${cls}` : `"builder_step_name": "${cls}"`) + (flow ? ',' : '');
    edit = { range: { start: at, end: at }, newText: sameLine ? `${field} ` : `${field}\n${indent}` };
  } else {
    const at = lines.position(lines.offset(entry.value.range.start) + 1);
    edit = {
      range: { start: at, end: at },
      newText: yaml ? `builder_step_name: ${cls}` : `"builder_step_name": "${cls}"`,
    };
  }
  const fix: Fix = { title: `Add "builder_step_name": "${cls}"`, preferred: true, edits: [{ file, edits: [edit] }] };
  const stubs = ws.model.componentStubs();
  if (!stubs || ws.model.findClass(entry.wsDir, 'builder', cls)) return fix;
  const stubFile =
    (ws.model
      .searchedDirs(entry.wsDir, 'builder')
      .find((d) => entry.wsDir === null || d.startsWith(`${entry.wsDir}/`)) ??
      expectedDir(ws.model, entry.wsDir, 'builder')) + builderFileName(entry.name);
  const stub = withStubs(ws, {
    title: '',
    edits: [],
    createFiles: [{ file: stubFile, text: stubs.builder(entry.name, cls, fieldStr(entry, 'config_class')) }],
  });
  return {
    ...fix,
    title: `Add "builder_step_name": "${cls}" and create its stub`,
    edits: [...fix.edits, ...stub.edits],
    createFiles: stub.createFiles ?? [],
  };
}

function entryAt(src: RegistrySource | null, keyRange: Range): StepEntry | undefined {
  return src?.entries.find(
    (e) => e.keyRange.start.line === keyRange.start.line && e.keyRange.start.character === keyRange.start.character,
  );
}

function moveToOverrides(ws: StepWorkspace, file: string, keyRange: Range): Fix | null {
  const text = ws.text(file);
  const src = ws.source(file);
  const entry = entryAt(src, keyRange);
  if (text === undefined || !src || entry?.layer !== 'local') return null;
  const lines = new LineIndex(text);
  const start = lines.offset(entry.range.start);
  const end = lines.offset(entry.range.end);
  const entryText = text.slice(start, end);
  return {
    title: `Move '${entry.name}' to STEP_OVERRIDES`,
    preferred: true,
    edits: [
      {
        file,
        edits: [removal(text, lines, start, end), insertion(text, lines, src, entryText)].sort(
          (a, b) => lines.offset(b.range.start) - lines.offset(a.range.start),
        ),
      },
    ],
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
  if (
    (lineStart === 0 || text[lineStart - 1] === '\n') &&
    (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '#')
  ) {
    if (text[lineEnd] === '\n') {
      s = lineStart;
      e = lineEnd + 1;
    }
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
  return {
    range: lines.range(eof, eof),
    newText: `${text.endsWith('\n') ? '' : '\n'}\nSTEP_OVERRIDES = {\n    ${entryText},\n}\n`,
  };
}
