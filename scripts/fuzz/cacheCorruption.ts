// The cache-corruption phase of `npm run fuzz`: `check --cache` (host/checkCache.ts) over an example
// root whose cache file is damaged at random between runs — bytes flipped, cut, inserted, a slice
// of another root's cache spliced in — must print what a run without cache prints, never crash and
// never trust what it read; it is rebuilt (said on stderr at most).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Random } from './mutate';

export const CLI = join(__dirname, '../../dist/cli.js');
export const EXAMPLES = join(__dirname, '../../examples');
/** Damaged caches per run of the phase: short, as each costs two checks. */
const ROUNDS = 12;

/** What a short phase of the fuzzer ran (CLI runs, daemon requests), and how many of them failed. */
export interface CacheTally {
  runs: number;
  failures: number;
}

/** What `check` answers, without its timing and what it said about the cache itself. */
function answer(root: string, args: string[]): { text: string; crashed: boolean } {
  const r = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const crashed = r.status === 2 || r.status === null || r.stderr.includes('internal error');
  let doc: unknown = r.stdout;
  try {
    const parsed = JSON.parse(r.stdout) as { summary: Record<string, unknown> };
    delete parsed.summary['ms'];
    doc = parsed;
  } catch {
    // compared as text
  }
  const stderr = r.stderr.replace(/^registry-lens: (ignored the cache|cache not written).*\n/gm, '');
  return { text: JSON.stringify({ doc, code: r.status, stderr }), crashed };
}

function damage(r: Random, good: Buffer, other: Buffer): Buffer {
  const at = Math.floor(r() * good.length);
  switch (Math.floor(r() * 6)) {
    case 5: {
      // a byte near the end (the last files' stamps): decodes, and only the checksum tells
      const b = Buffer.from(good);
      const j = b.length - 1 - Math.floor(r() * Math.min(b.length, 2048));
      b[j] = (b[j] as number) ^ 1;
      return b;
    }
    case 0: {
      const b = Buffer.from(good);
      for (let i = 0; i < 1 + Math.floor(r() * 8); i++) {
        const j = Math.floor(r() * b.length);
        b[j] = (b[j] as number) ^ (1 << Math.floor(r() * 8));
      }
      return b;
    }
    case 1:
      return good.subarray(0, at);
    case 2:
      return Buffer.concat([good.subarray(0, at), Buffer.from([Math.floor(r() * 256)]), good.subarray(at)]);
    case 3:
      return Buffer.concat([good.subarray(0, at), other.subarray(Math.floor(r() * other.length))]);
    default:
      return Buffer.concat([good, good.subarray(at)]);
  }
}

export function cacheCorruptionPhase(
  r: Random,
  roots: string[],
  failure: (kind: string, detail: string, files: Map<string, string>) => void,
): CacheTally {
  const t: CacheTally = { runs: 0, failures: 0 };
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-fuzz-cache-'));
  try {
    const [a, b] = [0, 1].map(() => roots[Math.floor(r() * roots.length)] as string) as [string, string];
    const root = join(temp, 'root');
    cpSync(join(EXAMPLES, a), root, { recursive: true });
    const other = join(temp, 'other');
    cpSync(join(EXAMPLES, b), other, { recursive: true });
    const [cache, otherCache] = [join(temp, 'cache'), join(temp, 'other-cache')];
    const fresh = answer(root, []).text;
    answer(root, ['--cache', '--cache-location', cache]);
    answer(other, ['--cache', '--cache-location', otherCache]);
    const file = (dir: string): string => join(dir, readdirSync(dir)[0] as string);
    const good = readFileSync(file(cache));
    const foreign = readFileSync(file(otherCache));
    for (let i = 0; i < ROUNDS; i++) {
      writeFileSync(file(cache), damage(r, good, foreign));
      const got = answer(root, ['--cache', '--cache-location', cache]);
      t.runs++;
      if (!got.crashed && got.text === fresh) continue;
      t.failures++;
      failure('cache', `check --cache of ${a} with a damaged cache (round ${i}) differs or crashed`, new Map());
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return t;
}
