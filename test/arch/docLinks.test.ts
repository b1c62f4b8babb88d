// The user docs link to one another (the README to docs/, docs/ to the README, ARCHITECTURE.md and
// each other): every relative link names a file of the repository and, into a markdown page, an
// anchor that page has on GitHub, so moving a section breaks this test instead of a reader's click.
// CHANGELOG.md is history: its links may name sections as they were.
// What the tree cannot vouch for is refused too: a link to the project's own repository or pages (it is
// not published yet; README.md names its future home once, in "Where it lives"), a range of codes
// (`RL001–RL045` goes stale as codes are added), and, in the docs for users, a path into this
// repository's sources or tests, which a user of the extension or the package does not have (the tools
// under scripts/ are run from a clone, as the README's instructions are). The docs
// for users are README.md and docs/*.md except development.md (how to build and test the project) and
// lsp.md (the server's protocol and internals, for those who integrate or change it).
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

/** Files that reach users and may name the project's address: the pages, the manifests, the emitted code. */
const SHIPPED = [
  ...PAGES,
  'CHANGELOG.md',
  'package.json',
  'action.yml',
  '.pre-commit-hooks.yaml',
  ...['server/src', 'client/src', 'client/webview'].flatMap((d) =>
    (readdirSync(join(ROOT, d), { recursive: true }) as string[])
      .filter((f) => /\.(ts|mjs|css)$/.test(f))
      .map((f) => `${d}/${f}`),
  ),
];
const USER_PAGES = PAGES.filter(
  (p) => p === 'README.md' || (p.startsWith('docs/') && p !== 'docs/development.md' && p !== 'docs/lsp.md'),
);
/** The project's own addresses: its repository, a Pages site, a Marketplace or npm page. */
const OWN_ADDRESS =
  /github\.com\/registry-lens\b|registry-lens\.github\.io|itemName=[\w-]*registry-lens|npmjs\.com\/package\/registry-lens/gi;
/** "RL001–RL045", "RL001-RL045", "RL001 … RL045", "RL001 to RL045". */
const CODE_RANGE = /RL\d{3}\s*(?:–|—|-|\.\.\.?|…|to)\s*RL\d{3}/g;
/** `server/…`, `client/…` or `test/…` paths whose first folder or file below exists here (`scripts/` are tools a clone runs). */
function internalPaths(markdown: string): string[] {
  return [...markdown.matchAll(/(?<![\w./-])((?:server|client|test)\/[\w.-]+)[\w./-]*/g)]
    .filter((m) => existsSync(join(ROOT, m[1] as string)))
    .map((m) => m[0]);
}
/** The one place that names the future home: README.md's "Where it lives" section. */
function withoutFutureHome(page: string, text: string): string {
  return page === 'README.md' ? text.replace(/^## Where it lives\n[\s\S]*?(?=^## )/m, '') : text;
}

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

describe('architecture: the docs name only what the tree can vouch for', () => {
  it("README.md names the project's future home, as future, in one place", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(
      readme,
      /^## Where it lives\n[\s\S]*?future home is\s+`github\.com\/registry-lens\/registry-lens`, which does not exist yet/m,
    );
  });

  for (const file of SHIPPED) {
    it(`${file}: no link to the project's repository or pages, which do not exist yet`, () => {
      const text = withoutFutureHome(file, readFileSync(join(ROOT, file), 'utf8'));
      assert.deepEqual(text.match(OWN_ADDRESS), null);
    });
  }

  for (const page of [...PAGES, 'CHANGELOG.md'].filter(
    (p) => p.startsWith('docs/') || p === 'README.md' || p.startsWith('media/'),
  )) {
    it(`${page}: no range of codes`, () => {
      assert.deepEqual(readFileSync(join(ROOT, page), 'utf8').match(CODE_RANGE), null);
    });
  }

  for (const page of USER_PAGES) {
    it(`${page}: no path into the project's sources or tests`, () => {
      assert.deepEqual(internalPaths(readFileSync(join(ROOT, page), 'utf8')), []);
    });
  }

  it('the checks catch what they are for', () => {
    assert.deepEqual('see https://github.com/registry-lens/registry-lens/blob/main/x'.match(OWN_ADDRESS)?.length, 1);
    assert.deepEqual('codes RL001–RL045, RL046 to RL059'.match(CODE_RANGE), ['RL001–RL045', 'RL046 to RL059']);
    assert.deepEqual(internalPaths('in `server/src/engine/codes.ts` and test/cli/check.test.ts, not test/unit'), [
      'server/src/engine/codes.ts',
      'test/cli/check.test.ts',
    ]);
  });
});
