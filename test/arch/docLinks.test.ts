// The user docs link to one another (the README to docs/, docs/ to the README, ARCHITECTURE.md and
// each other): every relative link names a file of the repository and, into a markdown page, an
// anchor that page has on GitHub, so moving a section breaks this test instead of a reader's click.
// CHANGELOG.md is history: its links may name sections as they were.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { anchorsOf } from './markdownAnchors';

const ROOT = join(__dirname, '../..');
const PAGES = [
  'README.md',
  'ARCHITECTURE.md',
  'bench/README.md',
  'scripts/e2e/NOTES.md',
  ...['docs', 'media/walkthrough'].flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${d}/${f}`),
  ),
];

/** The targets of a page's inline links and images outside fenced code (external and mailto links left out). */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string).filter((t) => !/^[a-z][\w+.-]*:/i.test(t));
}

describe('architecture: links between the docs resolve', () => {
  it('reads the README, ARCHITECTURE.md and every page of docs/', () => {
    assert.ok(PAGES.includes('docs/diagnostics.md') && PAGES.includes('docs/settings.md'), PAGES.join(', '));
  });

  for (const page of PAGES) {
    it(`${page}: every relative link names an existing file and anchor`, () => {
      const broken: string[] = [];
      for (const target of links(readFileSync(join(ROOT, page), 'utf8'))) {
        const [path = '', anchor] = target.split('#');
        const file = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path)));
        if (relative(ROOT, join(ROOT, file)).startsWith('..') || !existsSync(join(ROOT, file))) {
          broken.push(`${target}: no file ${file}`);
          continue;
        }
        if (
          anchor !== undefined &&
          file.endsWith('.md') &&
          !anchorsOf(readFileSync(join(ROOT, file), 'utf8')).has(anchor)
        )
          broken.push(`${target}: no anchor #${anchor} in ${file}`);
      }
      assert.deepEqual(broken, []);
    });
  }
});
