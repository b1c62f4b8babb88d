// The cache-corruption phase of `npm run fuzz`: `check --cache` (host/checkCache.ts) over an example
// root whose cache file is damaged at random between runs — bytes flipped, cut, inserted, a slice
// of another root's cache spliced in — or forged (signed with another key, or signed with the user's
// and naming paths outside the root or fields of another type), or replaced by a link (to a device, to
// stdin, to a file outside; the folder to a folder elsewhere), must print what a run without cache prints,
// never crash, never trust what it read and never write outside its cache folder; it is rebuilt (said on
// stderr at most).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { version } from '../../package.json';
import { readCacheFile, writeCacheFile, type CacheSpec } from '../../server/src/host/cacheFile';
import { cacheSpec } from '../../server/src/host/checkCache';
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

/** What `check` answers, without its timing and what it said about the cache itself (`env`: the user's cache). */
function answer(root: string, args: string[], env: NodeJS.ProcessEnv): { text: string; crashed: boolean } {
  const r = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env,
    input: '',
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

/** Every path under `dir` but those under `skip`, with each file's content: what a run may not change. */
function listing(dir: string, skip: readonly string[]): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (skip.includes(p)) continue;
      if (e.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${e.isFile() ? readFileSync(p, 'base64') : 'special'}`);
    }
  };
  walk(dir);
  return out.sort().join('\n');
}

/**
 * Puts a hostile cache in place of the genuine one (`genuine`: its parts, as signed by `user`): forged with another key
 * and an empty list of files to verify, signed with the user's key and naming what no run writes, a link, or the folder
 * a link (`folder`: the cache folder to name instead, a link in `links` to `outside`). Its kind, for a failure's message.
 */
function hostile(
  r: Random,
  user: CacheSpec,
  name: string,
  genuine: readonly unknown[],
  { outside, links }: { outside: string; links: string },
): { kind: string; folder?: string } {
  const path = join(user.folder, name);
  const head = structuredClone(genuine[0]) as { result: { diagnostics: unknown[] } };
  const list = (files: unknown[]): unknown[] => [files, files.map(() => 'x'), files.map(() => '1:1:1:1')];
  const signed = (kind: string, parts: unknown[], key = user.key): { kind: string } => {
    rmSync(path, { force: true });
    writeCacheFile({ ...user, key }, name, parts, () => undefined);
    return { kind };
  };
  const linked = (kind: string, target: string): { kind: string } => {
    rmSync(path, { force: true });
    symlinkSync(target, path);
    return { kind };
  };
  switch (Math.floor(r() * 10)) {
    case 0:
      return signed(
        'a cache signed with another key',
        [{ ...head, result: { ...head.result, diagnostics: [] } }],
        randomBytes(32),
      );
    case 1:
      return signed('a signed ../ path', [head, list(['../outside/mine.txt'])]);
    case 2:
      return signed('a signed absolute path', [head, list([join(outside, 'mine.txt')])]);
    case 3:
      return signed('a signed list of another type', [head, [[1, null], ['x'], [{}]]]);
    case 4:
      return signed('a signed diagnostic of another type', [
        { ...head, result: { ...head.result, diagnostics: [null, 7] } },
      ]);
    case 5:
      return linked('a link to /dev/zero', '/dev/zero');
    case 6:
      return linked('a link to /dev/stdin', '/dev/stdin');
    case 7:
      return linked("a link to the user's file", join(outside, 'mine.txt'));
    case 8: {
      const fifo = join(user.folder, `fifo-${randomBytes(4).toString('hex')}`);
      execFileSync('mkfifo', [fifo]);
      return linked('a link to a FIFO', fifo);
    }
    default: {
      const folder = join(links, randomBytes(4).toString('hex'));
      symlinkSync(outside, folder);
      return { kind: 'a cache folder that is a link', folder };
    }
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
    const env = { ...process.env, XDG_CACHE_HOME: join(temp, 'user-cache') };
    const fresh = answer(root, [], env).text;
    answer(root, ['--cache', '--cache-location', cache], env);
    answer(other, ['--cache', '--cache-location', otherCache], env);
    const file = (dir: string): string => join(dir, readdirSync(dir)[0] as string);
    const good = readFileSync(file(cache));
    const foreign = readFileSync(file(otherCache));
    for (let i = 0; i < ROUNDS; i++) {
      writeFileSync(file(cache), damage(r, good, foreign));
      const got = answer(root, ['--cache', '--cache-location', cache], env);
      t.runs++;
      if (!got.crashed && got.text === fresh) continue;
      t.failures++;
      failure('cache', `check --cache of ${a} with a damaged cache (round ${i}) differs or crashed`, new Map());
    }
    // Forged and linked caches: the same answer, and nothing written outside the cache folder.
    const outside = join(temp, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'mine.txt'), "the user's file\n");
    const links = join(temp, 'links');
    mkdirSync(links);
    const unwritten = [cache, join(temp, 'user-cache'), links];
    const before = listing(temp, unwritten);
    writeFileSync(file(cache), good);
    process.env['XDG_CACHE_HOME'] = env.XDG_CACHE_HOME;
    const spec = cacheSpec(root, cache, version, () => undefined);
    const header = /"engine":"([^"]+)"/.exec(good.toString('latin1'));
    if (spec === null || header === null) throw new Error('the cache key or the engine cannot be had');
    const user: CacheSpec = { ...spec, engine: header[1] as string };
    const name = basename(file(cache));
    const genuine = readCacheFile(user, name, () => undefined);
    if (genuine === undefined) throw new Error('the genuine cache does not read');
    for (let i = 0; i < ROUNDS; i++) {
      const what = hostile(r, user, name, genuine, { outside, links });
      const got = answer(root, ['--cache', '--cache-location', what.folder ?? cache], env);
      const after = listing(temp, unwritten);
      t.runs++;
      if (!got.crashed && got.text === fresh && after === before) continue;
      t.failures++;
      const detail = after === before ? 'differs or crashed' : 'wrote outside its cache folder';
      failure('cache', `check --cache of ${a} with ${what.kind} (round ${i}) ${detail}`, new Map());
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return t;
}
