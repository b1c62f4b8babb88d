// Explain's section on a module's registered metadata: its code merged with its companion, as the member that scans
// modules merges them (member.ts `DiscoveryRules.registered`).
import type { PyClass } from '../../../python/facts';
import type { MetaDoc } from '../pipeline/types';
import type { RegisteredModule } from '../member';
import type { StepWorkspace } from '../stepWorkspace';

/**
 * The merge of a module entry's code (its class or export in `file`, `code` for a TypeScript or JavaScript one) and
 * companion.
 */
export function mergedModule(
  ws: StepWorkspace,
  file: string,
  cls: PyClass,
  code: Record<string, unknown> | null,
  meta: MetaDoc | null,
): RegisteredModule {
  return ws.discovery.registered((p) => ws.text(p), file, cls, code, meta);
}
