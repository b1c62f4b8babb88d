// The apcore-python release a project runs, and what its discovery does otherwise than the release the family
// mirrors (0.19.0), where that changes a diagnostic: the version is the one installed in the project's Python
// environment, else the one its lock pins, else 0.19.0 (analysis/frameworkPins.ts `assumedFramework`). Each
// difference was read at both tags of apcore-python (`python/v0.18.0`, `python/v0.19.0`); all came with 0.19.0
// (commits ff61b7b, 81d47ce, f99e658):
// - ids a binding file registered before discover() are known to it: 0.19.0 `registry/registry.py:553` adds
//   `self._modules` to `known_ids`; 0.18.0 `registry/registry.py:423-424` knows the batch only (RL072);
// - a required dependency not found raises DependencyNotFoundError (0.19.0 `registry/dependencies.py:110`);
//   0.18.0 raises ModuleLoadError "Required dependency '…' not found" (`registry/dependencies.py:54-57`) (RL022,
//   RL072);
// - a dependency's `version` constraint is enforced (0.19.0 `registry/dependencies.py:26-59`, `:115`, fed by
//   `registry/registry.py:552`); 0.18.0's `resolve_dependencies` takes no versions and ignores it (RL027);
// - a reserved word is refused as the first segment only (0.19.0 `registry/conflicts.py:70-77`); 0.18.0 refuses
//   it as any segment (`registry/conflicts.py:70-77`), and discover() skips the module (`registry/registry.py:445-448`)
//   (RL009).
// - the binding loader follows DECLARATIVE_CONFIG_SPEC v1.0 (f99e658): `spec_version`, schema-mode conflicts, both
//   explicit schemas, the `auto_schema` values (0.19.0 `bindings.py:164-229`, `:302-390`); 0.18.0's
//   (`bindings.py:84-108`, `:169-212`) has none of them (RL070, ../bindingFile.ts).
// MAX_MODULE_ID_LENGTH went from 128 to 192 in 0.18.0 (bf411d9), but only `register()` checks it — discover() does
// not, at either release — so it changes no check here.
import type { AssumedFramework } from '../../analysis/frameworkPins';
import { releasedBefore } from '../../analysis/frameworkPins';
import { BUILT_IN_APCORE } from './framework';

/** The release the behaviours above came with. */
const SPEC_1_0 = '0.19.0';

/** The apcore-python a project runs and how its discovery judges. */
export interface ApcorePython {
  /** `apcore-python 0.18.0 (installed)`, `apcore-python 0.18.2 (pinned in uv.lock)`, `apcore-python 0.19.0`. */
  readonly label: string;
  /** discover() counts ids registered before it (by a binding file) as known. */
  readonly countsRegistered: boolean;
  /** What discover() raises on a required dependency it does not know. */
  readonly notFound: 'DependencyNotFoundError' | "ModuleLoadError ('Required dependency not found')";
  /** discover() enforces a dependency's `version` constraint. */
  readonly checksVersions: boolean;
  /** Reserved words are refused as the first segment of an id only (else as any segment). */
  readonly reservedFirstOnly: boolean;
  /** The binding loader applies DECLARATIVE_CONFIG_SPEC v1.0's rules. */
  readonly bindingSpec: boolean;
}

/** What the project's apcore-python does (`assumed`: of BUILT_IN_APCORE). */
export function apcorePython(assumed: AssumedFramework): ApcorePython {
  const where =
    assumed.source === 'environment'
      ? ' (installed)'
      : assumed.source === 'lock'
        ? ` (pinned in ${assumed.pin?.file ?? 'a lock'})`
        : '';
  const older = assumed.source !== 'built-in' && releasedBefore(assumed.version, SPEC_1_0);
  return {
    label: `apcore-python ${assumed.version}${where}`,
    countsRegistered: !older,
    notFound: older ? "ModuleLoadError ('Required dependency not found')" : 'DependencyNotFoundError',
    checksVersions: !older,
    reservedFirstOnly: !older,
    bindingSpec: !older,
  };
}

/** Judged by the release mirrored: a project whose apcore-python is not known. */
export const MIRRORED: ApcorePython = apcorePython({
  version: BUILT_IN_APCORE.version,
  source: 'built-in',
  pin: null,
  builtIn: BUILT_IN_APCORE.version,
});
