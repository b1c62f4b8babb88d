// cursus's hook for new developer workspaces (analysis/scaffolding.ts): the request checked as cursus's
// init-workspace checks it, the id unused by any workspace, the workspaces root and the layout read from
// the step model, then the files of workspaceTemplates.ts.
import type { FamilyQueries } from '../../../analysis/family';
import type { WorkspaceScaffolding } from '../../../analysis/scaffolding';
import { CORE } from '../../../types';
import { stepQueries } from '../../../model/queries';
import { STEP_SETTINGS } from '../../../model/settings';
import {
  scaffoldWorkspace,
  WORKSPACE_TEMPLATES,
  workspaceRequestProblem,
  type WorkspaceLayout,
  type WorkspaceTemplateName,
} from './workspaceTemplates';
import { WS_PACKAGE, WS_STEPS_DIR } from './workspacePaths';

/**
 * The layout new workspaces follow: cursus 1.x `builders` when core keeps builders (or there is no core), else 2.x
 * `interfaces`.
 */
function layout(q: FamilyQueries): WorkspaceLayout {
  const model = stepQueries(q.files).model;
  return model.coreSources.size === 0 || model.searchedDirs(null, 'builder').length > 0 ? 'builders' : 'interfaces';
}

export const CURSUS_SCAFFOLDING: WorkspaceScaffolding<WorkspaceTemplateName, WorkspaceLayout> = {
  templates: WORKSPACE_TEMPLATES,
  code: WS_PACKAGE,
  components: WS_STEPS_DIR,
  layout,
  scaffold(o, q) {
    const problem = workspaceRequestProblem(o);
    if (problem) return { error: problem };
    const model = stepQueries(q.files).model;
    // An id names no context but its workspace's (a valid id holds no '@').
    const used = o.id === CORE ? null : model.dirOfContext(o.id);
    if (used !== null) return { error: `Workspace id '${o.id}' is already used by ${used}` };
    const workspacesRoot =
      o.workspacesRoot ?? STEP_SETTINGS.of(q.files.settings()).workspacesRoots[0] ?? 'developer_workspaces/developers';
    return scaffoldWorkspace({
      ...o,
      layout: o.layout ?? layout(q),
      workspacesRoot,
      coreFiles: [...model.coreSources.keys()],
    });
  },
};
