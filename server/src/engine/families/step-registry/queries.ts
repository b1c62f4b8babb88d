// The step model of one engine: its reading of the per-file facts (files.ts), the registry model
// (model/queries.ts) and the discovery pipeline (pipeline/queries.ts), wired to each other once per
// database, with the context cross-file checks read. The model's apcore modules are the pipeline's,
// and the pipeline reads the model: the two groups are built here together, nowhere else.
import { perDatabase } from '../../db/database';
import type { FileQueries } from '../../analysis/files';
import { StepFiles } from './files';
import { ModelQueries } from './model/queries';
import { PipelineQueries } from './pipeline/queries';
import type { CheckContext } from './checks/registry';

const NONE = '';

export class StepQueries {
  readonly step: StepFiles;
  readonly model: ModelQueries;
  readonly pipeline: PipelineQueries;
  readonly context: CheckContext;

  constructor(readonly files: FileQueries) {
    const f = files;
    const s = this.step = new StepFiles(files);
    this.model = new ModelQueries(f.db, { files: s, modules: () => this.pipeline.modulesQ(NONE) });
    this.pipeline = new PipelineQueries(f.db, {
      settings: () => f.settings(),
      model: this.model,
      exists: (p) => f.exists(p),
      heldPath: (p) => f.heldPath(p),
      metaDoc: (p) => s.metaDoc(p),
      pyClasses: (p) => s.pyClasses(p),
      jsModule: (p) => s.jsModule(p),
      wsDirOf: (p) => s.wsDirOf(p),
      metaFiles: () => s.metaFiles(),
      contextDirs: () => this.model.contextDirsQ(NONE),
      moduleCandidates: () => s.moduleCandidates(),
      apcoreConfig: () => s.apcoreConfigQ(NONE),
      idMapDoc: () => s.idMapDocQ(NONE),
      links: () => f.links(),
    });
    this.context = {
      model: this.model,
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
