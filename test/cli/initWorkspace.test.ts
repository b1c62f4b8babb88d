// `registry-lens init-workspace`: the files cursus's own `cursus registry init-workspace` writes, byte for
// byte, in the cursus release the repository is (1.x up to 1.7.1, 1.8–1.x, 2.x); what check says of the
// fresh workspace; a copy of another workspace; no existing file is ever overwritten.
//
// The expected texts are reduced copies of cursus's template source (the f-strings of
// src/cursus/cli/registry_cli.py, cursus main 6a2e2022 unless said otherwise), formatted as Python
// formats them: `{{`/`}}` are braces, `{workspace_id}` and `{registry_file}` are substituted.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanTree, removeTrees, runCli, runJson, writeTree, type Tree } from './helpers';

const DEV = 'developer_workspaces/developers';

/** Python's f-string formatting of cursus's templates. */
function fstring(src: string, values: Record<string, string>): string {
  return src.replace(/\{\{|\}\}|\{(\w+)\}/g, (m, name: string | undefined) =>
    name === undefined ? (m[0] as string) : (values[name] ?? m),
  );
}

// registry_cli.py:527-564 (identical in release/1.x 579df636 and 94cc73c2)
const MINIMAL = `"""
Minimal workspace registry for {workspace_id}.
"""

# Workspace metadata
WORKSPACE_METADATA = {{
    "developer_id": "{workspace_id}",
    "template": "minimal",
    "description": "Minimal workspace registry for {workspace_id}"
}}

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {{
    # Add your custom steps here
    # Example:
    # "MyCustomStep": {{
    #     "config_class": "MyCustomStepConfig",
    #     "builder_step_name": "MyCustomStepBuilder",
    #     "spec_type": "MyCustomStep",
    #     "sagemaker_step_type": "Processing",
    #     "description": "My custom processing step"
    # }}
}}

# Step overrides (override core steps with custom implementations)
STEP_OVERRIDES = {{
    # Add step overrides here if needed
    # Example:
    # "XGBoostTraining": {{
    #     "config_class": "CustomXGBoostTrainingConfig",
    #     "builder_step_name": "CustomXGBoostTrainingStepBuilder",
    #     "spec_type": "CustomXGBoostTraining",
    #     "sagemaker_step_type": "Training",
    #     "description": "Custom XGBoost training with enhanced features"
    # }}
}}
`;

// registry_cli.py:565-622
const ADVANCED = `"""
Advanced workspace registry for {workspace_id}.
"""

# Workspace metadata
WORKSPACE_METADATA = {{
    "developer_id": "{workspace_id}",
    "template": "advanced",
    "description": "Advanced workspace registry for {workspace_id}",
    "version": "1.0.0",
    "frameworks": ["pytorch", "xgboost", "sklearn"],
    "environment_tags": ["development", "gpu"],
    "contact": "developer@company.com"
}}

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {{
    "CustomDataPreprocessing": {{
        "config_class": "CustomDataPreprocessingConfig",
        "builder_step_name": "CustomDataPreprocessingStepBuilder",
        "spec_type": "CustomDataPreprocessing",
        "sagemaker_step_type": "Processing",
        "description": "Custom data preprocessing with advanced transformations",
        "framework": "pandas",
        "environment_tags": ["development"],
        "priority": 90,
        "conflict_resolution_strategy": "workspace_priority"
    }},
    "AdvancedModelEvaluation": {{
        "config_class": "AdvancedModelEvaluationConfig",
        "builder_step_name": "AdvancedModelEvaluationStepBuilder",
        "spec_type": "AdvancedModelEvaluation",
        "sagemaker_step_type": "Processing",
        "description": "Advanced model evaluation with custom metrics",
        "framework": "sklearn",
        "environment_tags": ["development", "gpu"],
        "priority": 85,
        "conflict_resolution_strategy": "framework_match"
    }}
}}

# Step overrides (override core steps with custom implementations)
STEP_OVERRIDES = {{
    # Example: Override XGBoost training with custom implementation
    # "XGBoostTraining": {{
    #     "config_class": "EnhancedXGBoostTrainingConfig",
    #     "builder_step_name": "EnhancedXGBoostTrainingStepBuilder",
    #     "spec_type": "EnhancedXGBoostTraining",
    #     "sagemaker_step_type": "Training",
    #     "description": "Enhanced XGBoost training with hyperparameter optimization",
    #     "framework": "xgboost",
    #     "environment_tags": ["production", "gpu"],
    #     "priority": 75,
    #     "conflict_resolution_strategy": "workspace_priority"
    # }}
}}
`;

