// The step model as the engine opens it (modelView.ts): its codes, an embedder's cross-file checks run
// on its check context, and its answers on a workspace (contexts, names, graphs, renames, fixes, and the
// editor features a file's family leaves to it).
import type { SharedModel } from './modelView';
import type { CrossFileCheck } from './checks/registry';
import { STEP_CODES } from './codes';
import { stepQueries } from './queries';
import { StepWorkspace } from './stepWorkspace';
import * as features from './features';
import { EDGE_SOURCES } from './features/graph';
import { listColumns } from './files';

export const STEP_MODEL: SharedModel<CrossFileCheck> = {
  codes: STEP_CODES,
  edgeSources: EDGE_SOURCES,
  // Cross-file checks read the step model's check context; each runs as a unit of its own.
  unitCheck: (c) => ({ name: c.name, run: (q) => c.run(stepQueries(q.files).context) }),
  listColumns,
  open(core) {
    const ws = new StepWorkspace(core);
    return {
      features: features.modelFeatures(ws),
      resolutionMode: () => ws.stepSettings.mode,
      counts: () => ws.counts(),
      contexts: () => ws.contextInfos(),
      contextOf: (file) => ws.contextOf(file),
      names: (context, mode) => ws.stepNames(context, mode),
      dirOfContext: (context) => ws.dirOfContext(context),
      dirOf: (file) => ws.wsDirOf(file),
      graph: (opts) => features.graph(ws, opts),
      fileGraph: (file) => features.fileGraph(ws, file),
      prepareRename: (file, pos) => features.prepareRename(ws, file, pos),
      rename: (file, pos, newName) => features.rename(ws, file, pos, newName),
      fixes: (file, range) => features.fixes(ws, file, range),
      fixAll: (file, code) => features.fixAll(ws, file, code),
      nameSites: (dispatch, name) => features.nameSites(ws, dispatch, name),
    };
  },
};
