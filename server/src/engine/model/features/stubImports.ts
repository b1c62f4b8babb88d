// Stubs that import what they use, the way the project already does: a new builder or config file
// takes its base-class import from a sibling file of the same directory (else the import the templates
// use: relative inside the core package; from a developer workspace, the module the members name in
// `WorkspacePaths.imports`), and a class appended to an existing file brings the import along when it lacks it.
import type { TextEdit } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { LineIndex } from '../../text/lineIndex';
import { escapeRegExp } from '../../util/regexEscape';

const STUB_IMPORT = /^from (\S+) import (StepBuilderBase|BasePipelineConfig)$/m;

const dirOf = (file: string): string => file.slice(0, file.lastIndexOf('/') + 1);

/** The rest of a line, as JavaScript's `^` (the `m` flag) starts lines: so a match never scans into the next. */
const REST_OF_LINE = '[^\\n\\r\\u2028\\u2029]*';

/** The module a sibling `.py` file of `file` imports `base` from, if any does. */
function siblingModule(ws: StepWorkspace, file: string, base: string): string | null {
  const dir = dirOf(file);
  const re = new RegExp(`^from[ \\t]+([\\w.]+)[ \\t]+import(?=[ \\t])${REST_OF_LINE}\\b${escapeRegExp(base)}\\b`, 'm');
  for (const f of ws.fileNames()) {
    if (f === file || dirOf(f) !== dir || !f.endsWith('.py')) continue;
    const m = re.exec(ws.text(f) ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

function importLine(ws: StepWorkspace, file: string, base: string, fallback: string): string {
  const absolute = ws.wsDirOf(file) !== null ? ws.model.workspacePaths().imports?.[base] : undefined;
  const module = siblingModule(ws, file, base) ?? absolute ?? fallback;
  return `from ${module} import ${base}`;
}

/** A new file's stub text with its base-class import in the project's style. */
export function styledStub(ws: StepWorkspace, file: string, stub: string): string {
  const m = STUB_IMPORT.exec(stub);
  if (!m?.[1] || !m[2]) return stub;
  return stub.replace(m[0], importLine(ws, file, m[2], m[1]));
}

/**
 * Appending `stub`'s class to the existing `file`: the class at the end, its import after the file's imports when
 * missing.
 */
export function appendStub(ws: StepWorkspace, file: string, stub: string): TextEdit[] {
  const text = ws.text(file) ?? '';
  const lines = new LineIndex(text);
  const end = lines.position(text.length);
  const body = stub.slice(stub.indexOf('class '));
  const edits: TextEdit[] = [
    { range: { start: end, end }, newText: `${text.endsWith('\n') || text === '' ? '' : '\n'}\n\n${body}` },
  ];
  const m = STUB_IMPORT.exec(stub);
  const imported = (name: string): boolean =>
    new RegExp(`^(?:from[ \\t]+\\S+[ \\t]+)?import(?=[ \\t])${REST_OF_LINE}\\b${name}\\b`, 'm').test(text);
  if (m?.[1] && m[2] && !imported(m[2])) {
    const at = importInsertionLine(text);
    const pos = { line: at, character: 0 };
    edits.unshift({ range: { start: pos, end: pos }, newText: `${importLine(ws, file, m[2], m[1])}\n` });
  }
  return edits;
}

/** The line after the last top-level import, else after the module docstring, else 0. */
function importInsertionLine(text: string): number {
  const lines = text.split('\n');
  let after = 0;
  let inDoc: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (inDoc !== null) {
      if (l.includes(inDoc)) {
        inDoc = null;
        if (after === 0) after = i + 1;
      }
      continue;
    }
    if (i === 0 || after === 0) {
      const doc = /^[ru]?("""|''')/i.exec(l);
      if (doc?.[1] && after === 0) {
        const rest = l.slice(l.indexOf(doc[1]) + 3);
        if (rest.includes(doc[1])) after = i + 1;
        else inDoc = doc[1];
        continue;
      }
    }
    if (/^(?:from\s+\S+\s+)?import\s/.test(l)) {
      if (l.includes('(') && !l.includes(')')) while (i + 1 < lines.length && !(lines[i] ?? '').includes(')')) i++;
      after = i + 1;
    } else if (/^(?:class|def|@|[A-Za-z_]\w*\s*[:=])/.test(l)) break;
  }
  return after;
}
