// The step a position refers to, for "Explain Resolution" at the cursor (in a meta file: the
// dependency under the cursor, else the entry the file describes).
import type { Position } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { locate, stepsUsingClass } from './locate';

export function stepAt(ws: StepWorkspace, file: string, pos: Position): string | null {
  const t = locate(ws, file, pos);
  if (!t) return ws.pipeline.bindingOf(file)?.name ?? null;
  switch (t.kind) {
    case 'step-key':
    case 'field-key':
    case 'field-value':
      return t.entry.name;
    case 'name-ref':
      return t.ref.name;
    case 'class':
      return ws.scan.moduleOf(t.cls.file)?.id ?? stepsUsingClass(ws, t.cls)[0]?.name ?? null;
    case 'meta-dep':
      return t.dep.moduleId;
    case 'meta-entry-point':
    case 'meta-key':
      return ws.pipeline.bindingOf(file)?.name ?? null;
  }
}
