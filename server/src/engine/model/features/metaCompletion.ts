// Completion in `*_meta.yaml` files (SPEC §6): the schema's keys (top level, and inside a dependency
// item), `module_id` values (the names resolvable in the file's context), `entry_point` values (the
// classes of the subject file), and booleans. The position is read from the line text, so it works
// while the document is half typed.
import type { CompletionResult } from '../../api';
import type { Position, Range } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { baseName } from '../../util/paths';
import { typeName } from '../../schema/walk';
import { subjectCandidates } from '../discovery/subject';

const VALUE = /^\s*(?:-\s+)?([a-z_]+):\s*(?:["']|(?!\s))([^"'#]*)$/;
const KEY = /^(\s*)(-\s+)?([A-Z_]*)$/i;

export function metaCompletion(ws: StepWorkspace, file: string, pos: Position): CompletionResult[] {
  const text = ws.text(file);
  if (text === undefined) return [];
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const before = (lines[pos.line] ?? '').slice(0, pos.character);
  const word = (len: number): Range => ({ start: { line: pos.line, character: pos.character - len }, end: pos });
  const value = VALUE.exec(before);
  if (value) {
    const [, key = '', typed = ''] = value;
    return valueCompletions(ws, file, key, word(typed.length));
  }
  const key = KEY.exec(before);
  if (!key) return [];
  const [, indent = '', dash, typed = ''] = key;
  const column = indent.length + (dash?.length ?? 0);
  const parent = dash
    ? [...enclosingPath(lines, pos.line, indent.length), '0']
    : enclosingPath(lines, pos.line, column);
  const present = presentKeys(lines, pos.line, column, !!dash);
  return Object.entries(ws.discovery.metaSchemaAt(parent)?.properties ?? {})
    .filter(([k]) => !present.has(k))
    .map(([k, s], i) => ({
      label: k,
      kind: 'key' as const,
      detail: typeName(s),
      documentation: s.description,
      range: word(typed.length),
      sortText: String(i).padStart(3, '0'),
      insertText:
        s.type === 'array'
          ? `${k}:\n${' '.repeat(column + 2)}- `
          : s.type === 'object'
            ? `${k}:\n${' '.repeat(column + 2)}`
            : `${k}: `,
    }));
}

function valueCompletions(ws: StepWorkspace, file: string, key: string, range: Range): CompletionResult[] {
  if (key === 'module_id') {
    const scope = ws.pipeline.scopeOf(file);
    const self = ws.pipeline.bindingOf(file)?.name;
    const context = scope ? (ws.contextIdOf(scope) ?? undefined) : undefined;
    return ws
      .stepNames(context)
      .filter((n) => n !== self)
      .map((n) => {
        const e = ws.model.modules.get(n);
        return {
          label: n,
          kind: e ? ('module' as const) : ('step' as const),
          detail: e ? `module (${e.file})` : 'step',
          range,
        };
      });
  }
  if (key === 'entry_point') {
    const subject = subjectCandidates(file).find((f) => ws.has(f) && f.endsWith('.py'));
    return subject
      ? ws
          .classesOf(subject)
          .map((c) => ({ label: `${baseName(subject)}:${c.name}`, kind: 'class' as const, detail: c.file, range }))
      : [];
  }
  const { metaSchema, metaSchemaAt } = ws.discovery;
  const schema = key === 'optional' ? metaSchemaAt(['dependencies', '0', 'optional']) : metaSchema.properties?.[key];
  if (schema?.type === 'boolean') return ['true', 'false'].map((v) => ({ label: v, kind: 'value' as const, range }));
  return [];
}

interface Line {
  indent: number;
  dash: number;
  key: string | null;
}

function parse(text: string | undefined): Line | null {
  if (text === undefined || text.trim() === '' || text.trim().startsWith('#')) return null;
  const m = /^(\s*)(-\s+)?(?:([A-Z_]+):)?/i.exec(text);
  return { indent: m?.[1]?.length ?? 0, dash: m?.[2]?.length ?? 0, key: m?.[3] ?? null };
}

/** Schema path of the mapping whose keys start at `column`: the keys (and list items) of the lines above it. */
function enclosingPath(lines: string[], line: number, column: number): string[] {
  const path: string[] = [];
  let col = column;
  for (let l = line - 1; l >= 0 && col > 0; l--) {
    const p = parse(lines[l]);
    if (!p) continue;
    if (p.dash > 0 && p.indent + p.dash === col) {
      path.unshift('0');
      col = p.indent;
      continue;
    }
    if (p.indent < col && p.key) {
      path.unshift(p.key);
      col = p.indent;
    }
  }
  return path;
}

/** Keys already written in the mapping whose keys start at `column` around `line`. */
function presentKeys(lines: string[], line: number, column: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  for (let l = line - 1; l >= 0 && !startsItem; l--) {
    const p = parse(lines[l]);
    if (!p) continue;
    const col = p.indent + p.dash;
    if (col === column && p.key) keys.add(p.key);
    if ((p.dash > 0 && col === column) || col < column) break;
  }
  for (let l = line + 1; l < lines.length; l++) {
    const p = parse(lines[l]);
    if (!p) continue;
    const col = p.indent + p.dash;
    if (p.dash > 0 ? p.indent < column : col < column) break;
    if (col === column && p.key && p.dash === 0) keys.add(p.key);
  }
  return keys;
}
