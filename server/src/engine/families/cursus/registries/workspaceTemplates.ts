// New developer workspaces, written as the cursus in the repository writes them: the files of its
// `cursus registry init-workspace` (cli/registry_cli.py: _create_workspace_structure,
// _create_workspace_registry, _create_workspace_documentation, _create_example_implementations),
// byte for byte, in the version the repository's own files point to (`cursusRelease`); or a copy of
// another workspace's package with its id replaced (hybrid/setup.py copy_registry_from_developer).
// The `hybrid/setup.py` registry templates are a Python API no cursus command calls; init-workspace
// writes registry_cli.py's. Pure: it returns the directories and files to create; the front end
// writes them and never overwrites a file.
//
// Layouts: `builders` is cursus 1.x (steps/{builders,configs,contracts,scripts,specs}); `interfaces`
// is cursus 2.x (steps/{interfaces,configs,scripts}: builders are synthesized from a step's
// `.step.yaml`). As in cursus, the standard and advanced templates register example steps whose
// components are left for the developer to write (check reports them missing until then, as cursus's
// step catalog finds no builder for them).

import type { Scaffold } from '../../../analysis/scaffolding';
import { WS_PACKAGE as PKG, WS_REGISTRY_SUFFIX as REGISTRY, WS_STEPS_DIR } from './workspacePaths';

export type WorkspaceTemplateName = 'minimal' | 'standard' | 'advanced';
export const WORKSPACE_TEMPLATES: readonly WorkspaceTemplateName[] = ['minimal', 'standard', 'advanced'];
export type WorkspaceLayout = 'builders' | 'interfaces';
export const WORKSPACE_LAYOUTS: readonly WorkspaceLayout[] = ['builders', 'interfaces'];

export interface ScaffoldOptions {
  id: string;
  template: WorkspaceTemplateName;
  layout: WorkspaceLayout;
  /** Root-relative directory whose subdirectories are workspaces (`developer_workspaces/developers`). */
  workspacesRoot: string;
  /** The core registry's files (root-relative): which 1.x release the repository is (`cursusRelease`). */
  coreFiles: readonly string[];
  /** Another workspace to copy: its id and its files under `src/cursus_dev/` (paths relative to that directory). */
  copyFrom?: { id: string; files: { path: string; text: string }[] };
}

/**
 * The `registry_cli.py` whose files a new workspace gets: 2.x (interface-first, 2.5.0 on) for the
 * `interfaces` layout; for `builders`, 1.8–1.x (its README says `cursus registry …`) when the core
 * registry is `step_names.yaml`, which came with that wording (commit f4826861), else 1.x up to
 * 1.7.1 (`python -m cursus.cli.registry …`, the release/1.x branch, whose core is step_names.py).
 */
export type CursusRelease = '1.7' | '1.8' | '2.x';
export function cursusRelease(layout: WorkspaceLayout, coreFiles: readonly string[]): CursusRelease {
  if (layout === 'interfaces') return '2.x';
  return coreFiles.some((f) => f === 'step_names.yaml' || f.endsWith('/step_names.yaml')) ? '1.8' : '1.7';
}

const VALID_ID = /^[\w-]+$/;
const INIT = '"""Package initialization."""\n';

/**
 * Why a request for a new workspace cannot be laid out, or null: the id (cursus's rule: letters, digits,
 * `_`, `-`), the template and the layout. Every front end asks through `RegistryEngine.scaffoldWorkspace`,
 * so the CLI and the server refuse alike; values are checked as given (a client's request is untrusted JSON).
 */
export function workspaceRequestProblem(o: { id: unknown; template: unknown; layout?: unknown }): string | null {
  if (typeof o.id !== 'string' || !VALID_ID.test(o.id))
    return `Invalid workspace id ${quote(o.id)}: use only letters, digits, '_' and '-'`;
  if (!WORKSPACE_TEMPLATES.some((t) => t === o.template))
    return `Unknown template ${quote(o.template)}: use one of ${WORKSPACE_TEMPLATES.join(', ')}`;
  if (o.layout !== undefined && !WORKSPACE_LAYOUTS.some((l) => l === o.layout))
    return `Unknown layout ${quote(o.layout)}: use one of ${WORKSPACE_LAYOUTS.join(', ')}`;
  return null;
}