// registry_cli.py:623-653: the standard template, whose LOCAL_STEPS holds an active CustomProcessingStep
const STANDARD = `"""
Standard workspace registry for {workspace_id}.
"""

# Workspace metadata
WORKSPACE_METADATA = {{
    "developer_id": "{workspace_id}",
    "template": "standard",
    "description": "Standard workspace registry for {workspace_id}",
    "version": "1.0.0"
}}

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {{
    "CustomProcessingStep": {{
        "config_class": "CustomProcessingStepConfig",
        "builder_step_name": "CustomProcessingStepBuilder",
        "spec_type": "CustomProcessingStep",
        "sagemaker_step_type": "Processing",
        "description": "Custom processing step for {workspace_id}",
        "framework": "pandas",
        "priority": 90
    }}
}}

# Step overrides (override core steps with custom implementations)
STEP_OVERRIDES = {{
    # Add step overrides here if needed
}}
`;

// registry_cli.py:664-708; the command is `cursus registry` there and in 94cc73c2 (its :692),
// `python -m cursus.cli.registry` in release/1.x 579df636 (its :695, :698, :701, :708)
const README = (cli: string): string => `# Developer Workspace: {workspace_id}

This workspace contains custom step implementations for developer {workspace_id}.

## Quick Start

### 1. Set Workspace Context
\`\`\`bash
export CURSUS_WORKSPACE_ID={workspace_id}
\`\`\`

### 2. Add Custom Steps
Edit \`{registry_file}\` to define your custom steps.

### 3. Implement Step Components
Create the corresponding implementation files in \`src/cursus_dev/steps/\`.

### 4. Test Your Implementation
\`\`\`python
from ..registry import set_workspace_context, get_config_class_name

set_workspace_context("{workspace_id}")
config_class = get_config_class_name("MyCustomStep")  # Uses your local registry
\`\`\`

## CLI Commands

\`\`\`bash
# List steps in this workspace
${cli} list-steps --workspace {workspace_id}

# Validate registry
${cli} validate-registry --workspace {workspace_id}

# Check for conflicts
${cli} validate-registry --workspace {workspace_id} --check-conflicts
\`\`\`

## Support

For questions or issues, validate your setup:
\`\`\`bash
${cli} validate-registry --workspace {workspace_id}
\`\`\`
`;

// registry_cli.py:723-744 (the blank lines in the class body are four spaces)
const EXAMPLE = `"""
Example custom step configuration for {workspace_id} workspace.
"""
from ...core.base.config_base import BasePipelineConfig
from pydantic import Field, ConfigDict
from typing import Optional

class ExampleCustomStepConfig(BasePipelineConfig):
    """Example configuration for custom processing step."""
${'    '}
    # Custom parameters
    custom_parameter: str = Field(..., description="Custom processing parameter")
    optional_setting: Optional[bool] = Field(default=True, description="Optional setting")
${'    '}
    # Workspace identification
    workspace_id: str = Field(default="{workspace_id}", description="Workspace identifier")
${'    '}
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
    )
`;

// _create_workspace_structure: registry_cli.py:499-509 (2.x), release/1.x :499-511 and 94cc73c2 :496-508 (builders)
const STEP_DIRS = {
  '2.x': ['interfaces', 'configs', 'scripts'],
  '1.x': ['builders', 'configs', 'contracts', 'scripts', 'specs'],
};
const OTHER_DIRS = ['test/unit', 'test/integration', 'validation_reports', 'examples', 'docs'];

/** Every directory and file under `dir` (root-relative to it), files with their text. */
function readTree(dir: string): { dirs: string[]; files: Record<string, string> } {
  const dirs: string[] = [];
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (statSync(join(dir, r)).isDirectory()) {
        dirs.push(r);
        walk(r);
      } else files[r] = readFileSync(join(dir, r), 'utf8');
    }
  };
  walk('');
  return { dirs: dirs.sort(), files };
}

