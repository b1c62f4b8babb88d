// The texts of a new builder and config module in cursus's layout, which the "Create … stub" quick fixes
// write. The step model reads them through its member interface (`StepParts.stubs`), never from here.

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
