// RL005/RL006/RL007: the builder, config and other component files a step needs, looked up in the
// directories visible from its context (its workspace's own first, then core). RL005 only where the
// repository's cursus discovers builder files (model/rowClasses.ts).
import type { Diagnostic, Fix, Settings } from '../../types';
import { STEP_SETTINGS } from '../settings';
import { diag } from '../codes';
import type { RegistryModel } from '../entries/registry';
import { isComponentExempt } from '../entries/fields';
import { fieldStr, type StepEntry } from '../entries/source';
import { discoversBuilderFiles, synthesizedFrom } from '../entries/rowClasses';
import { builderFileName, configFileName } from '../../util/naming';
import { canonicalName } from '../../util/canonical';
import type { ComponentKind } from '../../api';

export function checkComponents(
  model: RegistryModel,
  e: StepEntry,
  names: () => Iterable<string>,
  settings: Settings,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A broken entry (a syntax error inside it, being typed) names its classes only once it is whole.
  if (e.broken || isComponentExempt(e, settings) || e.value.kind !== 'dict') return out;
  const synthesized = synthesizedFrom(model, e) !== null;
  // A synthesized builder (interface steps) is a class no one writes; where cursus synthesizes every
  // builder and reads no builder file (2.5.1 on), a missing interface is the cursus family's RL034.
  // undefined: no builder file to look for; null: the row names none.
  const builder =
    !synthesized && discoversBuilderFiles(model) ? (e.fields.get('builder_step_name') ?? null) : undefined;
  if (builder === null) {
    out.push(
      diag(e.file, e.keyRange, 'RL005', `Step '${e.name}' has no builder_step_name, so no builder can be found for it`),
    );
  } else if (builder && builder.value.kind === 'str' && builder.value.value !== '') {
    const cls = builder.value.value;
    if (!model.findClass(e.wsDir, 'builder', cls)) {
      out.push(
        diag(
          e.file,
          builder.value.range,
          'RL005',
          `Builder class '${cls}' for step '${e.name}' not found; ${searchedText(model, e.wsDir, 'builder')}`,
          {
            fixes: stubFix(model, e, 'builder', cls),
          },
        ),
      );
    }
  }
  const config = e.fields.get('config_class');
  if (config && config.value.kind === 'str' && config.value.value !== '') {
    const cls = config.value.value;
    if (!model.findClass(e.wsDir, 'config', cls)) {
      out.push(
        diag(
          e.file,
          config.value.range,
          'RL006',
          `Config class '${cls}' for step '${e.name}' not found; ${searchedText(model, e.wsDir, 'config')}`,
          {
            fixes: stubFix(model, e, 'config', cls),
          },
        ),
      );
    }
  }
  if (STEP_SETTINGS.of(settings).checkAllComponents && !synthesized) {
    // cursus 1.10.0 loads a step's contract and spec from its package interface first (step_catalog.py 602-668);
    // one whose contract's entry_point is null runs no script (PyTorchModel, XGBoostModel, BatchTransform).
    const fromInterface = model.packageInterfaceOf(e.name) !== null;
    const needed: ComponentKind[] = fromInterface ? ['script'] : ['spec', 'contract', 'script'];
    const missing = needed.filter(
      (k) =>
        !(k === 'script' && model.packageInterface(e.name)?.scriptless) &&
        !componentFileFor(model, e.wsDir, k, e.name, names),
    );
    if (missing.length > 0) {
      out.push(
        diag(
          e.file,
          e.keyRange,
          'RL007',
          `No ${missing.join(', ')} file found for step '${e.name}' ` +
            `(${missing.map((k) => searchedText(model, e.wsDir, k)).join('; ')})`,
        ),
      );
    }
  }
  return out;
}

/** The component file of a kind whose canonical name is the step (first in search order). */
export function componentFileFor(
  model: RegistryModel,
  wsDir: string | null,
  kind: ComponentKind,
  step: string,
  names: () => Iterable<string>,
): string | null {
  const files = model.componentFilesOf(wsDir, kind);
  if (files.length === 0) return null;
  const all = [...names()];
  return files.find((f) => canonicalName(f, all) === step) ?? null;
}

/** "searched a/, b/" or "no builders directory exists (expected a/)". */
function searchedText(model: RegistryModel, wsDir: string | null, kind: ComponentKind): string {
  const dirs = model.searchedDirs(wsDir, kind);
  return dirs.length > 0
    ? `searched ${dirs.join(', ')}`
    : `no ${kind}s directory exists (expected ${expectedDir(model, wsDir, kind)})`;
}

function kindDir(kind: ComponentKind): string {
  return `${kind}s`;
}

/** Where a new component of this context goes: its workspace's steps dir, else the first core one. */
export function expectedDir(model: RegistryModel, wsDir: string | null, kind: ComponentKind): string {
  const own = model.workspacePaths().steps;
  if (wsDir && own !== undefined) return `${wsDir}/${own}/${kindDir(kind)}/`;
  const existing = model.searchedDirs(null, kind)[0];
  if (existing) return existing;
  // Beside the registry's directory (`src/cursus/registry/x.py` → `src/cursus/steps/…`), whatever that directory is
  // called.
  const coreFile = model.coreFile() ?? 'src/registry/step_names.py';
  const registryDir = coreFile.includes('/') ? coreFile.slice(0, coreFile.lastIndexOf('/')) : '';
  const base = registryDir.includes('/') ? registryDir.slice(0, registryDir.lastIndexOf('/')) : '';
  const steps = base === 'steps' || base.endsWith('/steps') ? base : `${base ? `${base}/` : ''}steps`;
  return `${steps}/${kindDir(kind)}/`;
}

/** "Create … stub", when a member has the templates (member.ts `StepParts.stubs`). */
function stubFix(model: RegistryModel, e: StepEntry, kind: 'builder' | 'config', cls: string): Fix[] {
  const stubs = model.componentStubs();
  if (!stubs) return [];
  const dir = wsOrCore(model, e.wsDir, kind);
  const file = dir + (kind === 'builder' ? builderFileName(e.name) : configFileName(e.name));
  const text = kind === 'builder' ? stubs.builder(e.name, cls, fieldStr(e, 'config_class')) : stubs.config(e.name, cls);
  return [{ title: `Create ${kind} stub ${file}`, createFiles: [{ file, text }], edits: [] }];
}

function wsOrCore(model: RegistryModel, wsDir: string | null, kind: ComponentKind): string {
  const own = wsDir
    ? model.searchedDirs(wsDir, kind).find((d) => d.startsWith(`${wsDir}/`))
    : model.searchedDirs(null, kind)[0];
  return own ?? expectedDir(model, wsDir, kind);
}
