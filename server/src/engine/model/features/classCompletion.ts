// Class names offered as values (`builder_step_name`, `config_class`, an interface's `registry.config_class`):
// the file's own workspace's classes rank before core's, each group alphabetical, since a workspace's
// registry mostly names its own classes; a name both define is offered once, as the workspace's.
import type { ComponentKind, CompletionResult } from '../../api';
import type { Range } from '../../types';
import type { ClassDef, RegistryModel } from '../entries/registry';

export function classCompletions(
  model: RegistryModel,
  wsDir: string | null,
  kind: ComponentKind,
  range: Range,
  detail: (c: ClassDef) => string,
): CompletionResult[] {
  const seen = new Set<string>();
  const out: CompletionResult[] = [];
  for (const c of model.visibleClasses(wsDir, kind)) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    const rank = wsDir !== null && c.file.startsWith(`${wsDir}/`) ? 0 : 1;
    out.push({ label: c.name, kind: 'class', detail: detail(c), range, sortText: `${rank}${c.name}` });
  }
  return out;
}