/** What cursus's init-workspace of that release writes for `id` (workspace path `DEV/id`). */
function cursusWrites(
  id: string,
  template: 'minimal' | 'standard' | 'advanced',
  layout: '1.x' | '2.x',
  cli: string,
): { dirs: string[]; files: Record<string, string> } {
  const values = { workspace_id: id, registry_file: `${DEV}/${id}/src/cursus_dev/registry/workspace_registry.py` };
  const packages = [...STEP_DIRS[layout].map((d) => `src/cursus_dev/steps/${d}`), 'src/cursus_dev/registry'];
  const files: Record<string, string> = {};
  for (const p of packages) files[`${p}/__init__.py`] = '"""Package initialization."""\n';
  files['src/cursus_dev/registry/workspace_registry.py'] = fstring(
    { minimal: MINIMAL, standard: STANDARD, advanced: ADVANCED }[template],
    values,
  );
  files['README.md'] = fstring(README(cli), values);
  files['examples/example_custom_step_config.py'] = fstring(EXAMPLE, values);
  const dirs = new Set<string>();
  for (const d of [...packages, ...OTHER_DIRS])
    d.split('/').forEach((_, i, parts) => dirs.add(parts.slice(0, i + 1).join('/')));
  return { dirs: [...dirs].sort(), files };
}

function findings(root: string): string[] {
  const r = runJson(['check', root, '--format', 'json', '--fail-on', 'never']);
  return (r.json.diagnostics as { file: string; code: string; message: string }[])
    .map((d) => `${d.file} ${d.code} ${d.message}`)
    .sort();
}

/** A cursus 2.x core: STEP_NAMES plus interface files and configs, no builders directory. */
function interfaceTree(): Tree {
  return {
    'src/cursus/registry/step_names.py':
      'STEP_NAMES = {\n    "TabularPreprocessing": {"config_class": "TabularPreprocessingConfig", "spec_type": "TabularPreprocessing", "sagemaker_step_type": "Processing", "description": "t"},\n}\n',
    'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml':
      'step_type: TabularPreprocessing\nregistry:\n  sagemaker_step_type: Processing\n  description: t\n',
    'src/cursus/steps/configs/config_tabular_preprocessing_step.py': 'class TabularPreprocessingConfig:\n    pass\n',
  };
}

/** A cursus 1.8–1.x core: the YAML registry (94cc73c2's src/cursus/registry/step_names.yaml, reduced) beside the builders. */
function yamlCoreTree(): Tree {
  return {
    ...cleanTree(),
    'src/cursus/registry/step_names.yaml':
      'step_names:\n  TabularPreprocessing:\n    config_class: TabularPreprocessingConfig\n    builder_step_name: TabularPreprocessingStepBuilder\n    spec_type: TabularPreprocessing\n    sagemaker_step_type: Processing\n    description: t\n',
  };
}

const RELEASES = [
  {
    name: '1.x up to 1.7.1 (core step_names.py)',
    tree: cleanTree,
    layout: '1.x',
    cli: 'python -m cursus.cli.registry',
  },
  { name: '1.8–1.x (core step_names.yaml)', tree: yamlCoreTree, layout: '1.x', cli: 'cursus registry' },
  { name: '2.x (interface files, no core builders)', tree: interfaceTree, layout: '2.x', cli: 'cursus registry' },
] as const;

