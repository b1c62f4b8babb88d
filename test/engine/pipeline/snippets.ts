// Inline-fixture building blocks shared by the pipeline tests: a core registry whose steps have
// builder and config modules (so companions bind by class), and an apcore module class.
import { strict as assert } from 'node:assert';
import type { RegistryEngine } from '../../../server/src/engine/engine';
import { show } from '../helpers';

const STEPS = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const snake = (n: string): string => n.toLowerCase();

/** Core STEP_NAMES with `names`, plus their builder and config modules. */
export function cursus(names: string[] = STEPS): string {
  const entries = names.map(
    (n) =>
      `    "${n}": {"config_class": "${n}Config", "builder_step_name": "${n}StepBuilder", "spec_type": "${n}", "sagemaker_step_type": "Processing", "description": "${n} step"},`,
  );
  const files = names.flatMap((n) => [
    `//- /src/cursus/steps/builders/builder_${snake(n)}_step.py`,
    `class ${n}StepBuilder:`,
    '    pass',
    `//- /src/cursus/steps/configs/config_${snake(n)}_step.py`,
    `class ${n}Config:`,
    '    pass',
  ]);
  return ['//- /src/cursus/registry/step_names.py', 'STEP_NAMES = {', ...entries, '}', ...files].join('\n');
}

/** Path of the companion beside a core step's builder. */
export const metaOf = (step: string): string => `/src/cursus/steps/builders/builder_${snake(step)}_step_meta.yaml`;

/**
 * A Python module class that stage 4 detects and apcore's validate_module accepts (input_schema,
 * output_schema, a `description` attribute, execute), for a fixture indented by `indent` (the lines
 * after the first carry it, so the fixture's dedent keeps them aligned). An empty `description` leaves
 * the attribute out.
 */
export function moduleClass(name: string, description = `${name} module.`, indent = 6): string {
  const body = [
    `class ${name}:`,
    ...(description ? [`    description = "${description}"`] : []),
    '    input_schema = In',
    '    output_schema = Out',
    '    def execute(self, inputs, context):',
    '        return None',
  ];
  return body.join(`\n${' '.repeat(indent)}`);
}

/** Asserts one diagnostic with this code at exactly this file and range (for zero-width ranges annotations cannot draw). */
export function assertAt(engine: RegistryEngine, file: string, range: string, code: string, words = ''): void {
  const hit = engine.allDiagnostics().find((d) => d.file === file && d.code === code && show(d.range) === range);
  assert.ok(
    hit,
    `no ${code} at ${file} ${range}:\n${engine
      .allDiagnostics()
      .map((d) => `  ${d.file} ${show(d.range)} ${d.code} ${d.message}`)
      .join('\n')}`,
  );
  assert.ok(hit.message.includes(words), `${hit.message} should include "${words}"`);
}
