// Where cursus finds a developer workspace's files (registry/hybrid/manager.py:217-223, the registry;
// registry/hybrid/setup.py:145-149, the steps), and the modules a workspace's code imports the base classes
// from (absolute: the workspace is outside the package). The step model reads them through its member
// interface (`StepParts.tool`, `StepParts.workspace`), never from here.
import type { WorkspacePaths } from '../../../model/entries/workspaceDirs';

/** The tool, as the step model's messages name it. */
export const TOOL = 'cursus';
/** The package of a workspace's code, which new workspaces lay out (workspaceTemplates.ts). */
export const WS_PACKAGE = 'src/cursus_dev';
export const WS_REGISTRY_SUFFIX = `${WS_PACKAGE}/registry/workspace_registry.py`;
export const WS_STEPS_DIR = `${WS_PACKAGE}/steps`;

export const CURSUS_WORKSPACE: WorkspacePaths = {
  steps: WS_STEPS_DIR,
  imports: {
    StepBuilderBase: 'cursus.core.base.builder_base',
    BasePipelineConfig: 'cursus.core.base.config_base',
  },
};
