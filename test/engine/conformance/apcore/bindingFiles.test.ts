// Which files are binding files, and what the registry lists from them. `BindingLoader.load_bindings` reads whatever
// path the application passes and registers each `module_id` (apcore-python 0.19.0 `bindings.py:164-229`, `:226`;
// apcore-typescript 0.25.0 `bindings.ts:91-154`, `:150`); `load_binding_dir` reads only `*.binding.yaml`
// (`bindings.py:231-245`; `bindings.ts:157-186`, a suffix match at `:174-178`). apcore-typescript's own example is
// named `binding.yaml` (`examples/bindings/format-date/binding.yaml`), apcore-python's is passed by path
// (`examples/bindings/format_date/run.py:17`). Run on a directory holding `fmt.py` and that `binding.yaml`:
//   apcore-python (`~/.pyenv/versions/3.11.7/bin/python p3.py`, src from the mirror):
//     load_binding_dir: [] []
//     load_bindings: ['utils.format_date'] True          (registry.list(), registry.get(...) is not None)
//   apcore-typescript (`tsx p3.mts` on examples/bindings/format-date, typebox stubbed):
//     loadBindingDir: 0 []
//     (loadBindings then fails at schema inference only because typebox is stubbed; it reads the file first.)
// So the registry lists a module a binding file registers: Explain finds it there.
import { strict as assert } from 'node:assert';
import { discover, moduleFile } from './sdk';

const EXAMPLE = `
  //- /examples/bindings/format-date/format-date.ts
  export function formatDateString(dateString: string, outputFormat: string): string { return dateString; }
  //- /examples/bindings/format-date/binding.yaml
  spec_version: "1.0"
  bindings:
    - module_id: "utils.format_date"
      target: "format-date:formatDateString"
      auto_schema: true
`;

describe('apcore conformance: binding files and the modules they register', () => {
  it('a file named binding.yaml is a binding file: a dependency on its id is RL072, not an unknown id', async () => {
    const { engine, lines } = await discover(`${EXAMPLE}
  //- /extensions/report.py
  ${moduleFile('Report', { indent: 2 })}
  //- /extensions/report_meta.yaml
  dependencies: [{module_id: utils.format_date}]
`);
    assert.deepEqual(lines, ['extensions/report_meta.yaml 0:27-0:44 RL072 error']);
    const hover = engine.hover('extensions/report_meta.yaml', { line: 0, character: 32 })?.markdown ?? '';
    assert.match(hover, /^\*\*utils\\\.format_date\*\* · `binding file`/);
    assert.doesNotMatch(hover, /builder:/);
  });

  it('a binding.yaml load_bindings rejects is RL070', async () => {
    const { lines } = await discover(`
  //- /app/binding.yaml
  spec_version: "1.0"
  modules: []
`);
    assert.deepEqual(lines, ['app/binding.yaml 0:0-0:12 RL070 error']);
  });

  it('Explain finds a module a binding file registers, at its module_id, with its target', async () => {
    const { engine } = await discover(EXAMPLE);
    const x = engine.explain({ step: 'utils.format_date' });
    assert.equal(x.found, true);
    assert.match(x.summary, /registered by the binding file examples\/bindings\/format-date\/binding\.yaml/);
    assert.deepEqual(
      { ...x.winner?.fields },
      { module_id: 'utils.format_date', target: 'format-date:formatDateString' },
    );
    assert.deepEqual(
      { source: x.winner?.source, file: x.winner?.file, line: x.winner?.range.start.line },
      {
        source: 'binding file',
        file: 'examples/bindings/format-date/binding.yaml',
        line: 2,
      },
    );
    assert.equal(engine.explain({ step: 'utils.nothing' }).found, false);
  });
});
