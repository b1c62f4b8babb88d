// Maps the --workspace flag to an engine context: `core` when absent, and a usage error listing the
// known ids when the id names no workspace of the root.
import type { RegistryEngine } from '../engine/engine';
import type { ContextId } from '../engine/types';
import { UsageError } from './usage';

export function selectContext(engine: RegistryEngine, workspace: string | undefined): ContextId {
  const context = engine.contextFor(workspace);
  if (typeof context !== 'string') throw new UsageError(context.error);
  return context;
}