function quote(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return `'${s.length > 100 ? `${s.slice(0, 100)}…` : s}'`;
}

export function scaffoldWorkspace(o: ScaffoldOptions): Scaffold {
  const dir = `${o.workspacesRoot.replace(/(?<!\/)\/+$/, '')}/${o.id}`;
  const release = cursusRelease(o.layout, o.coreFiles);
  // _create_workspace_structure: every directory under src/cursus_dev gets an __init__.py.
  const stepDirs =
    release === '2.x' ? ['interfaces', 'configs', 'scripts'] : ['builders', 'configs', 'contracts', 'scripts', 'specs'];
  const packages = [...stepDirs.map((d) => `${WS_STEPS_DIR}/${d}`), `${PKG}/registry`];
  const dirs = [...packages, 'test/unit', 'test/integration', 'validation_reports', 'examples', 'docs'].map(
    (d) => `${dir}/${d}`,
  );
  const files = new Map<string, string>();
  for (const p of packages) files.set(`${p}/__init__.py`, INIT);
  files.set(REGISTRY, REGISTRY_TEMPLATES[o.template](o.id));
  if (o.copyFrom) {
    for (const f of o.copyFrom.files)
      files.set(
        `${PKG}/${f.path}`,
        f.path === 'registry/workspace_registry.py' ? renameId(f.text, o.copyFrom.id, o.id) : f.text,
      );
  }
  files.set(
    'README.md',
    readme(o.id, `${dir}/${REGISTRY}`, release === '1.7' ? 'python -m cursus.cli.registry' : 'cursus registry'),
  );
  files.set('examples/example_custom_step_config.py', exampleConfig(o.id));
  return { dir, dirs, files: [...files].map(([f, text]) => ({ file: `${dir}/${f}`, text })) };
}

/**
 * cursus's copy (hybrid/setup.py copy_registry_from_developer): the source id, quoted or after `developer_id: `,
 * becomes the new id.
 */
function renameId(text: string, from: string, to: string): string {
  return text
    .split(`"${from}"`)
    .join(`"${to}"`)
    .split(`'${from}'`)
    .join(`'${to}'`)
    .split(`developer_id: ${from}`)
    .join(`developer_id: ${to}`);
}

// The templates below are registry_cli.py's f-strings (the same in 1.7.1, 1.10.0 and 2.x but for the
// README's command), with `{workspace_id}` as `${id}` and `{{`/`}}` as braces.

