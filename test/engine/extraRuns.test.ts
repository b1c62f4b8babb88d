// The comment and continuation runs blanked before tree-sitter parses Python (python/extraRuns.ts): only long runs of
// comment-only or continuation-only lines, never a line inside a string, and every position kept.
import { strict as assert } from 'node:assert';
import { blankExtraRuns } from '../../server/src/engine/python/extraRuns';
import { breakBlankRuns } from '../../server/src/engine/python/blankRuns';

const lines = (n: number, line: string): string =>
  Array.from({ length: n }, (_, i) => line.replace('N', String(i))).join('\n');

describe('blankExtraRuns', () => {
  it('blanks the backslashes of a run of 32 continuation-only lines (after a code line, mixed with comment lines, CRLF), keeping length and line breaks', () => {
    const text = `X = [1,\\\n${lines(20, '    \\')}\n${lines(12, '# c N\r\n\\')}\n]\nY = 1 \\\nZ = 2\n`;
    const out = blankExtraRuns(text);
    assert.equal(out.length, text.length);
    assert.deepEqual(
      [...out.matchAll(/[\r\n]/g)].map((m) => m.index),
      [...text.matchAll(/[\r\n]/g)].map((m) => m.index),
    );
    assert.ok(out.startsWith('X = [1,\\\n'), 'the code line keeps its backslash');
    assert.ok(!out.slice(8, out.indexOf(']')).includes('\\') && !out.includes('#'));
    assert.ok(out.endsWith(']\nY = 1 \\\nZ = 2\n'));
    const short = `X = [\\\n${lines(31, '\\')}\n]\n`;
    assert.equal(blankExtraRuns(short), short);
    const inString = `X = '''\\\n${lines(40, '\\')}\n'''\n`;
    assert.equal(blankExtraRuns(inString), inString);
  });

  it('blanks a run of 32 comment-only lines (blank lines between allowed), keeping length and line breaks', () => {
    const text = `X = {}\n${lines(40, '# note N\n')}Y = 1  # kept\n`;
    const out = blankExtraRuns(text);
    assert.equal(out.length, text.length);
    assert.deepEqual(
      [...out.matchAll(/\n/g)].map((m) => m.index),
      [...text.matchAll(/\n/g)].map((m) => m.index),
    );
    assert.ok(!out.slice(0, out.indexOf('Y = 1')).includes('#'));
    assert.ok(out.endsWith('Y = 1  # kept\n'));
  });

  it('leaves shorter runs, comments after code and CRLF line ends as they are', () => {
    const short = `X = {}\n${lines(31, '# note N')}\nY = 1\n`;
    assert.equal(blankExtraRuns(short), short);
    const crlf = `X = {}\r\n${lines(40, '    # note N\r')}\nY = 1\r\n`;
    const out = blankExtraRuns(crlf);
    assert.equal(out.length, crlf.length);
    assert.equal(out.replace(/[^\r\n]/g, '').length, crlf.replace(/[^\r\n]/g, '').length);
    assert.ok(!out.includes('#'));
  });

  it('never touches lines inside strings: triple-quoted, escaped quotes, a quote inside the other kind', () => {
    const inTriple = `D = """\n${lines(40, '# not a comment N')}\n"""\n`;
    assert.equal(blankExtraRuns(inTriple), inTriple);
    const escaped = `S = "a \\" b"\nT = '"'\nU = '''it's\n${lines(40, '# in the string N')}\n'''\n`;
    assert.equal(blankExtraRuns(escaped), escaped);
    const afterString = `D = """\n# inside\n"""\n${lines(40, '# outside N')}\n`;
    const out = blankExtraRuns(afterString);
    assert.ok(out.startsWith('D = """\n# inside\n"""\n'));
    assert.ok(!out.slice('D = """\n# inside\n"""\n'.length).includes('#'));
  });
});

describe('breakBlankRuns', () => {
  it("puts a \\v after the next line's indentation on each line of a run of 32 blank lines, keeping length and line breaks", () => {
    const text = `X = {\r\n${lines(40, '      \r')}\n    1: 2}\r\n`;
    const out = breakBlankRuns(text);
    assert.equal(out.length, text.length);
    assert.deepEqual(
      [...out.matchAll(/[\r\n]/g)].map((m) => m.index).filter((k) => out[k] === '\n'),
      [...text.matchAll(/\n/g)].map((m) => m.index),
    );
    assert.equal(out.split('\n').filter((l) => l === '    \v \r').length, 40);
    assert.ok(out.endsWith('\n    1: 2}\r\n'));
  });

  it('leaves short runs, lines shorter than the indentation, runs before a string, a comment or a continuation, and strings as they are', () => {
    for (const text of [
      `X = {\n${lines(31, ' ')}\n1: 2}\n`,
      `X = {\n${lines(40, ' ')}\n    1: 2}\n`,
      `X = {\n${lines(40, ' ')}\n"a": 2}\n`,
      `X = {\n${lines(40, ' ')}\nrb'a': 2}\n`,
      `X = {\n${lines(40, ' ')}\n# c\n}\n`,
      `X = '''\n${lines(40, ' ')}\n'''\n`,
    ])
      assert.equal(breakBlankRuns(text), text, JSON.stringify(text.slice(0, 12)));
  });

  it("breaks every line of a run inside an f-string's replacement field (closed triple-quoted, rf/Fr, nested, CRLF, before a string), a bare \\v on lines shorter than the indentation", () => {
    for (const [text, line] of [
      [`X = f"""{x:\n${lines(40, ' ')}\n}"""\n`, '\v'],
      [`X = Fr'''{x:{y}\r\n${lines(40, '  \r')}\n  }'''\n`, '  \v'],
      [`X = rf"""{d["k"]:{w:\n${lines(40, '\t')}\n    }}"""\n`, '\v'],
      [`X = f"{x:\n${lines(40, ' ')}\n"}"\nY = 1\n`, '\v'],
    ] as const) {
      const out = breakBlankRuns(text);
      assert.equal(out.length, text.length);
      assert.deepEqual(
        [...out.matchAll(/\n/g)].map((m) => m.index),
        [...text.matchAll(/\n/g)].map((m) => m.index),
      );
      assert.equal(
        out.split('\n').filter((l) => l.startsWith(line) && l.trim() === '').length,
        40,
        JSON.stringify(out.slice(0, 40)),
      );
    }
  });

  it('leaves f-string content, escaped braces, plain strings and fields it cannot follow as they are', () => {
    for (const text of [
      `X = f"""{{x:\n${lines(40, ' ')}\n}}"""\n`,
      `X = """{x:\n${lines(40, ' ')}\n}"""\n`,
      `X = elif"""{x:\n${lines(40, ' ')}\n}"""\n`,
      `X = f"""{x}\n${lines(40, ' ')}\n{y}"""\n`,
      `X = f"""{x:\n${lines(40, ' ')}\n"""}"""\n`,
    ])
      assert.equal(breakBlankRuns(text), text, JSON.stringify(text.slice(0, 12)));
  });
});
