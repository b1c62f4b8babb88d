// What the `check --cache` tests share with the soak's long sequences: a temporary folder that is also the user's
// cache folder of the runs (and of this process: the same key), a cached run beside a fresh one, and the oracle
// "cached run == fresh run" over random edits on disk, whose length the caller gives.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, removeTrees, runCliAsync, type CliRun } from './helpers';
import { changeOnDisk, rng, type Edit } from '../engine/randomEdits';

export const TEMP = mkdtempSync(join(tmpdir(), 'registry-lens-cache-'));
/** The user's cache folder of these runs (and of this process: the same key). */
export const USER_CACHE = join(TEMP, 'user-cache');

/** Registers, in the calling `describe`, the hooks that make USER_CACHE the user's cache folder and remove TEMP. */
export function cacheHooks(): void {
  let xdg: string | undefined;
  before(() => {
    xdg = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = USER_CACHE;
  });
  after(() => {
    if (xdg === undefined) delete process.env['XDG_CACHE_HOME'];
    else process.env['XDG_CACHE_HOME'] = xdg;
    removeTrees();
    rmSync(TEMP, { recursive: true, force: true });
  });
}

/** The run's document without its timing, its exit code and what it said on stderr. */
export function answer(r: CliRun): string {
  const doc = JSON.parse(r.stdout) as { summary: Record<string, unknown> };
  delete doc.summary['ms'];
  return JSON.stringify({ doc, code: r.code, stderr: r.stderr });
}

/** Two runs side by side (one writes the cache, the other reads none): their answers. */
async function checks(root: string, a: string[], b: string[]): Promise<[string, string]> {
  const run = (extra: string[]): Promise<string> =>
    runCliAsync(['check', root, '--format', 'json', ...extra]).then(answer);
  return Promise.all([run(a), run(b)]);
}

export function cacheFile(folder: string): string {
  const files = readdirSync(folder).filter((f) => f.endsWith('.bin'));
  assert.equal(files.length, 1, `one cache file in ${folder}: ${files.join(', ')}`);
  return join(folder, files[0] as string);
}

/** Asserts that the cached run and a fresh one agree; returns whether the cached run rewrote its file. */
export async function sameAsFresh(root: string, folder: string, what: string): Promise<boolean> {
  const before = existsSync(folder) && readdirSync(folder).length > 0 ? readFileSync(cacheFile(folder)) : null;
  const [cached, fresh] = await checks(root, ['--cache', '--cache-location', folder], []);
  assert.equal(cached, fresh, what);
  return before === null || !before.equals(readFileSync(cacheFile(folder)));
}

/**
 * The oracle "cached run == fresh run": a copy of the example run with and without its cache, then `steps` random
 * edits (files changed, added, removed, renamed; settings changed) each followed by both runs; after no change, the
 * cached run answers from its file without rewriting it.
 */
export async function cacheOracle(example: string, edits: readonly Edit[], seed: number, steps: number): Promise<void> {
  const root = join(TEMP, `${example}-${seed}-${steps}`);
  cpSync(join(REPO, 'examples', example), root, { recursive: true });
  const c = join(TEMP, `oracle-${example}-${seed}-${steps}`);
  const random = rng(seed);
  await sameAsFresh(root, c, 'first run');
  for (let step = 0; step < steps; step++) {
    const kind = changeOnDisk(root, random, edits);
    const rewritten = await sameAsFresh(root, c, `step ${step} (${kind})`);
    if (kind === 'none') assert.ok(!rewritten, `step ${step}: nothing changed, answered from the cache`);
  }
}
