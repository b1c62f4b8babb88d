// How a `compatible_sources` name resolves, mirroring cursus's `_provider_in_compatible_sources()`:
// a step of the context, an `XStep` spelling of step `X`, or one of `StepCatalog.LEGACY_ALIASES`.
// A name that only reaches an abstract row (`ProcessingStep` → `Processing`) is the generic category it
// is: accepted, but not a link to a producer. Each candidate spelling is looked up on its own
// (`resolve`: the engine's tracked `resolved(context, name)`), so a check depends on the names it
// lists, not on the whole set of step names of the context.
import type { Settings } from '../../types';
import type { StepEntry } from '../step-registry/model/source';

/** `StepCatalog.LEGACY_ALIASES` keys (old names the catalog still maps to a step). */
export const LEGACY_ALIASES = new Set(['MIMSPackaging', 'MIMSPayload', 'ModelRegistration', 'PytorchTraining', 'PytorchModel']);

export type SourceResolution =
  | { kind: 'step'; entry: StepEntry }
  | { kind: 'generic' }
  | { kind: 'unknown' };

/** The entry a step name resolves to in the context being checked (null when none). */
export type Resolve = (name: string) => StepEntry | null;

export function resolveSource(resolve: Resolve, settings: Settings, name: string): SourceResolution {
  for (const candidate of name.endsWith('Step') && name.length > 4 ? [name, name.slice(0, -4)] : [name]) {
    const entry = resolve(candidate);
    if (!entry) continue;
    return settings.abstractSteps.includes(entry.name) ? { kind: 'generic' } : { kind: 'step', entry };
  }
  return LEGACY_ALIASES.has(name) ? { kind: 'generic' } : { kind: 'unknown' };
}
