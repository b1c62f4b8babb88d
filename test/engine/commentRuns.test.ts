// The comment runs blanked before tree-sitter parses Python (python/commentRuns.ts): only long runs of
// comment-only lines, never a line inside a string, and every position kept.
import { strict as assert } from 'node:assert';
import { blankCommentRuns } from '../../server/src/engine/python/commentRuns';

const lines = (n: number, line: string): string => Array.from({ length: n }, (_, i) => line.replace('N', String(i))).join('\n');

describe('blankCommentRuns', () => {
  it('blanks a run of 32 comment-only lines (blank lines between allowed), keeping length and line breaks', () => {
    const text = `X = {}\n${lines(40, '# note N\n')}Y = 1  # kept\n`;
    const out = blankCommentRuns(text);
    assert.equal(out.length, text.length);
    assert.deepEqual([...out.matchAll(/\n/g)].map((m) => m.index), [...text.matchAll(/\n/g)].map((m) => m.index));
    assert.ok(!out.slice(0, out.indexOf('Y = 1')).includes('#'));
    assert.ok(out.endsWith('Y = 1  # kept\n'));
  });

  it('leaves shorter runs, comments after code and CRLF line ends as they are', () => {
    const short = `X = {}\n${lines(31, '# note N')}\nY = 1\n`;
    assert.equal(blankCommentRuns(short), short);
    const crlf = `X = {}\r\n${lines(40, '    # note N\r')}\nY = 1\r\n`;
    const out = blankCommentRuns(crlf);
    assert.equal(out.length, crlf.length);
    assert.equal(out.replace(/[^\r\n]/g, '').length, crlf.replace(/[^\r\n]/g, '').length);
    assert.ok(!out.includes('#'));
  });

  it('never touches lines inside strings: triple-quoted, escaped quotes, a quote inside the other kind', () => {
    const inTriple = `D = """\n${lines(40, '# not a comment N')}\n"""\n`;
    assert.equal(blankCommentRuns(inTriple), inTriple);
    const escaped = `S = "a \\" b"\nT = '"'\nU = '''it's\n${lines(40, '# in the string N')}\n'''\n`;
    assert.equal(blankCommentRuns(escaped), escaped);
    const afterString = `D = """\n# inside\n"""\n${lines(40, '# outside N')}\n`;
    const out = blankCommentRuns(afterString);
    assert.ok(out.startsWith('D = """\n# inside\n"""\n'));
    assert.ok(!out.slice('D = """\n# inside\n"""\n'.length).includes('#'));
  });
});
