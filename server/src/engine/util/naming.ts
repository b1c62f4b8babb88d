// cursus naming conventions: step name → snake_case file stem, and the component file/class names
// that the "Create …" quick fixes and new workspaces generate.

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
