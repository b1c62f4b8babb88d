// The legacy step names the cursus in the repository still maps to a step, read from its own
// `step_catalog/step_catalog.py` (`StepCatalog.LEGACY_ALIASES`, 2.9.32 lines 87-93) rather than a copy: the
// dependency resolver reads that dict (`core/deps/dependency_resolver.py:636-640`; `mapping.py:35-41` holds an
// equal copy for config-to-builder mapping only), and ../interfaces/links.ts accepts its keys.
import { classDictEntries } from '../../../python/classDict';
import type { LegacyAliases } from '../../../model/entries/registry';

/** Null when the module assigns no plain dict literal to `LEGACY_ALIASES` (the fallback copy is used). */
export function legacyAliases(file: string, text: string): LegacyAliases | null {
  const entries = classDictEntries(text, 'LEGACY_ALIASES');
  if (!entries) return null;
  const names = entries.flatMap((e) => (e.key.kind === 'str' ? [e.key.value] : []));
  return { file, names };
}
