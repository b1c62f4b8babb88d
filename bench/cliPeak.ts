// The product's memory for one load: `registry-lens check` on the org, in a process of its own, its
// maximum RSS reported on exit by a preload. The engine rows load the org five times in one process,
// where V8 keeps the heap limit an earlier load raised, so their peak counts a repeated-load effect no
// CLI run or server start reaches (bench/README.md, "Peak memory").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface CliPeak { peakRssMb: number[]; ms: number[]; diagnostics: number }

/** Writes the process's maximum RSS (KB) to $RL_PEAK_OUT when it exits. */
const PRELOAD = 'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.RL_PEAK_OUT,String(process.resourceUsage().maxRSS)))';

/** Runs `cli check root` `runs` times, each in a fresh process; its peak RSS and wall time per run. */
export function cliPeak(cli: string, root: string, runs: number): CliPeak {
  const dir = mkdtempSync(join(tmpdir(), 'registry-lens-peak-'));
  const out: CliPeak = { peakRssMb: [], ms: [], diagnostics: 0 };
  try {
    for (let i = 0; i < runs; i++) {
      const file = join(dir, `peak-${i}`);
      const t0 = performance.now();
      const res = spawnSync(process.execPath, ['--import', PRELOAD, cli, 'check', root, '--format', 'json', '--fail-on', 'never'],
        { env: { ...process.env, RL_PEAK_OUT: file }, encoding: 'utf8', maxBuffer: 1 << 30 });
      out.ms.push(performance.now() - t0);
      if (res.status !== 0) throw new Error(`registry-lens check ${root} failed (exit ${res.status ?? res.signal}): ${res.stderr.slice(0, 500)}`);
      out.diagnostics = (JSON.parse(res.stdout) as { diagnostics: unknown[] }).diagnostics.length;
      out.peakRssMb.push(Number(readFileSync(file, 'utf8')) / 1024);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
