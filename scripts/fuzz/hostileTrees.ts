// Hostile trees for the containment rule (issue 42), a phase of `npm run fuzz`: symbolic links out of
// the root, to /dev/zero, dangling or looping, and FIFOs, delivered to the language server through
// watched-file events, directories deleted or renamed right after a file was created in them, and
// documents opened through links to directories — after them the server must publish what a
// fresh `registry-lens check` of the same tree gives, and answer at once; and special files as the
// CLI's `.vscode/settings.json` (a FIFO, links to /dev/zero, /proc/self/environ, a settings file outside
// the root, a directory, an oversized file) — the CLI must finish promptly, quote none of it, and
// analyse as with no settings at all; and settings that are data against the reader (prototype keys,
// nesting 20,000 deep, 120,000 globs, a glob of many stars beside a long name), which must change
// nothing and cost no more.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { TestClient } from '../../test/lsp/client';
import type { Random } from './mutate';

const CLI = join(__dirname, '../../dist/cli.js');
/** The limit the server and the fresh check are given: large, so a /dev/zero read would show. */
const MAX_FILE_SIZE_MB = 64;
const ANSWER_MS = 30_000;
const MARKER = 'fuzz-marker-from-proc-self-environ';

export interface HostileTally {
  trees: number;
  events: number;
  mismatches: number;
  hangs: number;
  settingsRuns: number;
  settingsFailures: number;
}

export interface HostileContext {
  roots: string[];
  readRoot: (name: string) => Map<string, string>;
  registryLike: (file: string) => boolean;
  failure: (kind: string, detail: string, files: Map<string, string>) => void;
}

/** Runs both halves in turn until `deadline`, each at least once. */
export async function hostileTreePhase(r: Random, deadline: number, ctx: HostileContext): Promise<HostileTally> {
  const t: HostileTally = { trees: 0, events: 0, mismatches: 0, hangs: 0, settingsRuns: 0, settingsFailures: 0 };
  do {
    const name = pick(r, ctx.roots);
    settingsFiles(r, name, ctx, t);
    await watchedLinks(r, name, ctx, t);
  } while (Date.now() < deadline);
  return t;
}

export function hostileSummary(t: HostileTally): string {
  return (
    `hostile trees: ${t.trees} trees, ${t.events} watched events, ${t.mismatches} mismatches with a fresh analysis, ${t.hangs} hangs; ` +
    `${t.settingsRuns} CLI runs on special settings files, ${t.settingsFailures} failures`
  );
}

export const hostileFailures = (t: HostileTally): number => t.mismatches + t.hangs + t.settingsFailures;

/** What a hostile entry at a path can be: each a file the walk never reads (or, `inside`, one it reads through an in-root link). */
const FILE_SHAPES = ['outside', 'zero', 'environ', 'dangling', 'fifo', 'inside'] as const;
const DIR_SHAPES = ['outside-dir', 'loop', 'dangling'] as const;

