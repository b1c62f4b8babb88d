// Maps the --workspace flag to an engine context: `core` when absent, and a usage error listing the
// known ids when the id names no workspace of the root.
import type { RegistryEngine } from '../engine/engine';
import { CORE, type ContextId } from '../engine/types';
import { UsageError } from './usage';

export function selectContext(engine: RegistryEngine, workspace: string | undefined): ContextId {
  if (workspace === undefined) return CORE;
  const ids = engine.contexts().map((c) => c.id);
  if (ids.includes(workspace)) return workspace;
  const known = ids.filter((id) => id !== CORE);
  throw new UsageError(`unknown workspace '${workspace}'; known: ${known.length === 0 ? '(none)' : known.join(', ')}`);
}
