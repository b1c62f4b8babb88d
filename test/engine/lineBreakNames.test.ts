// A directory name may hold a line break (legal on Linux and macOS): the registry globs' `**` still
// matches it, so a core registry under such a directory is analysed (issue 55, R30).
import { strict as assert } from 'node:assert';
import { RegistryEngine } from '../../server/src/engine/engine';
import { wasm } from './helpers';

describe('engine: names holding a line break', () => {
  it('classifies and analyses a core registry under a directory whose name holds a line break', async () => {
    const engine = await RegistryEngine.create(wasm);
    for (const dir of ['src/line\nbreak', 'src/carriage\rreturn']) {
      const file = `${dir}/registry/step_names.py`;
      assert.ok(engine.interest().wants(file), JSON.stringify(file));
      engine.setFile(
        file,
        'STEP_NAMES = {\n    "Alpha": {"sagemaker_step_type": "Procesing", "description": "a"},\n}\n',
      );
    }
    engine.update();
    const codes = engine
      .allDiagnostics()
      .filter((d) => d.code === 'RL010')
      .map((d) => JSON.stringify(d.file));
    assert.deepEqual(codes, [
      '"src/carriage\\rreturn/registry/step_names.py"',
      '"src/line\\nbreak/registry/step_names.py"',
    ]);
  });
});
