// A class-only module's classes keep none of its text (python/detach.ts): the values are the same after
// detaching, the names and name lists classes repeat are one shared copy, and a class without string
// attributes shares one empty record.
import { strict as assert } from 'node:assert';
import { detachClasses } from '../../server/src/engine/python/detach';
import type { ModuleClass, PyClass } from '../../server/src/engine/python/pyClass';
import { intern, kept, keptList } from '../../server/src/engine/util/intern';
import { requireOf, runInHeap, type HeapRun } from './smallHeap';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

/** A class whose strings are all cut from one text, as the readers cut them. */
function classFrom(text: string, name: string, methods: string[], strAttrs: Record<string, string> = {}): PyClass {
  const cut = (s: string): string => {
    const at = text.indexOf(s);
    assert.ok(at >= 0, s);
    return text.slice(at, at + s.length);
  };
  return {
    name: cut(name),
    nameRange: RANGE,
    range: RANGE,
    bases: [cut('StepBuilderBase')],
    attributes: [cut('job_type')],
    methods: methods.map(cut),
    strAttrs: Object.fromEntries(Object.entries(strAttrs).map(([k, v]) => [k, cut(v)])),
    docstring: cut('Builds the step.'),
  };
}

describe('detached classes', () => {
  const long = 'a_method_name_well_over_thirty_two_characters';
  const text = `class FirstStepBuilder(StepBuilderBase):\n    """Builds the step."""\n    job_type = 'training'\n    def __init__(self): ...\n    def create_step(self): ...\n    def ${long}(self): ...\nclass SecondStepBuilder: version = '1.2.0'\n`;

  it('keep the values they were read with', () => {
    const classes = [
      classFrom(text, 'FirstStepBuilder', ['__init__', 'create_step']),
      classFrom(text, 'SecondStepBuilder', ['__init__', long], { version: '1.2.0' }),
    ];
    const before = JSON.parse(JSON.stringify(classes)) as unknown;
    assert.deepEqual(
      JSON.parse(
        JSON.stringify(
          detachClasses(classes, 'm.py').map(({ file, ...c }) => {
            assert.equal(file, 'm.py');
            return c;
          }),
        ),
      ),
      before,
    );
  });

  it('share the name lists classes repeat, frozen, and one empty attribute record', () => {
    const [a, b] = detachClasses(
      [
        classFrom(text, 'FirstStepBuilder', ['__init__', 'create_step']),
        classFrom(text, 'SecondStepBuilder', ['__init__', 'create_step']),
      ],
      'm.py',
    ) as [ModuleClass, ModuleClass];
    assert.equal(a.methods, b.methods);
    assert.equal(a.bases, b.bases);
    assert.ok(Object.isFrozen(a.methods));
    assert.equal(a.strAttrs, b.strAttrs);
    assert.deepEqual(a.strAttrs, {});
    // A list with a name too long to keep stays the class's own.
    const [c, d] = detachClasses(
      [classFrom(text, 'FirstStepBuilder', [long]), classFrom(text, 'SecondStepBuilder', [long])],
      'm.py',
    ) as [ModuleClass, ModuleClass];
    assert.notEqual(c.methods, d.methods);
    assert.deepEqual(c.methods, [long]);
  });

  it('keep none of the text when a class has nothing to copy but its name (a lone part is no new string)', () => {
    // 120 texts of 1 MB each, a class name cut from each, held in a process whose heap may hold 64 MB:
    // it runs out of memory exactly when the names keep their texts alive, whenever V8 collects.
    const run = (detach: boolean): HeapRun =>
      runInHeap(
        64,
        `
      const { detachClasses } = ${requireOf('server/src/engine/python/detach')};
      const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      const held = [];
      for (let i = 0; i < 120; i++) {
        const name = 'LoneStepBuilderWithoutDocstring' + i;
        const text = 'class ' + name + ':\\n    pass\\n' + '#'.repeat(1 << 20) + '\\n';
        const cls = { name: text.slice(6, 6 + name.length), nameRange: RANGE, range: RANGE, bases: [], attributes: [], methods: [], strAttrs: {}, docstring: null };
        held.push(${detach} ? detachClasses([cls], 'm.py') : [cls]);
      }
      console.log(held[7][0].name);
    `,
      );
    const detached = run(true);
    assert.equal(detached.status, 0, detached.stderr.slice(0, 500));
    assert.equal(detached.stdout.trim(), 'LoneStepBuilderWithoutDocstring7');
    // The control: the same names kept as cut, with their texts, do not fit.
    assert.notEqual(run(false).status, 0);
  });

  it('leave out docstrings and string attribute values when asked for names only (cursus components)', () => {
    const classes = [
      classFrom(text, 'FirstStepBuilder', ['__init__', 'create_step']),
      classFrom(text, 'SecondStepBuilder', ['__init__', long], { version: '1.2.0' }),
    ];
    const [a, b] = detachClasses(classes, 'm.py', true) as [ModuleClass, ModuleClass];
    assert.deepEqual(
      [a.name, a.docstring, a.strAttrs, a.methods],
      ['FirstStepBuilder', null, {}, ['__init__', 'create_step']],
    );
    assert.deepEqual(
      [b.name, b.docstring, b.strAttrs, b.methods, b.attributes, b.bases],
      ['SecondStepBuilder', null, {}, ['__init__', long], ['job_type'], ['StepBuilderBase']],
    );
    const [full] = detachClasses(classes, 'm.py') as [ModuleClass];
    assert.equal(full.docstring, 'Builds the step.');
  });

  it('intern keeps strings up to its length, or any length when asked', () => {
    assert.equal(kept(long), undefined);
    assert.equal(intern(long), long);
    assert.equal(kept(long, Infinity), long);
    assert.equal(intern('job_type'), 'job_type');
    assert.equal(keptList([]), keptList([]));
    assert.equal(
      keptList(['job_type', 'label_name'].map((s) => intern(s))),
      keptList(['job_type', 'label_name'].map((s) => intern(s))),
    );
  });
});
