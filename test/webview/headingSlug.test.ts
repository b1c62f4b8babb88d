// The Markdown preview is opened at a code's section by the id it gives the section's heading: each
// heading of docs/diagnostics.md has its own, as VS Code's GitHub-style slugifier writes it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headingSlug } from '../../client/src/headingSlug';

describe('client: the Markdown preview id of a heading', () => {
  it('is the heading lower-cased, spaces as dashes, punctuation (the em dash too) dropped', () => {
    assert.equal(headingSlug('RL016 — unknown field (warning)'), 'rl016--unknown-field-warning');
    assert.equal(headingSlug('RL031 — `STEP_NAMES` is not a literal'), 'rl031--step_names-is-not-a-literal');
    assert.equal(headingSlug('RL050 — [a link](x.md) label'), 'rl050--a-link-label');
  });

  it("differs for every code's section of docs/diagnostics.md", () => {
    const doc = readFileSync(join(__dirname, '../../docs/diagnostics.md'), 'utf8');
    const headings = [...doc.matchAll(/^<a id="rl\d+"><\/a>\n## (.+)$/gm)].map((m) => m[1] as string);
    assert.ok(headings.length > 70);
    const slugs = headings.map(headingSlug);
    assert.equal(new Set(slugs).size, slugs.length);
    for (const s of slugs) assert.match(s, /^rl\d{3}--/);
  });
});
