// The step model of one engine: its reading of the per-file facts (files.ts), the scan of modules and the rules of
// discovery (the member that brings them: member.ts `modules`, `discovery`), the registry model
// (entries/queries.ts), what names resolve to (resolution.ts) and the other stages of the discovery pipeline (the
// member's `stages`), built once per database in the order they depend on each other (each reads only those built
// before it), with the context cross-file checks read.
import { perDatabase } from '../db/database';
import type { FileQueries } from '../analysis/files';
import { assumedFramework } from '../analysis/frameworkPins';
import { StepFiles } from './files';
import type { DiscoveryRules, DiscoveryStages, ModuleStage } from './member';
import { ModelQueries } from './entries/queries';
import { ResolutionQueries } from './resolution';
import type { CheckContext } from './checks/registry';

const NONE = '';

export class StepQueries {
  readonly step: StepFiles;
  readonly scan: ModuleStage;
  readonly discovery: DiscoveryRules;
  readonly model: ModelQueries;
  readonly resolution: ResolutionQueries;
  readonly pipeline: DiscoveryStages;
  readonly context: CheckContext;

  constructor(readonly files: FileQueries) {
    const f = files;
    const s = (this.step = new StepFiles(files));
    const { modules: stage, discovery, stages } = s.members.find((m) => m.step.modules)?.step ?? {};
    if (!stage || !discovery || !stages)
      throw new Error('The step model needs the member that scans modules (families/index.ts)');
    this.discovery = discovery;
    const scan = (this.scan = stage(f, {
      metaFiles: () => s.metaFiles(),
      moduleCandidates: () => s.moduleCandidates(),
      idMapFiles: () => s.idMapFiles(),
    }));
    const model = (this.model = new ModelQueries(f.db, { files: s, modules: scan.modulesQ }));
    const resolution = (this.resolution = new ResolutionQueries(f.db, { settings: () => f.settings(), model }));
    this.pipeline = stages(f.db, {
      settings: () => f.settings(),
      layers: (wsDir) => resolution.layers(wsDir),
      resolved: (wsDir, name) => resolution.resolved(wsDir, name),
      scan,
      rules: discovery,
      model,
      exists: (p) => f.exists(p),
      heldPath: (p) => f.heldPath(p),
      metaDoc: (p) => s.metaDoc(p),
      boundId: (id) => {
        const ids = s.boundIdsQ(NONE);
        return Object.hasOwn(ids, id) ? (ids[id] ?? null) : null;
      },
      pyClasses: (p) => s.pyClasses(p),
      jsModule: (p) => s.jsModule(p),
      wsDirOf: (p) => s.wsDirOf(p),
      metaFiles: () => s.metaFiles(),
      contextDirs: () => model.contextDirsQ(NONE),
      framework: (b) => assumedFramework(f, b),
    });
    this.context = {
      model,
      settings: () => f.settings(),
      source: (p) => s.source(p),
      metaDoc: (p) => s.metaDoc(p),
      classesOf: (p) => s.classesOf(p),
      exists: (p) => f.exists(p),
      metaFiles: () => s.metaFiles(),
    };
  }
}

const group = perDatabase<StepQueries>();

/** The step model of the engine these file queries belong to (built on first use). */
export function stepQueries(files: FileQueries): StepQueries {
  return group(files.db, () => new StepQueries(files));
}