describe('cli init-workspace', () => {
  after(removeTrees);

  for (const rel of RELEASES) {
    for (const template of ['minimal', 'standard', 'advanced'] as const) {
      it(`${rel.name}, ${template}: exactly the directories and files cursus's init-workspace writes`, () => {
        const root = writeTree(rel.tree());
        const r = runCli(['init-workspace', 'carol', '--root', root, '--template', template]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, rel.layout === '2.x' ? /interfaces layout/ : /builders layout/);
        assert.deepEqual(readTree(join(root, DEV, 'carol')), cursusWrites('carol', template, rel.layout, rel.cli));
      });
    }
  }

  it("what check says of the fresh workspace: nothing for minimal; the template steps' missing components, as cursus finds no builder for them", () => {
    // cursus's step catalog finds no builder for a registered step without one (1.x
    // step_catalog/step_catalog.py:590 in 94cc73c2; 2.x builder_discovery.py:248, nothing to synthesize
    // without a .step.yaml), and compiling a pipeline with it fails (core/compiler/dynamic_template.py:266-271).
    const root = writeTree(cleanTree());
    const before = findings(root);
    assert.equal(runCli(['init-workspace', 'min', '--root', root, '--template', 'minimal']).code, 0);
    assert.deepEqual(findings(root), before);
    const std = runCli(['init-workspace', 'std', '--root', root, '--template', 'standard']);
    assert.match(
      std.stdout,
      /Next: write its steps' components under developer_workspaces\/developers\/std\/src\/cursus_dev\/steps\//,
    );
    const added = findings(root)
      .filter((f) => !before.includes(f))
      .map((f) => f.split(' ').slice(0, 2).join(' ') + ` ${/step '(\w+)'/.exec(f)?.[1] ?? ''}`);
    const reg = `${DEV}/std/src/cursus_dev/registry/workspace_registry.py`;
    assert.deepEqual(added, [`${reg} RL005 CustomProcessingStep`, `${reg} RL006 CustomProcessingStep`]);
    const list = runCli(['list', '--root', root, '--workspace', 'std']);
    assert.match(list.stdout, /CustomProcessingStep/);
  });

  it('--layout overrides the guess', () => {
    const root = writeTree(interfaceTree());
    assert.equal(
      runCli(['init-workspace', 'erin', '--root', root, '--layout', 'builders', '--template', 'minimal']).code,
      0,
    );
    assert.deepEqual(
      readTree(join(root, DEV, 'erin')),
      cursusWrites('erin', 'minimal', '1.x', 'python -m cursus.cli.registry'),
    );
  });

  it('never overwrites a file, refuses a used or invalid id, and copies another workspace with its id replaced', () => {
    const root = writeTree(cleanTree());
    mkdirSync(join(root, DEV, 'fay'), { recursive: true });
    writeFileSync(join(root, DEV, 'fay/README.md'), 'mine\n');
    const r = runCli(['init-workspace', 'fay', '--root', root, '--template', 'minimal']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /kept {4}developer_workspaces\/developers\/fay\/README\.md/);
    assert.equal(readFileSync(join(root, DEV, 'fay/README.md'), 'utf8'), 'mine\n');
    const again = runCli(['init-workspace', 'fay', '--root', root]);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /already used/);
    assert.equal(runCli(['init-workspace', 'no good', '--root', root]).code, 1);
    assert.equal(runCli(['init-workspace', 'x', '--root', root, '--template', 'huge']).code, 2);

    const copy = runCli(['init-workspace', 'gus', '--root', root, '--copy-from', 'alice']);
    assert.equal(copy.code, 0, copy.stdout);
    const reg = readFileSync(join(root, DEV, 'gus/src/cursus_dev/registry/workspace_registry.py'), 'utf8');
    assert.match(reg, /"developer_id": "gus"/);
    assert.match(reg, /"FeatureJoin"/);
    assert.equal(
      readFileSync(join(root, DEV, 'gus/examples/example_custom_step_config.py'), 'utf8'),
      fstring(EXAMPLE, { workspace_id: 'gus' }),
    );
    // the copy's local step is also alice's: the one finding is that true RL002 (and its twin in alice)
    assert.deepEqual([...new Set(findings(root).map((f) => f.split(' ')[1]))], ['RL002']);
    assert.equal(runCli(['init-workspace', 'hal', '--root', root, '--copy-from', 'nobody']).code, 1);
  });

  it('an id too long for a file name (300 characters) writes nothing and says why (R35)', () => {
    const root = writeTree(cleanTree());
    const r = runCli(['init-workspace', 'w'.repeat(300), '--root', root, '--template', 'minimal']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /nothing written: the name "w{40}…" is 300 bytes long; a file name may have at most 255/);
    assert.doesNotMatch(r.stderr, /internal error/);
    assert.deepEqual(
      readdirSync(join(root, DEV)).filter((n) => n.startsWith('www')),
      [],
    );
  });
});
