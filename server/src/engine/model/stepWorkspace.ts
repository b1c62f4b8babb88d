// The engine as the shared step model's editor features see it: the core workspace (texts, published
// diagnostics, each family's features) with the step model of its database, and the contexts (core and
// each developer workspace) named the way Explain, the status and the CLI name them.
import type { ContextInfo } from '../api';
import { CORE, type ContextId, type Diagnostic, type ResolutionMode, type Settings } from '../types';
import type { ModelCore } from './modelView';
import type { FamilyFeatures, FamilyQueries } from '../analysis/family';
import type { PyClass } from '../python/facts';
import type { ClassDef } from './entries/registry';
import type { RegistrySource } from './entries/source';
import type { MetaDoc } from './discovery/types';
import type { BindingItem } from './discovery/bindingDoc';
import { STEP_SETTINGS, type StepSettings } from './settings';
import type { ModelQueries } from './entries/queries';
import type { DiscoveryStages } from './member';
import type { DiscoveryRules, ModuleStage } from './member';
import { contextIdOf, resolvableNames } from './entries/resolve';
import { stepQueries, type StepQueries } from './queries';

export class StepWorkspace {
  private readonly q: StepQueries;

  constructor(private readonly core: ModelCore) {
    this.q = stepQueries(core.files);
  }

  get model(): ModelQueries {
    return this.q.model;
  }
  get pipeline(): DiscoveryStages {
    return this.q.pipeline;
  }
  get scan(): ModuleStage {
    return this.q.scan;
  }
  get discovery(): DiscoveryRules {
    return this.q.discovery;
  }
  get settings(): Settings {
    return this.core.settings;
  }
  /** The shared step model's settings. */
  get stepSettings(): StepSettings {
    return STEP_SETTINGS.of(this.core.settings);
  }

  fileNames(): string[] {
    return this.core.fileNames();
  }
  has(path: string): boolean {
    return this.core.has(path);
  }
  text(path: string): string | undefined {
    return this.core.text(path);
  }
  diagnostics(path: string): Diagnostic[] {
    return this.core.diagnostics(path);
  }
  featuresOf(path: string): { features: FamilyFeatures; q: FamilyQueries } | null {
    return this.core.featuresOf(path);
  }
  seerOf(path: string): { features: FamilyFeatures; q: FamilyQueries } | null {
    return this.core.seerOf(path);
  }
  allFeatures(): { features: FamilyFeatures; q: FamilyQueries }[] {
    return this.core.allFeatures();
  }

  source(path: string): RegistrySource | null {
    return this.core.has(path) ? this.q.step.source(path) : null;
  }
  classesOf(path: string): readonly ClassDef[] {
    return this.core.has(path) ? this.q.step.classesOf(path) : [];
  }
  metaDoc(path: string): MetaDoc | null {
    return this.core.has(path) ? this.q.step.metaDoc(path) : null;
  }
  pyClasses(path: string): PyClass[] | null {
    return this.core.has(path) ? this.q.step.pyClasses(path) : null;
  }
  /** The binding file item that registers a module id (the first in path order), null when none does. */
  bindingOf(id: string): { file: string; item: BindingItem } | null {
    const ids = this.q.step.boundIdsQ('');
    const at = Object.hasOwn(ids, id) ? ids[id] : undefined;
    const item = at ? this.q.step.bindingDoc(at.file)?.items.find((i) => i.moduleId?.value === id) : undefined;
    return at && item ? { file: at.file, item } : null;
  }
  wsDirOf(path: string): string | null {
    return this.q.step.wsDirOf(path);
  }
  /** The tool that loads a file, as messages name it ('' for a file no member read). */
  toolOf(path: string): string {
    return this.q.step.toolOf(path) ?? '';
  }

  /** What the step model adds to the summary: its registry sources and modules, entries, and workspaces. */
  counts(): { sources: number; entries: number; workspaces: number } {
    const m = this.model;
    return {
      sources: m.coreSources.size + m.workspaces.size + m.modules.size,
      entries: m.entryCount(),
      workspaces: m.workspaces.size,
    };
  }

  contextOf(path: string): ContextId {
    const dir = this.wsDirOf(path);
    return (dir && this.contextIdOf(dir)) ?? CORE;
  }

  /**
   * The context id of a workspace directory (`id@dir` for a later one repeating an id, RL015); null outside every
   * workspace.
   */
  contextIdOf(dir: string): ContextId | null {
    return contextIdOf(this.model, dir);
  }

  /** Workspace directory of a context id; null for core or unknown ids. */
  dirOfContext(context: ContextId | undefined): string | null {
    if (!context || context === CORE) return null;
    const at = context.indexOf('@');
    if (at > 0) {
      const dir = context.slice(at + 1);
      return this.model.workspace(dir)?.id === context.slice(0, at) ? dir : null;
    }
    return this.model.dirOfContext(context);
  }

  contextInfos(): ContextInfo[] {
    const core: ContextInfo = {
      id: CORE,
      dir: null,
      file: this.model.coreFile(),
      localSteps: this.model.core.size,
      overrides: 0,
    };
    return [
      core,
      ...this.model.sortedWorkspaces().map((w) => ({
        id: this.contextIdOf(w.dir) ?? w.id,
        dir: w.dir,
        file: w.source.file,
        localSteps: w.local.size,
        overrides: w.overrides.size,
      })),
    ];
  }

  stepNames(context?: ContextId, mode?: ResolutionMode): string[] {
    return resolvableNames(this.model, this.dirOfContext(context), mode ?? this.stepSettings.mode);
  }
}
