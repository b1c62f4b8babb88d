// Which builder and config class a registry row gets, the way the repository's own cursus finds them.
// Builders: cursus 1.x discovers builder files (`step_catalog/builder_discovery.py`,
// `_scan_builder_directory()`); 2.0 to 2.5.0 also synthesizes one for an interface step without a file;
// from 2.5.1 every builder is synthesized (`_synthesize_builder()`: `type(f"{step_name}StepBuilder",
// (TemplateStepBuilder,), …)` for a step with a loadable interface), and no builder file is read.
// Abstract rows name base classes, which cursus imports from outside the component directories.
import type { Settings } from '../../types';
import { routes, type ClassDef, type RegistryModel } from './registry';
import { fieldStr, type StepEntry } from './source';
import { isComponentExempt } from './fields';

/** The class every synthesized builder subclasses (`core/base/builder_templates.py`). */
export const SYNTHESIS_BASE = 'TemplateStepBuilder';

/** Whether builder files are discovered: unless the repository's discovery only synthesizes (no module: as 1.x). */
export function discoversBuilderFiles(model: RegistryModel): boolean {
  const d = model.builderDiscovery();
  return d === null || d.scansFiles || !d.synthesizes;
}

/**
 * Where cursus 2.x looks for a context's interfaces, the one place its builders come from: the
 * workspace's (`WorkspacePaths.interfaces`), then the package's beside the step catalog (`<package>/steps/interfaces/`,
 * `INTERFACES_DIR` of `steps/interfaces/__init__.py`).
 */
export function interfaceDirs(model: RegistryModel, wsDir: string | null): string[] {
  const pkg = (model.builderDiscovery()?.file ?? '').replace(/(?:^|\/)step_catalog\/builder_discovery\.py$/, '');
  const core = `${pkg ? `${pkg}/` : ''}steps/interfaces/`;
  const own = model.workspacePaths().interfaces;
  return wsDir && own !== undefined ? [`${wsDir}/${own}/`, core] : [core];
}

/** A row's builder: a class of a builder file, or the class cursus synthesizes from an interface entry. */
export type RowBuilder = { synthesized: false; def: ClassDef } | { synthesized: true; name: string; iface: StepEntry };

/**
 * The builder cursus loads for a row (null when it finds none): where builder files are discovered,
 * a file's class named by `builder_step_name` first (`load_builder_class()` tries them before it
 * synthesizes), else `<Step>StepBuilder` synthesized from the step's interface. An abstract row's is
 * the base class it names, whatever the version.
 */
export function builderOf(model: RegistryModel, e: StepEntry, settings: Settings): RowBuilder | null {
  const def = discoversBuilderFiles(model)
    ? rowClass(model, e, 'builder', settings)
    : baseClass(model, e, 'builder', settings);
  if (def) return { synthesized: false, def };
  const iface = synthesizedFrom(model, e);
  if (!iface || !rowRoutes(model, e) || sdkUnbound(model, iface)) return null;
  return { synthesized: true, name: `${e.name}StepBuilder`, iface };
}

/**
 * Whether the row's `sagemaker_step_type` routes to a build strategy: `_synthesize_builder()` returns
 * None for one that does not (`step_catalog/builder_discovery.py` 339-351, `resolve_handler()` raising
 * `NoBuilderError`), whatever interface the step has.
 */
export function rowRoutes(model: RegistryModel, e: StepEntry): boolean {
  const type = fieldStr(e, 'sagemaker_step_type');
  return type === null || routes(model.buildStrategies(), type);
}

/** The build-time dependency `_synthesize_builder()` binds through `step_catalog/sdk_bindings.py`. */
export const SDK_REQUIRES = 'secure_ai_sandbox_workflow_python_sdk';

/**
 * Whether an interface needs the SDK (`registry.requires`) but the repository's `SDK_STEP_CLASS_THUNKS`
 * binds no class for its step: `_synthesize_builder()` then returns None, only logging at debug level
 * (`step_catalog/builder_discovery.py:313-326`). False without a bindings module (not judged).
 */
export function sdkUnbound(model: RegistryModel, iface: StepEntry): boolean {
  const bindings = model.sdkBindings();
  return bindings !== null && fieldStr(iface, 'requires') === SDK_REQUIRES && !bindings.steps.includes(iface.name);
}

/**
 * The class a row's `builder_step_name` or `config_class` names, visible from its context; for an
 * abstract row also a base class (`StepBuilderBase`, `BasePipelineConfig` in `core/base/`).
 */
export function rowClass(
  model: RegistryModel,
  e: StepEntry,
  kind: 'builder' | 'config',
  settings: Settings,
): ClassDef | null {
  const cls = fieldStr(e, kind === 'builder' ? 'builder_step_name' : 'config_class');
  return (cls ? model.findClass(e.wsDir, kind, cls) : null) ?? baseClass(model, e, kind, settings);
}

/**
 * The base class an abstract row names (null for other rows): cursus imports it from `core/base/`, outside the
 * component directories.
 */
function baseClass(
  model: RegistryModel,
  e: StepEntry,
  kind: 'builder' | 'config',
  settings: Settings,
): ClassDef | null {
  const cls = fieldStr(e, kind === 'builder' ? 'builder_step_name' : 'config_class');
  return cls && isComponentExempt(e, settings) ? model.findBaseClass(cls) : null;
}

/**
 * The interface entry a step's builder is synthesized from: itself, its workspace's interface of that name, or core's
 * (the one cursus loads).
 */
export function synthesizedFrom(model: RegistryModel, e: StepEntry): StepEntry | null {
  if (e.synthesized) return e.wsDir === null ? loadedInterface(model, e) : e;
  const own = e.wsDir ? model.workspace(e.wsDir)?.supplements.get(e.name) : undefined;
  if (own?.synthesized) return own;
  const core = model.core.get(e.name);
  return core?.synthesized ? loadedInterface(model, core) : null;
}

/**
 * The interface `load_interface()` loads for a core step: the package's own when it has one of that step
 * (`steps/interfaces/__init__.py` `_search_dirs()` searches the package before a step pack's folder), so a pack
 * interface of a package step supplies only the registry row (RL063).
 */
function loadedInterface(model: RegistryModel, iface: StepEntry): StepEntry {
  const pkg = model.packageInterface(iface.name);
  return pkg?.synthesized && pkg.name === iface.name ? pkg : iface;
}