const REGISTRY_TEMPLATES: Readonly<Record<WorkspaceTemplateName, (id: string) => string>> = {
  minimal: (id) => `"""
Minimal workspace registry for ${id}.
"""

# Workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "${id}",
    "template": "minimal",
    "description": "Minimal workspace registry for ${id}"
}

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {
    # Add your custom steps here
    # Example:
    # "MyCustomStep": {
    #     "config_class": "MyCustomStepConfig",
    #     "builder_step_name": "MyCustomStepBuilder",
    #     "spec_type": "MyCustomStep",
    #     "sagemaker_step_type": "Processing",
    #     "description": "My custom processing step"
    # }
}

# Step overrides (override core steps with custom implementations)
STEP_OVERRIDES = {
    # Add step overrides here if needed
    # Example:
    # "XGBoostTraining": {
    #     "config_class": "CustomXGBoostTrainingConfig",
    #     "builder_step_name": "CustomXGBoostTrainingStepBuilder",
    #     "spec_type": "CustomXGBoostTraining",
    #     "sagemaker_step_type": "Training",
    #     "description": "Custom XGBoost training with enhanced features"
    # }
}
`,
  advanced: (id) => `"""
Advanced workspace registry for ${id}.
"""

# Workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "${id}",
    "template": "advanced",
    "description": "Advanced workspace registry for ${id}",
    "version": "1.0.0",
    "frameworks": ["pytorch", "xgboost", "sklearn"],
    "environment_tags": ["development", "gpu"],
    "contact": "developer@company.com"
}

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {
    "CustomDataPreprocessing": {
        "config_class": "CustomDataPreprocessingConfig",
        "builder_step_name": "CustomDataPreprocessingStepBuilder",
        "spec_type": "CustomDataPreprocessing",
        "sagemaker_step_type": "Processing",
        "description": "Custom data preprocessing with advanced transformations",
        "framework": "pandas",
        "environment_tags": ["development"],
        "priority": 90,
        "conflict_resolution_strategy": "workspace_priority"
    },
    "AdvancedModelEvaluation": {
        "config_class": "AdvancedModelEvaluationConfig",
        "builder_step_name": "AdvancedModelEvaluationStepBuilder",
        "spec_type": "AdvancedModelEvaluation",
        "sagemaker_step_type": "Processing",
        "description": "Advanced model evaluation with custom metrics",
        "framework": "sklearn",
        "environment_tags": ["development", "gpu"],
        "priority": 85,
        "conflict_resolution_strategy": "framework_match"
    }
}

# Step overrides (override core steps with custom implementations)
STEP_OVERRIDES = {
    # Example: Override XGBoost training with custom implementation
    # "XGBoostTraining": {
    #     "config_class": "EnhancedXGBoostTrainingConfig",
    #     "builder_step_name": "EnhancedXGBoostTrainingStepBuilder",
    #     "spec_type": "EnhancedXGBoostTraining",
    #     "sagemaker_step_type": "Training",
    #     "description": "Enhanced XGBoost training with hyperparameter optimization",
    #     "framework": "xgboost",
    #     "environment_tags": ["production", "gpu"],
    #     "priority": 75,
    #     "conflict_resolution_strategy": "workspace_priority"
    # }
}
`,
  standard: (id) => `"""
Standard workspace registry for ${id}.
"""

# Workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "${id}",
    "template": "standard",
    "description": "Standard workspace registry for ${id}",
    "version": "1.0.0"
}

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {
    "CustomProcessingStep": {
        "config_class": "CustomProcessingStepConfig",
        "builder_step_name": "CustomProcessingStepBuilder",
        "spec_type": "CustomProcessingStep",
        "sagemaker_step_type": "Processing",
        "description": "Custom processing step for ${id}",
        "framework": "pandas",
        "priority": 90
    }
}

# Step overrides (override core steps with custom implementations)
STEP_OVERRIDES = {
    # Add step overrides here if needed
}
`,
};

/**
 * _create_workspace_documentation: `registryFile` is the registry's path from the root (cursus: from the working
 * directory).
 */
function readme(id: string, registryFile: string, cli: string): string {
  return `# Developer Workspace: ${id}

This workspace contains custom step implementations for developer ${id}.

## Quick Start

### 1. Set Workspace Context
\`\`\`bash
export CURSUS_WORKSPACE_ID=${id}
\`\`\`

### 2. Add Custom Steps
Edit \`${registryFile}\` to define your custom steps.

### 3. Implement Step Components
Create the corresponding implementation files in \`src/cursus_dev/steps/\`.

### 4. Test Your Implementation
\`\`\`python
from ..registry import set_workspace_context, get_config_class_name

set_workspace_context("${id}")
config_class = get_config_class_name("MyCustomStep")  # Uses your local registry
\`\`\`

## CLI Commands

\`\`\`bash
# List steps in this workspace
${cli} list-steps --workspace ${id}

# Validate registry
${cli} validate-registry --workspace ${id}

# Check for conflicts
${cli} validate-registry --workspace ${id} --check-conflicts
\`\`\`

## Support

For questions or issues, validate your setup:
\`\`\`bash
${cli} validate-registry --workspace ${id}
\`\`\`
`;
}

/** _create_example_implementations (its blank lines inside the class keep their four spaces). */
function exampleConfig(id: string): string {
  return `"""
Example custom step configuration for ${id} workspace.
"""
from ...core.base.config_base import BasePipelineConfig
from pydantic import Field, ConfigDict
from typing import Optional

class ExampleCustomStepConfig(BasePipelineConfig):
    """Example configuration for custom processing step."""
    
    # Custom parameters
    custom_parameter: str = Field(..., description="Custom processing parameter")
    optional_setting: Optional[bool] = Field(default=True, description="Optional setting")
    
    # Workspace identification
    workspace_id: str = Field(default="${id}", description="Workspace identifier")
    
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
    )
`;
}
