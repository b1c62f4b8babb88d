// Which directories are cursus step packs (cursus ≥ 2.8), for the two families that read a pack: the
// interface family (its `interfaces/*.step.yaml`) and the cursus family (its `configs/` and `scripts/`),
// which must agree. The compiler derives a project's pack (`core/compiler/dag_compiler.py`
// `_derive_step_pack_dir()` 357-376): `<project>/step_pack` when it has an `interfaces/` directory,
// else `<project>` itself when it has one ("a project whose own interfaces/ live at its root"). The
// project is any directory (`project_root`, `anchor_file`'s folder or the config's, `_resolve_project_root()`
// 307-355), so a pack is told by what it holds: a `step_pack/interfaces/` directory, or a project's own
// `interfaces/` holding `*.step.yaml` files (a directory cursus reads only through `refresh_registry()`).
import type { LayoutReads } from '../../../analysis/files';
import type { Settings } from '../../../types';
import { baseName, dirOf } from '../../../util/paths';
import { wsDirOf } from '../../../model/entries/workspaceDirs';

const STEP_PACK = 'step_pack';
const INTERFACES = 'interfaces';
const INTERFACE_FILE = /\.step\.yaml$/;

/** Whether a project (a directory) holds a `step_pack/interfaces/` folder. */
type HasStepPack = (project: string) => boolean;

/** Whether pack discovery needs to know a directory exists (the host reports it): every `interfaces/` one. */
export function isInterfacesDir(path: string): boolean {
  return baseName(path) === INTERFACES;
}

/** The projects holding a `step_pack/interfaces/` directory, sorted: their own `interfaces/` is no pack. */
export function stepPackProjects(reads: Pick<LayoutReads, 'directories'>): string[] {
  const suffix = `${STEP_PACK}/${INTERFACES}`;
  const held = [...reads.directories()].filter((d) => d === suffix || d.endsWith(`/${suffix}`));
  return held.map((d) => dirOf(dirOf(d))).sort();
}

/**
 * The step pack an `interfaces/` directory belongs to, or null: `<p>/step_pack` for
 * `<p>/step_pack/interfaces`; `<p>` for a project's own `<p>/interfaces`, unless `<p>/step_pack/interfaces`
 * exists (`_derive_step_pack_dir()` takes that one first, even empty, and never reads this one). Never a
 * `steps/interfaces/` (the package's own, `steps/interfaces/__init__.py` `INTERFACES_DIR`, or a
 * workspace's) nor anything inside a developer workspace, whose `interfaces/` the workspace reads.
 */
export function packOfInterfacesDir(dir: string, settings: Settings, hasStepPack: HasStepPack): string | null {
  if (baseName(dir) !== INTERFACES || wsDirOf(settings, dir) !== null) return null;
  const project = dirOf(dir);
  if (baseName(project) === STEP_PACK) return project;
  if (baseName(project) === 'steps') return null;
  return hasStepPack(project) ? null : project;
}

/** The step pack of an interface file (`<pack>/interfaces/<name>.step.yaml`), or null. */
export function packOfInterface(path: string, settings: Settings, hasStepPack: HasStepPack): string | null {
  return INTERFACE_FILE.test(path) ? packOfInterfacesDir(dirOf(path), settings, hasStepPack) : null;
}

/**
 * Every step pack, sorted: each `step_pack/` with an `interfaces/` directory, and each project whose own
 * `interfaces/` holds an interface file (a folder of that name alone says nothing: any Python package may
 * have one), for the `configs/` and `scripts/` the step catalog scans in a pack.
 */
export function stepPacks(reads: Pick<LayoutReads, 'settings' | 'directories' | 'filesIn'>): string[] {
  const projects = new Set(stepPackProjects(reads));
  const out = new Set<string>();
  for (const dir of reads.directories()) {
    const pack = packOfInterfacesDir(dir, reads.settings, (p) => projects.has(p));
    if (pack === null) continue;
    if (baseName(pack) === STEP_PACK || reads.filesIn(dir).some((f) => INTERFACE_FILE.test(f))) out.add(pack);
  }
  return [...out].sort();
}

export interface PackComponent {
  dir: string;
  kind: 'configs' | 'scripts';
}

/** The folder and kind of a pack's `configs/` or `scripts/` module (`<pack>/<kind>/<name>.py`), or null. */
export function packOfComponent(path: string, packs: ReadonlySet<string>): PackComponent | null {
  if (!path.endsWith('.py')) return null;
  const dir = dirOf(path);
  const kind = baseName(dir);
  return (kind === 'configs' || kind === 'scripts') && packs.has(dirOf(dir)) ? { dir, kind } : null;
}
