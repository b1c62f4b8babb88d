// cursus naming conventions: step name → snake_case file stem, and the component file/class names
// and the interface files that the "Create …" quick fixes and new workspaces generate.

const ACRONYMS: [RegExp, string][] = [
  [/XGBoost/g, 'Xgboost'],
  [/PyTorch/g, 'Pytorch'],
  [/LightGBM/g, 'Lightgbm'],
];

/**
 * cursus's `_camel_to_snake`: a run of capitals before a capitalised word is split (`XMLParser` →
 * `xml_parser`), then words. Each run is matched once, its follower tested after: the pattern
 * `/([A-Z]+)([A-Z][a-z])/g` it replaces gives the same result but backtracks through every run not followed
 * by a lower-case letter from each of its positions (quadratic in a name of capitals).
 */
export function snakeCase(name: string): string {
  let s = name;
  for (const [re, rep] of ACRONYMS) s = s.replace(re, rep);
  return s
    .replace(/[A-Z]+/g, (run: string, at: number) =>
      run.length > 1 && /[a-z]/.test(s.charAt(at + run.length)) ? `${run.slice(0, -1)}_${run.slice(-1)}` : run,
    )
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}

/**
 * cursus 2.x's `_step_name_to_filename()` (steps/interfaces/__init__.py): `XGBoostTraining` → `xgboost_training`, the
 * stem of its interface file.
 */
export function conventionalFileName(step: string): string {
  let s = step;
  for (const [a, b] of [
    ['PyTorch', 'Pytorch'],
    ['XGBoost', 'Xgboost'],
    ['LightGBMMT', 'Lightgbmmt'],
    ['LightGBM', 'Lightgbm'],
  ] as const)
    s = s.split(a).join(b);
  return s.replace(/(?!^)(?=[A-Z])/g, '_').toLowerCase();
}

export function builderFileName(step: string): string {
  return `builder_${snakeCase(step)}_step.py`;
}
export function configFileName(step: string): string {
  return `config_${snakeCase(step)}_step.py`;
}

export function builderStub(step: string, cls: string, configCls: string | null): string {
  const cfg = configCls ?? `${step}Config`;
  return (
    `"""Step builder for ${step}."""\n\nfrom ...core.base.builder_base import StepBuilderBase\n\n\n` +
    `class ${cls}(StepBuilderBase):\n    """Builds the SageMaker step for ${step} from a ${cfg}."""\n\n` +
    `    def create_step(self, **kwargs):\n        raise NotImplementedError("${cls}.create_step")\n`
  );
}

export function configStub(step: string, cls: string): string {
  return (
    `"""Configuration for ${step}."""\n\nfrom ...core.base.config_base import BasePipelineConfig\n\n\n` +
    `class ${cls}(BasePipelineConfig):\n    """Configuration of the ${step} step."""\n`
  );
}

/** What a cursus 2.x interface stub says of its step (its registry block). */
export interface InterfaceStubStep {
  name: string;
  sagemakerStepType: string;
  description: string;
  configClass?: string | null;
}

/**
 * A `<step>.step.yaml` in the shape of cursus's own interface files (`steps/interfaces/*.step.yaml`):
 * `step_type`, `node_type`, the `registry` block the table is derived from, and an empty `contract`
 * (the one section `StepInterface` requires) and `spec`. `config_class` only when it breaks the
 * `<Step>Config` convention (the loader derives it otherwise); no `builder_step_name`: the builder is
 * synthesized as `<Step>StepBuilder` whatever it says.
 */
export function interfaceStub(s: InterfaceStubStep): string {
  const config =
    s.configClass && s.configClass !== `${s.name}Config` ? `  config_class: ${yamlScalar(s.configClass)}\n` : '';
  return (
    `step_type: ${yamlScalar(s.name)}\n` +
    'node_type: internal\n' +
    'registry:\n' +
    `  sagemaker_step_type: ${yamlScalar(s.sagemakerStepType)}\n` +
    `  description: ${yamlScalar(s.description)}\n` +
    `${config}` +
    'contract:\n' +
    `  entry_point: ${conventionalFileName(s.name)}.py\n` +
    '  inputs: {}\n' +
    '  outputs: {}\n' +
    '  arguments: {}\n' +
    'spec:\n' +
    '  dependencies: {}\n' +
    '  outputs: {}\n'
  );
}

/** A string as a YAML plain scalar when it reads back as itself, else double-quoted (a JSON string is one). */
function yamlScalar(v: string): string {
  return /^[A-Za-z_][\w .,()/+-]*$/.test(v) && !/[ ]$/.test(v) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(v)
    ? v
    : JSON.stringify(v);
}
