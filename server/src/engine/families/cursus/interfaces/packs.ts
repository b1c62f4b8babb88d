// Step packs (cursus ≥ 2.8, `docs/concepts/step_packs.md`): a project's `step_pack/interfaces/`, or its
// own root-level `interfaces/` (which packs: `cursus/packs/stepPacks.ts`), merged into the
// package's table when the compiler finds the pack (`core/compiler/dag_compiler.py`
// `_derive_step_pack_dir()` 357-376, then `registry/step_names.py` `refresh_registry()` 170-251). The
// pack's rows are laid over the package's (`registry/step_names_base.py` `merge_pack_registry()`:
// `STEP_NAMES.update(pack_rows)`, the pack wins and the clash is logged as a collision), except rows
// named like an `_EXTRAS` row, which `refresh_registry()` drops; but `load_interface()` searches the
// package's interfaces first (`steps/interfaces/__init__.py` `_search_dirs()` 68-70), so on a clash the
// builder, contract and spec come from the package's interface and only the registry row from the pack.
import type { Diagnostic, Range } from '../../../types';
import type { ExplainSection } from '../../../api';
import { diag } from './codes';
import type { DefinedName } from './definedNames';

/** Above the package's interfaces and extras: a pack row wins its name in the merged table. */
export const PACK_PRECEDENCE = 1;

/** What the package defines under a pack step's name: its interface, or an `_EXTRAS` row. */
export interface PackageDef {
  def: DefinedName;
  extras: boolean;
}

/** RL063 on a pack interface whose step the package defines too. */
export function checkPackClash(
  file: string,
  step: { name: string; range: Range },
  pkg: PackageDef | null,
): Diagnostic[] {
  if (!pkg) return [];
  const name = step.name;
  const at = { file: pkg.def.file, range: pkg.def.keyRange };
  // The first sentence stands alone in the Problems panel; how cursus gets there is the related place's.
  const related = pkg.extras
    ? [{ ...at, message: `the package's definition of '${name}'` }]
    : [
        {
          ...at,
          message:
            `the package's definition of '${name}': load_interface() searches the package first; the pack's ` +
            "row wins and is logged in get_registry_health()['pack_collisions']",
        },
      ];
  const message = pkg.extras
    ? `refresh_registry() drops pack rows named like an _EXTRAS row: this interface adds no step, '${name}' ` +
      "stays the package's"
    : `Pack step '${name}' shadows the package's step: cursus takes only the registry row from here, and the ` +
      "builder, contract and spec from the package's interface";
  return [diag(file, step.range, 'RL063', message, { related })];
}

/** Explain of a step a pack and the package both define: which row and which interface cursus loads. */
export function packSection(packFile: string, packRange: Range, pkg: PackageDef): ExplainSection {
  const pkgAt = { file: pkg.def.file, range: pkg.def.keyRange };
  const packAt = { file: packFile, range: packRange };
  return {
    title: 'Step pack',
    rows: pkg.extras
      ? [
          { label: 'row', text: "the package's _EXTRAS row (refresh_registry() drops a pack row so named)", ...pkgAt },
          { label: 'ignored', text: 'this pack interface', ...packAt },
        ]
      : [
          { label: 'row', text: "the pack's (refresh_registry(): the pack wins the row)", ...packAt },
          { label: 'interface', text: "the package's (load_interface() first): its builder, contract, spec", ...pkgAt },
        ],
  };
}
