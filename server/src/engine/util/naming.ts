// cursus naming conventions: step name → snake_case file stem, and the component file/class names
// that the "Create … stub" quick fixes generate.

const ACRONYMS: [RegExp, string][] = [[/XGBoost/g, 'Xgboost'], [/PyTorch/g, 'Pytorch'], [/LightGBM/g, 'Lightgbm']];

export function snakeCase(name: string): string {
  let s = name;
  for (const [re, rep] of ACRONYMS) s = s.replace(re, rep);
  return s
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}

export function builderFileName(step: string): string { return `builder_${snakeCase(step)}_step.py`; }
export function configFileName(step: string): string { return `config_${snakeCase(step)}_step.py`; }

export function builderStub(step: string, cls: string, configCls: string | null): string {
  const cfg = configCls ?? `${step}Config`;
  return `"""Step builder for ${step}."""\n\nfrom ...core.base.builder_base import StepBuilderBase\n\n\n`
    + `class ${cls}(StepBuilderBase):\n    """Builds the SageMaker step for ${step} from a ${cfg}."""\n\n`
    + `    def create_step(self, **kwargs):\n        raise NotImplementedError("${cls}.create_step")\n`;
}

export function configStub(step: string, cls: string): string {
  return `"""Configuration for ${step}."""\n\nfrom ...core.base.config_base import BasePipelineConfig\n\n\n`
    + `class ${cls}(BasePipelineConfig):\n    """Configuration of the ${step} step."""\n`;
}
