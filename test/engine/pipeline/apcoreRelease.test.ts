// The apcore-python a project runs — installed in its environment, else pinned by its lock, else the 0.19.0 whose
// rules are built in — decides the checks where 0.18 and older discover otherwise (families/apcore/pythonRelease.ts):
// ids a binding registers (RL072), the error a missing dependency raises (RL022), version constraints (RL027) and
// reserved words past the first segment (RL009).
import { strict as assert } from 'node:assert';
import type { RegistryEngine } from '../../../server/src/engine/engine';
import { releasedBefore } from '../../../server/src/engine/analysis/frameworkPins';
import { analyze } from '../helpers';
import { moduleClass } from './snippets';

const PROJECT = `
  //- /extensions/tool.py
  ${moduleClass('Tool', 'Tool.', 2)}
  //- /extensions/other.py
  ${moduleClass('Other', 'Other.', 2)}
  //- /extensions/other_meta.yaml
  version: 1.2.3
  //- /extensions/billing/core/charge.py
  ${moduleClass('Charge', 'Charge.', 2)}
  //- /app/format_date.py
  def format_date_string(date: str, fmt: str) -> str:
      return date
  //- /app/format_date.binding.yaml
  spec_version: "1.0"
  bindings:
    - module_id: utils.format_date
      target: "format_date:format_date_string"
    - module_id: utils.parse_date
      target: "format_date:format_date_string"
  //- /extensions/tool_meta.yaml
  dependencies:
    - module_id: utils.format_date
    - module_id: utils.parse_date
      optional: true
    - module_id: utils.missing
    - module_id: other
      version: ">=2.0.0"
`;

const UV_LOCK = (version: string): string => `
  //- /uv.lock
  version = 1

  [[package]]
  name = "apcore"
  version = "${version}"
  source = { registry = "https://pypi.org/simple" }
`;

/** code, severity and the message's and related line's text of each diagnostic, in order. */
function found(engine: RegistryEngine): string[] {
  return engine
    .allDiagnostics()
    .filter((d) => d.code !== 'RL080')
    .map((d) => `${d.file} ${d.code} ${d.severity}: ${d.message} | ${d.related[0]?.message ?? ''}`);
}

