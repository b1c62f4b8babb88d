// Whether the project's cursus reads step packs at all: they came with cursus 2.8.0 (commit 726f7573, "plugin
// step-pack discovery", which added `registry/step_names.py` `refresh_registry()`, `step_names_base.py`
// `merge_pack_registry()` and `core/compiler/dag_compiler.py` `_derive_step_pack_dir()`; the tag before it is
// 2.6.0, whose tree has none of them). Under an older installed release a pack's interfaces add no step: the
// package's table is all there is, and `validate_dag_integrity()` reports a pack step's node as missing. The release
// is the one installed in the project's Python environment (the host reads its dist-info); a cursus in the tree, or
// none installed, is taken to read packs.
import type { FileQueries } from '../../../analysis/files';
import { releasedBefore } from '../../../analysis/frameworkPins';

/** The first release that merges step packs. */
export const STEP_PACKS_RELEASE = '2.8.0';

/** The installed cursus's version when it is older than step packs, else null (read in a query, it tracks it). */
export function cursusWithoutPacks(files: FileQueries): string | null {
  const installed = files.installedInput.get('').find((f) => f.name === 'cursus');
  return installed !== undefined && releasedBefore(installed.version, STEP_PACKS_RELEASE) ? installed.version : null;
}

/** What an older release does with a pack step: for the messages naming it. */
export function packsUnread(version: string): string {
  return `cursus ${version} (installed) reads no step packs, which came with ${STEP_PACKS_RELEASE}`;
}
