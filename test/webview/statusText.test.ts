// The status items' words about the analysis: when the folder was last analysed, and the last full
// analysis (every file read and analysed) with its real duration — never an edit's sub-millisecond
// engine time presented as "the analysis took".
import { strict as assert } from 'node:assert';
import { analysedAt, analysisLines, duration, libraryLabel, statusItemText } from '../../client/src/statusText';

const clock = (t: number): string => `t${t}`;

describe('client: status text of the analysis', () => {
  it('says nothing was analysed before the first analysis', () => {
    const none = { lastAnalysisAt: 0, fullAnalysisMs: 0, fullAnalysisAt: 0 };
    assert.equal(analysedAt(none, clock), 'not analysed yet');
    assert.deepEqual(analysisLines(none, clock), ['Not analysed yet.']);
  });

  it('after the full analysis, states when it ran and how long it took', () => {
    const full = { lastAnalysisAt: 5000, fullAnalysisMs: 1870, fullAnalysisAt: 5000 };
    assert.equal(analysedAt(full, clock), 'analysed t5000');
    assert.deepEqual(analysisLines(full, clock), ['Full analysis: t5000, 1.9 s to read and analyse every file.']);
  });

  it("after an edit, states when the last analysis ran and keeps the full one's duration, not the edit's", () => {
    const edited = { lastAnalysisAt: 9000, fullAnalysisMs: 640, fullAnalysisAt: 5000 };
    assert.equal(analysedAt(edited, clock), 'analysed t9000');
    const lines = analysisLines(edited, clock);
    assert.deepEqual(lines, [
      'Last analysed: t9000 (what changed since the full analysis).',
      'Full analysis: t5000, 640 ms to read and analyse every file.',
    ]);
  });

  it('words durations in ms below a second, else in seconds', () => {
    assert.deepEqual([0.4, 12.6, 999, 1000, 61_234].map(duration), ['<1 ms', '13 ms', '999 ms', '1.0 s', '61.2 s']);
  });

  it('shows the file\'s counts when it says "this file", the folder\'s with the active context', () => {
    const folder = { errors: 9, warnings: 9 };
    const file = { label: 'alice_ml', counts: { errors: 1, warnings: 4 } };
    assert.equal(statusItemText(file, 'core', folder), '$(list-tree) this file: alice_ml  $(error) 1  $(warning) 4');
    assert.equal(statusItemText(undefined, 'core', folder), '$(list-tree) active: core  $(error) 9  $(warning) 9');
  });

  it("names an installed framework's file by the framework and its version, not a context", () => {
    const label = libraryLabel({ name: 'cursus', version: '2.9.32' });
    assert.equal(
      statusItemText({ label, counts: { errors: 0, warnings: 0 } }, 'core', { errors: 9, warnings: 9 }),
      '$(list-tree) this file: installed cursus 2.9.32 (library)  $(error) 0  $(warning) 0',
    );
  });
});
