// How a `compatible_sources` name resolves, mirroring cursus's `_provider_in_compatible_sources()`:
// a step of the context, an `XStep` spelling of step `X`, or one of `StepCatalog.LEGACY_ALIASES` (read from the
// repository's `step_catalog/step_catalog.py`; the copy below only when the repository has no such file).
// A name that only reaches an abstract row (`ProcessingStep` → `Processing`) is the generic category it
// is: accepted, but not a link to a producer. Each candidate spelling is looked up on its own
// (`resolve`: the engine's tracked `resolved(context, name)`), so a check depends on the names it
// lists, not on the whole set of step names of the context.
import type { Settings } from '../../../types';
import { STEP_SETTINGS } from '../../../model/settings';
import type { StepEntry } from '../../../model/entries/source';
import type { LegacyAliases, RegistryModel } from '../../../model/entries/registry';
import { objectMemo } from '../../../util/memo';
import { FALLBACK_ALIASES } from '../framework';

const aliasSet = objectMemo<LegacyAliases, null, ReadonlySet<string>>((read) => new Set(read.names));

/** The legacy names the repository's step catalog maps to a step (its own list when it has one). */
export function legacyAliasNames(model: RegistryModel): ReadonlySet<string> {
  const read = model.legacyAliases();
  if (!read) return FALLBACK_ALIASES;
  return aliasSet(read, null);
}

export type SourceResolution = { kind: 'step'; entry: StepEntry } | { kind: 'generic' } | { kind: 'unknown' };

/** The entry a step name resolves to in the context being checked (null when none). */
export type Resolve = (name: string) => StepEntry | null;

export function resolveSource(
  resolve: Resolve,
  settings: Settings,
  aliases: ReadonlySet<string>,
  name: string,
): SourceResolution {
  for (const candidate of name.endsWith('Step') && name.length > 4 ? [name, name.slice(0, -4)] : [name]) {
    const entry = resolve(candidate);
    if (!entry) continue;
    return STEP_SETTINGS.of(settings).abstractSteps.includes(entry.name)
      ? { kind: 'generic' }
      : { kind: 'step', entry };
  }
  return aliases.has(name) ? { kind: 'generic' } : { kind: 'unknown' };
}
