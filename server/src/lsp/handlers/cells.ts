// A request from a notebook's cell is answered in its notebook's text (the one the engine reads, notebookText.ts): its
// positions are taken there, and the ranges answered in that text brought back into the cell.
import type { Position, Range } from '../../engine/types';
import type { FolderEdits } from '../convert';

/** A request's document in its folder: a file, or (`cell`: the cell's URI) a notebook's cell, `rel` the notebook. */
export interface DocTarget {
  readonly folder: FolderEdits;
  readonly rel: string;
  readonly cell?: string | undefined;
}

/** The position in the file of a position in the request's document; null in a cell the notebook no longer has. */
export function fileAt(t: DocTarget, p: Position): Position | null {
  if (t.cell === undefined) return p;
  return t.folder.open.get(t.rel)?.notebook?.toText(t.cell, p) ?? null;
}

/** The range of the file in the request's document; in a cell, null for one that lies elsewhere. */
export function docRange(t: DocTarget, r: Range): Range | null {
  if (t.cell === undefined) return r;
  const at = t.folder.open.get(t.rel)?.notebook?.toCell(r);
  return at?.uri === t.cell ? at.range : null;
}

/** The answers of the file that lie in the request's document, their `range` as the document has it. */
export function inDocument<T extends { readonly range: Range }>(t: DocTarget, answers: readonly T[]): T[] {
  return answers.flatMap((a) => {
    const range = docRange(t, a.range);
    return range === null ? [] : [{ ...a, range }];
  });
}
