// How a `compatible_sources` name resolves, mirroring cursus's `_provider_in_compatible_sources()`:
// a step of the context, an `XStep` spelling of step `X`, or one of `StepCatalog.LEGACY_ALIASES`.
// A name that only reaches an abstract row (`ProcessingStep` → `Processing`) is the generic category it
// is: accepted, but not a link to a producer.
import type { Settings } from '../../types';
import type { RegistryModel } from '../../model/registry';
import { layersFor, resolveName } from '../../model/resolve';
import type { StepEntry } from '../../model/source';

/** `StepCatalog.LEGACY_ALIASES` keys (old names the catalog still maps to a step). */
export const LEGACY_ALIASES = new Set(['MIMSPackaging', 'MIMSPayload', 'ModelRegistration', 'PytorchTraining', 'PytorchModel']);

export type SourceResolution =
  | { kind: 'step'; entry: StepEntry }
  | { kind: 'generic' }
  | { kind: 'unknown' };

export function resolveSource(model: RegistryModel, settings: Settings, wsDir: string | null, name: string): SourceResolution {
  const layers = layersFor(model, wsDir, settings.mode);
  for (const candidate of name.endsWith('Step') && name.length > 4 ? [name, name.slice(0, -4)] : [name]) {
    const hit = resolveName(layers, candidate);
    if (!hit) continue;
    return settings.abstractSteps.includes(hit.entry.name) ? { kind: 'generic' } : { kind: 'step', entry: hit.entry };
  }
  return LEGACY_ALIASES.has(name) ? { kind: 'generic' } : { kind: 'unknown' };
}
