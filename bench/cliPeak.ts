// The product's memory for one load: `registry-lens check` on the org, in a process of its own, its
// maximum RSS reported on exit by a preload. The engine rows load the org five times in one process,
// where V8 keeps the heap limit an earlier load raised, so their peak counts a repeated-load effect no
// CLI run or server start reaches (bench/README.md, "Peak memory"). Beside each full check, side by
// side in the same run, `check --files` of one registry: what the pre-commit hook costs a one-file commit.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * `check --files FILE` (root-relative), run after each full check: wall time per run and what it reported; then
 * `check --daemon --files FILE` with FILE changed (a comment appended, for a Python or YAML file) and the root's daemon
 * serving (started before the first run, not timed): the hook with `--daemon`.
 */
export interface CliFiles {
  file: string;
  ms: number[];
  diagnostics: number;
  daemonMs: number[];
}
export interface CliPeak {
  peakRssMb: number[];
  ms: number[];
  diagnostics: number;
  files?: CliFiles;
}

/** Writes the process's maximum RSS (KB) to $RL_PEAK_OUT when it exits. */
const PRELOAD =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.RL_PEAK_OUT,String(process.resourceUsage().maxRSS)))';

export interface Run {
  ms: number;
  diagnostics: number;
  peakRssMb: number;
}

/** One `cli check` in a fresh process: its wall time, its diagnostics, its peak RSS (MB). */
export function runCheck(cli: string, args: string[], peakFile: string): Run {
  const t0 = performance.now();
  // The options first: `args` may end with `--` and files.
  const argv = ['--import', PRELOAD, cli, 'check', '--format', 'json', '--fail-on', 'never', ...args];
  const env = { ...process.env, RL_PEAK_OUT: peakFile };
  const res = spawnSync(process.execPath, argv, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const failed = `registry-lens check ${args.join(' ')} failed (exit ${res.status ?? res.signal})`;
  if (res.status !== 0) throw new Error(`${failed}: ${res.stderr.slice(0, 500)}`);
  const diagnostics = (JSON.parse(res.stdout) as { diagnostics: unknown[] }).diagnostics.length;
  return { ms, diagnostics, peakRssMb: Number(readFileSync(peakFile, 'utf8')) / 1024 };
}

/**
 * Runs `cli check root` `runs` times, each in a fresh process; its peak RSS and wall time per run.
 * With `file`, each run is followed by `cli check --root root --files root/file`.
 */
export function cliPeak(cli: string, root: string, runs: number, file?: string): CliPeak {
  const dir = mkdtempSync(join(tmpdir(), 'registry-lens-peak-'));
  const files = file === undefined ? {} : { files: { file, ms: [], diagnostics: 0, daemonMs: [] } };
  const out: CliPeak = { peakRssMb: [], ms: [], diagnostics: 0, ...files };
  try {
    if (file !== undefined) runCheck(cli, ['--daemon', root], join(dir, 'daemon'));
    for (let i = 0; i < runs; i++) {
      const full = runCheck(cli, [root], join(dir, `peak-${i}`));
      out.ms.push(full.ms);
      out.diagnostics = full.diagnostics;
      out.peakRssMb.push(full.peakRssMb);
      if (out.files === undefined) continue;
      const args = ['--root', root, '--files', '--', join(root, out.files.file)];
      const staged = runCheck(cli, args, join(dir, `files-${i}`));
      out.files.ms.push(staged.ms);
      out.files.diagnostics = staged.diagnostics;
      const path = join(root, out.files.file);
      const original = readFileSync(path);
      if (/\.(py|ya?ml)$/.test(path)) appendFileSync(path, `\n# bench edit ${i}\n`);
      try {
        out.files.daemonMs.push(runCheck(cli, ['--daemon', ...args], join(dir, `daemon-${i}`)).ms);
      } finally {
        writeFileSync(path, original);
      }
    }
    return out;
  } finally {
    if (file !== undefined) spawnSync(process.execPath, [cli, 'daemon', '--stop', root]);
    rmSync(dir, { recursive: true, force: true });
  }
}
