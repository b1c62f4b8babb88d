// The publisher reports a file when what it publishes changes, and only then: lists recomputed as new
// but equal objects are not news; any field of a diagnostic, its related places or its fixes is.
import { strict as assert } from 'node:assert';
import { Publisher } from '../../server/src/engine/analysis/publish';
import type { Diagnostic } from '../../server/src/engine/types';

const at = (line: number): Diagnostic['range'] => ({ start: { line, character: 0 }, end: { line, character: 4 } });
const diagnostic = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  file: 'f.py',
  range: at(1),
  severity: 'error',
  code: 'RL005',
  message: 'm',
  related: [{ file: 'g.py', range: at(2), message: 'r' }],
  fixes: [{ title: 't', edits: [{ file: 'f.py', edits: [{ range: at(1), newText: 'x' }] }] }],
  ...over,
});

describe('publisher: what counts as a change', () => {
  const publish = (p: Publisher): string[] => p.publish((_file, raw) => raw);

  it('equal lists made again are not published again; each field that differs is', () => {
    const p = new Publisher();
    p.setUnit('u', [diagnostic()]);
    assert.deepEqual(publish(p), ['f.py']);
    p.setUnit('u', [diagnostic()]);
    assert.deepEqual(publish(p), [], 'the same diagnostics as new objects');
    const changes: Partial<Diagnostic>[] = [
      { range: at(3) },
      { message: 'n' },
      { severity: 'warning' },
      { code: 'RL006' },
      { related: [{ file: 'g.py', range: at(2), message: 's' }] },
      { related: [{ file: 'g.py', range: at(5), message: 'r' }] },
      { related: [] },
      { fixes: [{ title: 'u', edits: [{ file: 'f.py', edits: [{ range: at(1), newText: 'x' }] }] }] },
      { fixes: [{ title: 't', edits: [{ file: 'f.py', edits: [{ range: at(1), newText: 'y' }] }] }] },
      { tags: ['unnecessary'] },
    ];
    for (const change of changes) {
      p.setUnit('u', [diagnostic(change)]);
      assert.deepEqual(publish(p), ['f.py'], JSON.stringify(change));
      assert.deepEqual(p.diagnostics('f.py'), [diagnostic(change)]);
      p.setUnit('u', [diagnostic()]);
      assert.deepEqual(publish(p), ['f.py'], `back from ${JSON.stringify(change)}`);
    }
  });

  it('a unit that falls silent withdraws its share; other units and files are untouched', () => {
    const p = new Publisher();
    p.setUnit('a', [diagnostic()]);
    p.setUnit('b', [diagnostic({ file: 'h.py' }), diagnostic({ message: 'from b' })]);
    assert.deepEqual(publish(p), ['f.py', 'h.py']);
    assert.deepEqual(
      p.diagnostics('f.py').map((d) => d.message),
      ['m', 'from b'],
    );
    p.setUnit('b', [diagnostic({ file: 'h.py' })]);
    assert.deepEqual(publish(p), ['f.py']);
    p.setUnit('a', []);
    assert.deepEqual(publish(p), ['f.py']);
    assert.deepEqual(p.diagnostics('f.py'), []);
    assert.deepEqual(
      p.all().map((d) => d.file),
      ['h.py'],
    );
    p.setUnit('c', []);
    assert.deepEqual(publish(p), [], 'a silent unit that never spoke changes nothing');
  });
});
