// The pages for users read as user docs: no sentence over 50 words and at most one in twenty over 40,
// so a newcomer can follow them; and no test counts or measured figures (timings, memory, ratios),
// which go stale and belong with their context in bench/README.md. A limit the tool applies ("at most
// 256 KB", "after 10 s without changes", "default 2 MB") is behaviour and stays. docs/development.md,
// for those who build the project, quotes no test count and lists what the `.vsix` ships exactly as
// package.json's `files` says.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linesOutsideCode, sentences, type Sentence } from './proseSentences';

const ROOT = join(__dirname, '../..');
const USER_PAGES = [
  'README.md',
  'docs/editor.md',
  'docs/settings.md',
  'docs/cli.md',
  'docs/mcp.md',
  'docs/diagnostics.md',
  'docs/registries.md',
  'docs/agents.md',
];
const MAX_WORDS = 50;
const LONG_WORDS = 40;
/** At most one sentence in this many may be over LONG_WORDS words. */
const LONG_ONE_IN = 20;

/** A number, or a range of two ("5–10", "1,758", "0.45"). */
const NUMBER = String.raw`(?<![\w.,])\d[\d,]*(?:\.\d+)?(?:\s?[–-]\s?\d[\d,]*(?:\.\d+)?)?`;
/** Words that make a figure a limit the tool applies rather than a measurement. */
const LIMIT =
  /(?:at most|up to|over|under|more than|less than|older than|after|past|every|default|limit|maximum|minimum|max|min|first|exceeds?|above|below)\s+(?:\w+\s+){0,2}$/i;

interface Figure {
  readonly what: string;
  readonly pattern: RegExp;
  /** Whether a limit's wording before the match makes it behaviour. */
  readonly limitAllowed: boolean;
}
const FIGURES: readonly Figure[] = [
  {
    what: 'a test count',
    pattern: new RegExp(`${NUMBER}\\s(?:tests?|passing|failing|pending)\\b`, 'g'),
    limitAllowed: false,
  },
  {
    what: 'a timing',
    pattern: new RegExp(`${NUMBER}\\s?(?:ms|s|sec|seconds?|min|minutes?|hours?)\\b`, 'g'),
    limitAllowed: true,
  },
  { what: 'a size', pattern: new RegExp(`${NUMBER}\\s?(?:[kKMGT]i?B|bytes)\\b`, 'g'), limitAllowed: true },
  { what: 'a ratio', pattern: new RegExp(`×\\s?\\d[\\d,]*(?:\\.\\d+)?|${NUMBER}\\s?×`, 'g'), limitAllowed: false },
  { what: 'a percentage', pattern: new RegExp(`${NUMBER}\\s?%`, 'g'), limitAllowed: true },
  { what: 'a measurement', pattern: /\b(?:medians? of|measured on|bench(?:mark)?ed at)\b/gi, limitAllowed: false },
];

/** A page's text outside fenced code (an example of a command's output may show a time), code spans blanked. */
function prose(markdown: string): string {
  return linesOutsideCode(markdown)
    .map((line) => line?.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length)) ?? '')
    .join('\n');
}

/** Each figure a page states, as "page:line: what: "match" in …". */
function figures(page: string, markdown: string): string[] {
  const text = prose(markdown);
  const found: { at: number; report: string }[] = [];
  for (const { what, pattern, limitAllowed } of FIGURES) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      if (limitAllowed && LIMIT.test(text.slice(Math.max(0, at - 40), at))) continue;
      const line = text.slice(0, at).split('\n').length;
      const context = markdown.split('\n')[line - 1]?.trim().slice(0, 120);
      found.push({ at, report: `${page}:${line}: ${what}: "${m[0]}" in "${context}"` });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.report);
}

const show = (page: string, s: Sentence) => `${page}:${s.line}: ${s.words} words: ${s.text}`;

