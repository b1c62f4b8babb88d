// Stage 4, entry points, statically: the meta file's entry_point (`file.py:ClassName`), else the id
// map's class, else the one class assigning input_schema and output_schema and defining execute.
// RL026 when none, several, or the named class or file is missing.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';
import { assertAt, cursus, metaOf, moduleClass } from './snippets';

describe('pipeline 4: resolve entry points', () => {
  it('the one duck-typed class is the entry point, whatever else the file defines', async () => {
    const { engine } = await analyze(`
      //- /extensions/a.py
      class Helper:
          pass
      ${moduleClass('A')}
      //- /extensions/a_meta.yaml
      description: a
    `);
    assert.deepEqual(engine.allDiagnostics(), []);
    assert.equal(engine.explain({ step: 'a' }).module?.entryClass?.class, 'A');
    assert.deepEqual(engine.definition('extensions/a_meta.yaml', { line: 0, character: 0 }), []);
  });

  it('RL026 "no module class found" at the start of the file; "ambiguous" on the first candidate, listing all', async () => {
    const { engine } = await analyze(`
      //- /extensions/none.py
      class Half:
          input_schema = In
          output_schema = Out
      //- /extensions/two.py
      ${moduleClass('First')}
      ${moduleClass('Second')}
      //- /extensions/two_meta.yaml
      description: two
    `);
    assertAt(engine, 'extensions/none.py', '0:0-0:0', 'RL026', 'No module class found');
    assertAt(engine, 'extensions/two.py', '0:6-0:11', 'RL026', 'Ambiguous entry point: First, Second');
    assert.equal(engine.allDiagnostics().find((d) => d.file === 'extensions/two.py')?.related[0]?.range.start.line, 6);
  });

  it('entry_point resolves the ambiguity; the part before the colon is ignored; RL026 on the entry_point node when the class is not in the module file', async () => {
    await checkDiagnostics(`
      //- /extensions/two.py
      ${moduleClass('First')}
      ${moduleClass('Second')}
      //- /extensions/two_meta.yaml
      entry_point: two.py:Second
      description: two
      //- /extensions/three.py
      ${moduleClass('Third')}
      //- /extensions/three_meta.yaml
      entry_point: three.py:Thrid
      #            ^^^^^^^^^^^^^^ RL026 Entry point class 'Thrid' not found in extensions/three.py: apcore skips the module
      //- /extensions/four.py
      ${moduleClass('Four')}
      //- /extensions/four_meta.yaml
      entry_point: ../lib/four_impl.py:Four
    `);
  });

  it('a cursus companion entry_point must name a class of that file too', async () => {
    await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      entry_point: builder_alpha_step.py:AlphaBuilder
      #            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL026 it defines AlphaStepBuilder
    `);
  });
});