describe('apcore-python release', () => {
  it('built in (0.19.0): registered ids stall the sort, DependencyNotFoundError, RL027, reserved first segment only', async () => {
    const { engine } = await analyze(PROJECT);
    const got = found(engine);
    assert.equal(got.length, 4, got.join('\n'));
    assert.match(
      got[0] ?? '',
      /RL072 error: .*\| binding of 'utils.format_date': loaded after discover\(\), DependencyNotFoundError; loaded before, the dependency sort stalls/,
    );
    assert.match(
      got[1] ?? '',
      /RL072 warning: .*\| binding of 'utils.parse_date': loaded after discover\(\), the dependency is skipped;/,
    );
    assert.match(got[2] ?? '', /RL022 error: .*raises DependencyNotFoundError, so discovery/);
    assert.match(got[3] ?? '', /RL027 error: 'other' has version 1.2.3/);
  });

  it('0.18.0 installed: no registered id is known, ModuleLoadError, no version constraint, reserved words anywhere', async () => {
    const { engine } = await analyze(PROJECT);
    engine.setInstalled([{ name: 'apcore', version: '0.18.0' }]);
    engine.update();
    const got = found(engine);
    assert.deepEqual(
      got.map((l) => l.split(':')[0]),
      [
        'extensions/billing/core/charge.py RL009 error',
        'extensions/tool_meta.yaml RL072 error',
        'extensions/tool_meta.yaml RL072 warning',
        'extensions/tool_meta.yaml RL022 error',
      ],
    );
    assert.match(
      got[0] ?? '',
      /'billing.core.charge'.*has the reserved segment 'core': apcore-python 0.18.0 \(installed\) refuses/,
    );
    assert.match(
      got[1] ?? '',
      /\| binding of 'utils.format_date': apcore-python 0.18.0 \(installed\) knows no id a binding registers: in either order, ModuleLoadError \('Required dependency not found'\)$/,
    );
    assert.match(got[2] ?? '', /knows no id a binding registers: in either order, the dependency is skipped$/);
    assert.match(got[3] ?? '', /raises ModuleLoadError \('Required dependency not found'\), so discovery/);
    // Back to the release built in when the environment goes.
    engine.setInstalled([]);
    engine.update();
    assert.equal(found(engine).length, 4);
    assert.ok(found(engine).some((l) => l.includes('RL027')));
  });

  it('a lock pin is believed when nothing is installed; an installed version over the pin', async () => {
    const { engine } = await analyze(`${PROJECT}${UV_LOCK('0.18.2')}`);
    assert.match(
      found(engine).find((l) => l.includes('RL072 error')) ?? '',
      /apcore-python 0.18.2 \(pinned in uv.lock\) knows no id/,
    );
    assert.ok(!found(engine).some((l) => l.includes('RL027')));
    // RL080 says which checks follow the pin rather than the built-in release.
    assert.match(
      engine.allDiagnostics().find((d) => d.code === 'RL080')?.message ?? '',
      /the checks assume apcore 0\.19\.0, whose rules are built in \(RL009, RL022, RL027, RL070, RL072 follow 0\.18\.2\)\.$/,
    );
    engine.setInstalled([{ name: 'apcore', version: '0.19.1' }]);
    engine.update();
    assert.match(
      found(engine).find((l) => l.includes('RL072 error')) ?? '',
      /loaded after discover\(\), DependencyNotFoundError/,
    );
    assert.ok(found(engine).some((l) => l.includes('RL027')));
  });

  it('a TypeScript module keeps apcore-typescript\u2019s first-segment rule whatever apcore-python is installed', async () => {
    const { engine } = await analyze(`
      //- /extensions/billing/core/charge.ts
      export default class Charge { description = 'x'; execute() { return {}; } }
      //- /extensions/billing/core/charge_meta.yaml
      description: Charge.
      //- /extensions/core/charge.ts
      export default class Charge { description = 'x'; execute() { return {}; } }
    `);
    engine.setInstalled([{ name: 'apcore', version: '0.18.0' }]);
    engine.update();
    // The scan sees both modules: the reserved first segment is refused by every SDK.
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL009')
        .map((d) => d.file),
      ['extensions/core/charge.ts'],
    );
  });

  it("RL070's binding-spec rules (spec_version, schema modes, auto_schema values) only where the release has them", async () => {
    const { engine } = await analyze(`
      //- /app/format_date.py
      def format_date_string(date: str, fmt: str) -> str:
          return date
      //- /app/format_date.binding.yaml
      bindings:
        - module_id: utils.format_date
          target: "format_date:format_date_string"
          auto_schema: true
          input_schema: {}
        - module_id: utils.parse
          target: "format_date:format_date_string"
          auto_schema: maybe
        - module_id: utils.bad
    `);
    const rl070 = (): string[] =>
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL070')
        .map((d) => `${d.severity} ${d.message.slice(0, 40)}`);
    assert.deepEqual(rl070(), [
      "warning 'spec_version' is missing: apcore defaul",
      "error Binding 'utils.format_date' lists severa",
      "error Binding 'utils.parse': auto_schema must ",
      "error Binding entry missing 'target': apcore's",
    ]);
    // 0.18.0's loader reads no spec_version and takes the first mode of its chain: only the missing target remains.
    engine.setInstalled([{ name: 'apcore', version: '0.18.0' }]);
    engine.update();
    assert.deepEqual(rl070(), ["error Binding entry missing 'target': apcore's"]);
  });

  it('releasedBefore compares release numbers and leaves an unreadable version to the built-in rules', () => {
    assert.equal(releasedBefore('0.18.0', '0.19.0'), true);
    assert.equal(releasedBefore('0.18', '0.19.0'), true);
    assert.equal(releasedBefore('0.19.0rc1', '0.19.0'), false);
    assert.equal(releasedBefore('0.19.0', '0.19.0'), false);
    assert.equal(releasedBefore('1.0.0', '0.19.0'), false);
    assert.equal(releasedBefore('0.9.10', '0.19.0'), true);
    assert.equal(releasedBefore('latest', '0.19.0'), false);
  });
});
