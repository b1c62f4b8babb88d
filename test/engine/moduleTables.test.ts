// A framework module's tables of strings read statically (python/moduleTables.ts): the literal shapes omnibase_core
// writes them in are read; anything whose value is decided when the module runs is said not to be a literal.
import { strict as assert } from 'node:assert';
import { moduleTables } from '../../server/src/engine/python/moduleTables';
import { analyze } from './helpers';

const read = (text: string, name = 'T'): unknown => {
  const t = moduleTables(text, [name]).get(name);
  return t === undefined ? 'absent' : t.values;
};

describe('python: module tables of strings', () => {
  before(async () => {
    await analyze('');
  });

  it('reads a str, a list, tuple or set of them, and one passed alone to frozenset, set, tuple or list', () => {
    assert.deepEqual(read('T: Final[str] = "onex"\n'), ['onex']);
    assert.deepEqual(read('T = ("a", "b",)\n'), ['a', 'b']);
    assert.deepEqual(read('T: frozenset[str] = frozenset(\n    {\n        "a",  # one\n        "b",\n    }\n)\n'), [
      'a',
      'b',
    ]);
    assert.deepEqual(read('T = list(["a"])\n'), ['a']);
    assert.deepEqual(read('T = ["x"]\nT = ["y"]\n'), ['y']);
    assert.equal(read('U = ["x"]\n'), 'absent');
  });

  it('anything decided when the module runs is not a literal', () => {
    for (const text of [
      'T = frozenset(_names())\n',
      'T = frozenset(n for n in L)\n',
      'T = ("a", 1)\n',
      'T = tuple("ab")\n',
      'T = frozenset({"a"}, extra)\n',
      'T = {"a"}\nT |= {"b"}\n',
      'T = {"a"}\nif FLAG:\n    T = {"b"}\n',
    ])
      assert.equal(read(text), null, text);
    // A statement the parser cannot make out assigns nothing it could read.
    assert.ok(!Array.isArray(read('T = ("a",\n')));
  });

  it("a function's own name is its local: the module's table stands", () => {
    assert.deepEqual(read('T = ("a",)\ndef f():\n    T = ("b",)\n'), ['a']);
  });
});
