// How a companion's dependency resolves in its context (stage 6 of the discovery pipeline, docs/pipeline.md): the
// entry it names, that entry's version and whether the `version` hint holds, for the stage's diagnostics (the rule
// of the member that scans modules, member.ts `discovery`) and for Explain.
import type { Location, Range } from '../../types';
import type { StepEntry } from '../model/source';
import type { MetaDep } from './types';
import { readVersionHint } from './versionHint';

export const DEFAULT_VERSION = '1.0.0';

/** A resolved dependency: from the meta's entry to the entry named `to`. */
export interface Edge {
  to: string;
  range: Range;
  optional: boolean;
}

export interface DepEnv {
  /** Context name for messages (`core` or a workspace id). */
  context: string;
  resolve(name: string): StepEntry | null;
  /** Where a binding file registers a module id, null when none does. */
  bound(name: string): Location | null;
  /** The names of the context closest to an unknown one, best first (at most 3). */
  suggest(name: string): string[];
  /** The entry's version and whether it is declared (meta `version`, a module's `version` attribute) or the default. */
  versionOf(entry: StepEntry): { value: string; declared: boolean; at: Location | null };
}

/** How one dependency resolves: the entry, its version, and whether the range is satisfied (null without a range). */
export function resolveDep(
  dep: MetaDep,
  env: Pick<DepEnv, 'resolve' | 'versionOf'>,
): {
  entry: StepEntry | null;
  version: { value: string; declared: boolean; at: Location | null } | null;
  satisfied: boolean | null;
} {
  const entry = env.resolve(dep.moduleId);
  if (!entry) return { entry: null, version: null, satisfied: null };
  const version = env.versionOf(entry);
  const hint = dep.version ? readVersionHint(dep.version.value) : null;
  return { entry, version, satisfied: hint && 'matches' in hint ? hint.matches(version.value) : null };
}
