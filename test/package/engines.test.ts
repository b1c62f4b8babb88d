// Every package `npm ci` installs accepts the Node that runs it: npm only warns (EBADENGINE) when one
// does not, so a pinned dependency that dropped our Node would otherwise surface in the Quick start,
// which fails on that warning, only at the end of CI.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';

const REPO = path.join(__dirname, '..', '..');

interface LockEntry {
  readonly version?: string;
  readonly engines?: { readonly node?: string } | readonly string[];
}

describe('the installed packages', () => {
  it("each one's engines accept the Node running npm ci", () => {
    const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const refused = Object.entries(lock.packages)
      .flatMap(([where, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : (entry.engines as { node?: string } | undefined)?.node;
        return range && !semver.satisfies(process.version, range)
          ? [`${where || 'registry-lens'} wants node ${range}`]
          : [];
      })
      .sort();
    assert.deepEqual(refused, [], `Node ${process.version}: pin an older version, or override it in package.json`);
  });
});