async function watchedLinks(r: Random, name: string, ctx: HostileContext, t: HostileTally): Promise<void> {
  const files = new Map(ctx.readRoot(name));
  files.set('.vscode/settings.json', JSON.stringify({ 'registryLens.maxFileSizeMB': MAX_FILE_SIZE_MB }));
  const targets = [...files.keys()].filter(ctx.registryLike);
  if (targets.length === 0) return;
  const outside = mkdtempSync(join(tmpdir(), 'rl-fuzz-outside-'));
  const c = await TestClient.start(files, { settings: { maxFileSizeMB: MAX_FILE_SIZE_MB } });
  const applied: string[] = [];
  try {
    if (!(await answers(c, t, name, files))) return;
    t.trees++;
    for (let k = 0; k < 6; k++) {
      const file = pick(r, targets);
      // The outside copy of a registry: were it read, the server would analyse it.
      const copy = join(outside, `o${k}`, file.slice(file.lastIndexOf('/') + 1));
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, files.get(file) ?? '');
      const how = r();
      const changes: { rel: string; type: number }[] = [];
      if (how < 0.3) {
        const shape = pick(r, FILE_SHAPES);
        unlinkSync(c.abs(file));
        place(c.abs(file), shape, copy, c.abs(pick(r, targets)));
        changes.push({ rel: file, type: 3 }, { rel: file, type: 1 });
        applied.push(`${file} := ${shape}`);
      } else if (how < 0.5) {
        const shape = pick(r, FILE_SHAPES);
        const dir = `${dirname(file)}/h${k}`;
        const rel = `${dir}/${file.slice(file.lastIndexOf('/') + 1)}`;
        mkdirSync(c.abs(dir), { recursive: true });
        place(c.abs(rel), shape, copy, c.abs(pick(r, targets)));
        changes.push({ rel: dir, type: 1 }, { rel, type: 1 });
        applied.push(`${rel} := ${shape}`);
      } else if (how < 0.65) {
        const shape = pick(r, DIR_SHAPES);
        const rel = `${dirname(file)}/h${k}`;
        symlinkSync(
          shape === 'outside-dir' ? dirname(copy) : shape === 'loop' ? c.abs(dirname(file)) : join(outside, 'gone'),
          c.abs(rel),
        );
        changes.push({ rel, type: 1 });
        applied.push(`${rel} := ${shape}`);
      } else if (how < 0.85) {
        // A file created in a new directory, then the directory deleted or renamed: two batches of events,
        // the second maybe applied before the analysis the first made due.
        const dir = `${dirname(file)}/g${k}`;
        const rel = `${dir}/${basename(file)}`;
        mkdirSync(c.abs(dir), { recursive: true });
        writeFileSync(c.abs(rel), files.get(file) ?? '');
        const created = [
          { uri: c.uri(dir), type: 1 },
          { uri: c.uri(rel), type: 1 },
        ];
        await c.notify('workspace/didChangeWatchedFiles', { changes: created });
        t.events += 2;
        const renamed = r() < 0.5;
        if (renamed) renameSync(c.abs(dir), c.abs(`${dir}x`));
        else rmSync(c.abs(dir), { recursive: true });
        changes.push({ rel: dir, type: 3 }, ...(renamed ? [{ rel: `${dir}x`, type: 1 }] : []));
        applied.push(`${rel} created, its directory ${renamed ? 'renamed' : 'deleted'}`);
      } else {
        // A document opened through a link to its directory (listed under its own name) or to an outside copy's.
        const inside = r() < 0.5;
        const link = `l${k}`;
        symlinkSync(inside ? c.abs(dirname(file)) : dirname(copy), c.abs(link));
        await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(link), type: 1 }] });
        t.events++;
        await c.open(`${link}/${basename(file)}`, files.get(file) ?? '');
        applied.push(`${link}/${basename(file)} opened through a link ${inside ? 'inside' : 'out of'} the root`);
      }
      await c.notify('workspace/didChangeWatchedFiles', {
        changes: changes.map((ch) => ({ uri: c.uri(ch.rel), type: ch.type })),
      });
      t.events += changes.length;
      if (!(await answers(c, t, name, files, applied))) return;
    }
    const diff = againstFresh(c);
    if (diff !== null) {
      t.mismatches++;
      ctx.failure('hostile-tree-mismatch', `${name} after ${applied.join('; ')}: ${diff}`, files);
    }
  } finally {
    await c.stop().catch(() => undefined);
    rmSync(outside, { recursive: true, force: true });
  }

  async function answers(
    client: TestClient,
    tally: HostileTally,
    root: string,
    input: Map<string, string>,
    shapes: string[] = [],
  ): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ANSWER_MS);
    });
    const ok = await Promise.race([
      client.request('registryLens/contexts', {}).then(
        () => true,
        () => false,
      ),
      late,
    ]);
    clearTimeout(timer);
    if (!ok) {
      tally.hangs++;
      ctx.failure('hostile-tree-hang', `${root}: no answer within ${ANSWER_MS} ms after ${shapes.join('; ')}`, input);
    }
    return ok;
  }
}

/** A hostile entry at `abs`. */
function place(abs: string, shape: (typeof FILE_SHAPES)[number], outsideCopy: string, insideFile: string): void {
  if (shape === 'fifo') execFileSync('mkfifo', [abs]);
  else
    symlinkSync(
      {
        outside: outsideCopy,
        zero: '/dev/zero',
        environ: '/proc/self/environ',
        dangling: `${outsideCopy}.gone`,
        inside: insideFile,
      }[shape],
      abs,
    );
}

/** null when the server's diagnostics are those of a fresh check of the same tree; else the first file that differs. */
function againstFresh(c: TestClient): string | null {
  const run = spawnSync(process.execPath, [CLI, 'check', c.root, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  // Exit 3: no registry left in the tree (its stdout is still the document, with no diagnostics).
  if (run.status !== 0 && run.status !== 3)
    return `the fresh check failed (${run.status ?? run.signal}): ${run.stderr.slice(0, 200)}`;
  const lists = new Map<string, string[]>();
  for (const d of (
    JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; message: string; range: unknown }[] }
  ).diagnostics) {
    lists.set(d.file, [...(lists.get(d.file) ?? []), `${d.code} ${JSON.stringify(d.range)} ${d.message}`]);
  }
  const fresh = new Map([...lists].map(([f, ds]) => [f, JSON.stringify(ds.sort())]));
  const prefix = `${c.uri('')}/`;
  const server = new Map<string, string>();
  for (const [uri, ds] of c.diagnostics) {
    if (ds.length > 0)
      server.set(
        decodeURIComponent(uri.slice(prefix.length)),
        JSON.stringify(ds.map((d) => `${String(d.code)} ${JSON.stringify(d.range)} ${d.message}`).sort()),
      );
  }
  for (const f of new Set([...fresh.keys(), ...server.keys()])) {
    if (fresh.get(f) !== server.get(f)) return `${f}: server ${server.get(f) ?? '[]'} vs fresh ${fresh.get(f) ?? '[]'}`;
  }
  return null;
}

