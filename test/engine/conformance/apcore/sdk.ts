// Shared pieces of the apcore conformance fixtures: small projects modelled on the SDKs' own tests
// (apcore-python `tests/registry/*`, apcore-typescript `tests/registry/*`), and what Registry Lens
// reports on them, one line per diagnostic, so each test states the whole outcome.
import type { RegistryEngine } from '../../../../server/src/engine/engine';
import type { SettingsInput } from '../../../../server/src/engine/types';
import { analyze, show } from '../../helpers';

/**
 * The module file apcore-python's tests write (`_write_module_file` in test_integration.py): pydantic
 * schemas and one class with input_schema, output_schema, description and execute. `description: null`
 * leaves the attribute out; `docstring` adds one. Lines after the first are indented by `indent` so
 * the fixture's dedent keeps them aligned.
 */
export function moduleFile(
  cls: string,
  opts: { description?: string | null; docstring?: string; version?: string; indent?: number } = {},
): string {
  const description = opts.description === undefined ? 'A test module' : opts.description;
  const lines = [
    'from pydantic import BaseModel',
    '',
    'class TestInput(BaseModel):',
    '    value: str',
    '',
    'class TestOutput(BaseModel):',
    '    result: str',
    '',
    `class ${cls}:`,
    ...(opts.docstring ? [`    """${opts.docstring}"""`] : []),
    '    input_schema = TestInput',
    '    output_schema = TestOutput',
    ...(description === null ? [] : [`    description = "${description}"`]),
    ...(opts.version ? [`    version = "${opts.version}"`] : []),
    '',
    '    def execute(self, inputs, context=None):',
    '        return {"result": inputs["value"]}',
  ];
  return lines.join(`\n${' '.repeat(opts.indent ?? 6)}`);
}

/** Runs the engine on a fixture; `lines` are its diagnostics as `file range code severity`, sorted. */
export async function discover(
  text: string,
  settings: SettingsInput = {},
): Promise<{ engine: RegistryEngine; lines: string[] }> {
  const { engine } = await analyze(text, settings);
  const lines = engine
    .allDiagnostics()
    .map((d) => `${d.file} ${show(d.range)} ${d.code} ${d.severity}`)
    .sort();
  return { engine, lines };
}

/** The module ids registered, sorted. */
export function moduleIds(engine: RegistryEngine): string[] {
  return engine
    .list()
    .filter((r) => r.source === 'module')
    .map((r) => r.name)
    .sort();
}

/** The message of the one diagnostic with this code (fails the test when there is not exactly one). */
export function messageOf(engine: RegistryEngine, code: string): string {
  const found = engine.allDiagnostics().filter((d) => d.code === code);
  if (found.length !== 1)
    throw new Error(`expected one ${code}, got ${found.length}: ${found.map((d) => d.message).join(' | ')}`);
  return (found[0] as { message: string }).message;
}
