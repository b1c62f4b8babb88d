// A Jupyter notebook's code cells read as one Python module (cells share one namespace, run in order): each
// cell's `source` (a string or a list of strings) decoded from the `.ipynb` JSON and joined, IPython's `%` and `!`
// lines blanked. Every range the reader gives is mapped back to where its characters sit in the notebook's own text
// (JSON escapes accounted for: `\"`, `\n`, `\uXXXX`), and to its cell and its place in the cell.
import type { Position, Range } from '../../../../types';
import type { Lit } from '../../../../literal';
import { LineIndex } from '../../../../text/lineIndex';
import { spanAt } from '../../../../text/positions';
import { lastValue, readJson } from '../../json';
import type { NodeRef } from '../read';
import type { PyDag, PyDagsDoc } from './build';
import { mayBuildDags, readModuleDags } from './readModule';

/** Where a notebook range lies: its cell (0-based, among all cells) and the range within the cell's source. */
export interface CellPlace {
  index: number;
  range: Range;
}

export interface NotebookDags {
  doc: PyDagsDoc;
  /** The cell and in-cell range of a range of the doc, for the front ends. */
  cellOf(r: Range): CellPlace | null;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The DAGs a notebook's code builds, in the notebook's coordinates; null when it builds none or is no notebook. */
export function readNotebookDags(text: string): NotebookDags | null {
  if (!mayBuildDags(text)) return null;
  const json = readJson(text);
  const cells = json.root?.kind === 'dict' ? lastValue(json.root, 'cells') : undefined;
  if (cells?.kind !== 'list') return null;
  const lines = new LineIndex(text);
  const code: string[] = [];
  // For each character of the joined code: its line and character in the notebook, and its cell.
  const rawLine: number[] = [];
  const rawChar: number[] = [];
  const cellStarts: { index: number; offset: number }[] = [];
  let length = 0;
  const push = (s: string, line: number, char: number): void => {
    code.push(s);
    length += s.length;
    rawLine.push(line);
    rawChar.push(char);
  };
  cells.items.forEach((cell, index) => {
    if (cell.kind !== 'dict' || str(lastValue(cell, 'cell_type')) !== 'code') return;
    const source = lastValue(cell, 'source');
    const pieces = source?.kind === 'list' ? source.items : source ? [source] : [];
    cellStarts.push({ index, offset: length });
    let last: Position = source?.range.start ?? { line: 0, character: 0 };
    for (const p of pieces) {
      if (p.kind !== 'str' || p.inner.start.line !== p.inner.end.line) continue;
      const { line, character } = p.inner.start;
      const body = lines.lineText(line).slice(character, p.inner.end.character);
      for (let i = 0; i < body.length;) {
        if (body[i] !== '\\') {
          push(body[i] as string, line, character + i);
          i++;
          continue;
        }
        const e = body[i + 1] ?? '';
        const hex = e === 'u' ? Number.parseInt(body.slice(i + 2, i + 6), 16) : Number.NaN;
        push(
          e === 'u' ? String.fromCharCode(Number.isNaN(hex) ? 0xfffd : hex) : (ESCAPES[e] ?? e),
          line,
          character + i,
        );
        i += e === 'u' ? 6 : 2;
      }
      last = p.inner.end;
    }
    // The cells are joined by a line break of no place of their own: it maps to the end of the cell's last piece.
    push('\n', last.line, last.character);
  });
  const joined = blankMagics(code.join(''));
  const doc = readModuleDags(joined);
  if (!doc) return null;
  const codeLines = new LineIndex(joined);
  const places = new Map<string, CellPlace>();
  const at = (p: Position): { pos: Position; offset: number } => {
    const offset = Math.min(codeLines.offset(p), length - 1);
    return { pos: { line: rawLine[offset] ?? 0, character: rawChar[offset] ?? 0 }, offset };
  };
  const map = (r: Range): Range => {
    const s = at(r.start);
    const e = at(r.end);
    const out = spanAt(s.pos.line, s.pos.character, e.pos.line, e.pos.character);
    const cell = [...cellStarts].reverse().find((c) => c.offset <= s.offset);
    if (cell) {
      const first = codeLines.position(cell.offset).line;
      const inCell = spanAt(r.start.line - first, r.start.character, r.end.line - first, r.end.character);
      places.set(rangeKey(out), { index: cell.index, range: inCell });
    }
    return out;
  };
  const ref = (n: NodeRef): NodeRef => {
    const range = map(n.range);
    return { name: n.name, range, inner: n.inner === n.range ? range : map(n.inner) };
  };
  const dags = doc.dags.map((d): PyDag => ({
    ...d,
    at: map(d.at),
    ops: d.ops.map((o) => (o.kind === 'node' ? { ...o, ref: ref(o.ref) } : { ...o, from: ref(o.from), to: ref(o.to) })),
    configs: d.configs.map((c) => ({ ...c, at: map(c.at) })),
  }));
  const dagFiles = doc.dagFiles.map((p) => ({ ...p, config: { ...p.config, at: map(p.config.at) } }));
  return { doc: { dags, loads: doc.loads.map(ref), dagFiles }, cellOf: (r) => places.get(rangeKey(r)) ?? null };
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function str(v: Lit | undefined): string | null {
  return v?.kind === 'str' ? v.value : null;
}

/** IPython's line magics and shell escapes (`%pip install x`, `!ls`) blanked: they are not Python. */
function blankMagics(code: string): string {
  const out = code.split('\n').map((l) => {
    const t = l.trimStart();
    return t.startsWith('%') || t.startsWith('!') ? ' '.repeat(l.length) : l;
  });
  return out.join('\n');
}
