// The `<step>.step.yaml` stub the interface family proposes for a row without an interface file: a
// template of cursus's own interface files, kept with the family that writes it.
import { conventionalFileName } from '../../../util/naming';

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
  return /^[A-Z_][\w .,()/+-]*$/i.test(v) && !/ $/.test(v) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(v)
    ? v
    : JSON.stringify(v);
}
