// An open notebook's code cells (LSP notebook sync) written as the `.ipynb` text the engine reads from disk, one
// JSON string per line of a cell, so the engine reads the editor's unsaved cells with its own notebook reader; and the
// mapping of positions between a cell and that text, both ways.
import type { Diagnostic, Position, Range } from '../engine/types';

/** A code cell of an open notebook: its document URI and its text. */
export interface CellText {
  readonly uri: string;
  readonly text: string;
}

interface CellLines {
  readonly uri: string;
  /** The line of the notebook text holding the cell's first line. */
  readonly first: number;
  /** The cell's lines, without their breaks. */
  readonly lines: readonly string[];
}

/** Where a line's JSON string starts its characters: `    "`. */
const INDENT = 5;
const LINE_BREAK = /\r\n|\r|\n/g;

export class NotebookText {
  private constructor(
    /** The notebook's text as the engine reads it. */
    readonly text: string,
    private readonly cells: readonly CellLines[],
  ) {}

  /** The cells, in order, as a notebook's text. */
  static of(cells: readonly CellText[]): NotebookText {
    const out = ['{', ' "cells": ['];
    const lines: CellLines[] = [];
    cells.forEach((cell, i) => {
      out.push('  {', '   "cell_type": "code",', '   "source": [');
      const pieces = splitLines(cell.text);
      lines.push({ uri: cell.uri, first: out.length, lines: pieces.map((p) => p.line) });
      pieces.forEach((p, j) => out.push(`    ${JSON.stringify(p.line + p.end)}${j < pieces.length - 1 ? ',' : ''}`));
      out.push('   ]', i < cells.length - 1 ? '  },' : '  }');
    });
    out.push(' ]', '}');
    return new NotebookText(out.join('\n'), lines);
  }

  /** The URIs of the cells. */
  get uris(): string[] {
    return this.cells.map((c) => c.uri);
  }

  /** The position in the notebook's text of a position in a cell; null for no cell of it. */
  toText(uri: string, p: Position): Position | null {
    const cell = this.cells.find((c) => c.uri === uri);
    const line = cell === undefined ? 0 : Math.min(p.line, cell.lines.length - 1);
    const text = cell?.lines[line];
    if (cell === undefined || text === undefined) return null;
    const character = line < p.line ? text.length : Math.min(p.character, text.length);
    return { line: cell.first + line, character: INDENT + widthOf(text, character) };
  }

  /** Where a range of the notebook's text lies in a cell; null when it lies in none, or across cells. */
  toCell(r: Range): { uri: string; range: Range } | null {
    const start = this.place(r.start);
    const end = this.place(r.end);
    if (start === null || end === null || start.uri !== end.uri) return null;
    return { uri: start.uri, range: { start: start.at, end: end.at } };
  }

  /** Each cell's diagnostics, by the cell the engine placed them in (`Diagnostic.cell`): every cell has a list. */
  lists(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
    const out = new Map(this.cells.map((c) => [c.uri, [] as Diagnostic[]]));
    for (const d of diagnostics) {
      const cell = d.cell === undefined ? undefined : this.cells[d.cell.index];
      if (cell !== undefined && d.cell !== undefined) out.get(cell.uri)?.push({ ...d, range: d.cell.range });
    }
    return out;
  }

  private place(p: Position): { uri: string; at: Position } | null {
    const cell = this.cells.find((c) => p.line >= c.first && p.line < c.first + c.lines.length);
    const text = cell?.lines[p.line - (cell?.first ?? 0)];
    const target = p.character - INDENT;
    if (cell === undefined || text === undefined || target < 0) return null;
    // The first unit whose prefix reaches the column: an escape's characters all map to the unit it writes.
    let i = 0;
    for (let w = 0; i < text.length && w < target; i++) w += unitWidth(text, i);
    return { uri: cell.uri, at: { line: p.line - cell.first, character: i } };
  }
}

/** A cell's lines under LSP's line rules, each with the break that ends it (the last with none). */
function splitLines(text: string): { line: string; end: string }[] {
  const out: { line: string; end: string }[] = [];
  let from = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    out.push({ line: text.slice(from, m.index), end: m[0] });
    from = m.index + m[0].length;
  }
  out.push({ line: text.slice(from), end: '' });
  return out;
}

/** The width JSON.stringify gives the first `units` of a line (without the quotes). */
function widthOf(line: string, units: number): number {
  let w = 0;
  for (let i = 0; i < units; i++) w += unitWidth(line, i);
  return w;
}

function unitWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) return 2;
  if (c < 0x20) return 6;
  // JSON.stringify writes a lone surrogate as an escape, a pair as it is.
  if (isHigh(c)) return isLow(s.charCodeAt(i + 1)) ? 1 : 6;
  if (isLow(c)) return isHigh(s.charCodeAt(i - 1)) ? 1 : 6;
  return 1;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