describe('architecture: the user docs read as user docs', () => {
  const all = USER_PAGES.flatMap((page) => sentences(readFileSync(join(ROOT, page), 'utf8')).map((s) => ({ page, s })));

  it(`no sentence of the user pages is over ${MAX_WORDS} words (split it: say what a user does and sees)`, () => {
    const over = all.filter(({ s }) => s.words > MAX_WORDS).map(({ page, s }) => show(page, s));
    if (over.length > 0) assert.fail(`${over.length} sentences over ${MAX_WORDS} words:\n${over.join('\n')}`);
  });

  it(`at most one sentence in ${LONG_ONE_IN} of the user pages is over ${LONG_WORDS} words`, () => {
    const long = all.filter(({ s }) => s.words > LONG_WORDS).map(({ page, s }) => show(page, s));
    const allowed = Math.floor(all.length / LONG_ONE_IN);
    if (long.length > allowed)
      assert.fail(
        `${long.length} of ${all.length} sentences are over ${LONG_WORDS} words, at most ${allowed} may be; split some of:\n${long.join('\n')}`,
      );
  });

  for (const page of USER_PAGES) {
    it(`${page}: no test count or measured figure (those go to bench/README.md; a limit says "at most", "after", "default")`, () => {
      const found = figures(page, readFileSync(join(ROOT, page), 'utf8'));
      if (found.length > 0) assert.fail(`${found.length} figures:\n${found.join('\n')}`);
    });
  }

  it('docs/development.md quotes no test count (it goes stale with every test added)', () => {
    const found = figures('docs/development.md', readFileSync(join(ROOT, 'docs/development.md'), 'utf8')).filter((f) =>
      f.includes(': a test count: '),
    );
    if (found.length > 0) assert.fail(`${found.length} test counts:\n${found.join('\n')}`);
  });

  it("docs/development.md lists what the .vsix ships as package.json's `files`, entry by entry", () => {
    const page = readFileSync(join(ROOT, 'docs/development.md'), 'utf8');
    const list = /`vsce package` ships exactly package\.json's `files`: ([^(]*)\(/.exec(page)?.[1];
    assert.ok(list !== undefined, 'docs/development.md: no "`vsce package` ships exactly package.json\'s `files`: …"');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    assert.deepEqual(
      [...list.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
      pkg.files,
    );
  });

  it('the sentence splitter keeps abbreviations, file names and versions inside a sentence', () => {
    const page = [
      '# A heading. Not prose',
      '',
      'Open `a. b. c` with e.g. the editor, i.e. VS Code 1.139.1 or cursus 2.x. Then',
      'read package.json and [the docs](https://x.org/a.b. C) too.',
      '',
      '| a table. Not prose | x |',
      '',
      '```text',
      'code. Not prose',
      '```',
      '',
      '- An item. Another sentence of the item',
      '  continued here.',
      '1. A numbered item (see RL001). Done!',
      '',
      '> Quoted: a, b, etc. and more (move or rename?) and so on. cursus reads it. Then `x`. *Done.* More etc. Next',
      '  - nested item',
    ].join('\n');
    assert.deepEqual(
      sentences(page).map((s) => [s.line, s.words, s.text]),
      [
        [3, 13, 'Open `a. b. c` with e.g. the editor, i.e. VS Code 1.139.1 or cursus 2.x.'],
        [3, 7, 'Then read package.json and the docs too.'],
        [12, 2, 'An item.'],
        [12, 7, 'Another sentence of the item continued here.'],
        [14, 5, 'A numbered item (see RL001).'],
        [14, 1, 'Done!'],
        [16, 12, 'Quoted: a, b, etc. and more (move or rename?) and so on.'],
        [16, 3, 'cursus reads it.'],
        [16, 2, 'Then `x`.'],
        [16, 1, '*Done.*'],
        [16, 2, 'More etc.'],
        [16, 1, 'Next'],
        [17, 2, 'nested item'],
      ],
    );
  });

  it('the figure check tells a measurement from a limit', () => {
    const found = figures(
      'x.md',
      [
        'All 1,758 tests pass; 3 passing.',
        'It took 2.4 s, 531 ms (×0.14) and 5–10 ms; it holds 326 MB, 1.1× the time, median of 3 rounds.',
        'A file of at most 256 KB, over 2 MB, after 10 s without changes, older than 30 s, default 2 MB.',
        'Set `maxFileSizeMB` to `4`; `sleep 5 s` is code; cursus 2.x; RL045.',
      ].join('\n'),
    ).map((f) => f.replace(/ in ".*/, ''));
    assert.deepEqual(found, [
      'x.md:1: a test count: "1,758 tests"',
      'x.md:1: a test count: "3 passing"',
      'x.md:2: a timing: "2.4 s"',
      'x.md:2: a timing: "531 ms"',
      'x.md:2: a ratio: "×0.14"',
      'x.md:2: a timing: "5–10 ms"',
      'x.md:2: a size: "326 MB"',
      'x.md:2: a ratio: "1.1×"',
      'x.md:2: a measurement: "median of"',
    ]);
  });
});
