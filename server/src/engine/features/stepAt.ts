// The step a position refers to, for "Explain Resolution" at the cursor.
import type { Position } from '../types';
import type { Workspace } from '../workspace';
import { locate, stepsUsingClass } from './locate';

export function stepAt(ws: Workspace, file: string, pos: Position): string | null {
  const t = locate(ws, file, pos);
  if (!t) return null;
  switch (t.kind) {
    case 'step-key': case 'field-key': case 'field-value': return t.entry.name;
    case 'name-ref': return t.ref.name;
    case 'class': return stepsUsingClass(ws, t.cls)[0]?.name ?? null;
  }
}