const SETTINGS_SHAPES = [
  'fifo',
  'zero',
  'environ',
  'outside',
  'dangling',
  'directory',
  'oversized',
  'prototype-keys',
  'deep',
  'huge-globs',
  'many-stars',
] as const;

/** Settings whose content is hostile to the reader and matches nothing: the analysis must stay the defaults'. */
const SETTINGS_TEXTS: Partial<Record<(typeof SETTINGS_SHAPES)[number], () => string>> = {
  'prototype-keys': () =>
    '{"__proto__.exclude": ["**"], "__proto__": {"exclude": ["**"]}, ' +
    '"constructor.prototype.exclude": ["**"], "registryLens.__proto__.exclude": ["**"], ' +
    '"files.exclude": {"__proto__": true, "constructor": true}}',
  deep: () => `{"registryLens.exclude": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
  'huge-globs': () =>
    JSON.stringify({
      'files.exclude': Object.fromEntries(
        Array.from({ length: 120_000 }, (_, i) => [i < 400 ? `q${i}*z/**` : `q${i}/z`, true]),
      ),
    }),
  'many-stars': () =>
    JSON.stringify({
      'files.exclude': { [`**/${'*a'.repeat(12)}*b`]: true, '**/a/**/a/**/a/**/a/**/b': true },
    }),
};

/** The CLI on the root with `.vscode/settings.json` made each hostile shape in turn, against its run with none. */
function settingsFiles(r: Random, name: string, ctx: HostileContext, t: HostileTally): void {
  const tmp = mkdtempSync(join(tmpdir(), 'rl-fuzz-settings-'));
  const root = join(tmp, 'root');
  const files = ctx.readRoot(name);
  try {
    for (const [rel, text] of files) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    // Every code off: were this file read, the analysis would change.
    const silencing = JSON.stringify({
      'registryLens.diagnostics.severity': Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [`RL0${String(i).padStart(2, '0')}`, 'off']),
      ),
    });
    writeFileSync(join(tmp, 'settings.json'), silencing);
    const check = (): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', '--fail-on', 'never'], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { A_FUZZ_MARKER: MARKER, PATH: process.env['PATH'] ?? '' },
      });
    const baseline = check();
    const diagnostics = (out: unknown): string =>
      JSON.stringify((JSON.parse(String(out)) as { diagnostics: unknown }).diagnostics);
    if (baseline.status !== 0 && baseline.status !== 3) return;
    const expected = diagnostics(baseline.stdout);
    const settings = join(root, '.vscode', 'settings.json');
    mkdirSync(dirname(settings), { recursive: true });
    const shape = pick(r, SETTINGS_SHAPES);
    if (shape === 'fifo') execFileSync('mkfifo', [settings]);
    else if (shape === 'directory') mkdirSync(settings);
    else if (shape === 'oversized')
      writeFileSync(settings, `${silencing.slice(0, -1)}, "pad": "${'x'.repeat(3 * 1024 * 1024)}"}`);
    else if (shape === 'prototype-keys' || shape === 'deep' || shape === 'huge-globs' || shape === 'many-stars') {
      writeFileSync(settings, SETTINGS_TEXTS[shape]?.() ?? '{}');
      // A long name and a deep path the starred globs would backtrack on (empty directories: nothing to analyse).
      mkdirSync(join(root, 'a'.repeat(200), ...Array.from({ length: 200 }, () => 'a')), { recursive: true });
    } else
      symlinkSync(
        {
          zero: '/dev/zero',
          environ: '/proc/self/environ',
          outside: join(tmp, 'settings.json'),
          dangling: join(tmp, 'gone.json'),
        }[shape],
        settings,
      );
    const run = check();
    t.settingsRuns++;
    const stderr = String(run.stderr);
    const problem =
      run.error !== undefined || run.status !== baseline.status
        ? `exit ${run.status ?? run.signal ?? String(run.error)}`
        : stderr.includes(MARKER) || stderr.includes('severity')
          ? `its content quoted: ${stderr.slice(0, 200)}`
          : diagnostics(run.stdout) !== expected
            ? "an analysis other than the defaults'"
            : null;
    if (problem !== null) {
      t.settingsFailures++;
      ctx.failure('hostile-settings', `${name}, .vscode/settings.json as ${shape}: ${problem}`, files);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function pick<T>(r: Random, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}
