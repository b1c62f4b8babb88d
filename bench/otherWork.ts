// What else the machine did while the bench measured: its busy CPU time (/proc/stat, steal included: a
// hypervisor running other guests on these cores) less the CPU time of the bench's own process and of
// the children it reaped (/proc/self/stat: every server the bench starts has exited and been
// reaped by the end of the window that started it), as cores kept busy on average. The 1-minute load
// average cannot tell an idle machine: it counts the bench's own processes (a large-org server start
// alone keeps ~1.4 cores busy with its GC threads, and an otherwise idle machine read as "load 1.7").
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Cores kept busy on average by work other than the bench's, and how many of them were stolen by the hypervisor. */
export interface OtherWork {
  cores: number;
  stealCores: number;
}

/** One reading, in the kernel's clock ticks: the machine's busy, stolen and total time over all CPUs, and the bench's own. */
export interface CpuSample {
  busy: number;
  steal: number;
  total: number;
  own: number;
}

/**
 * The reading in the texts of /proc/stat and /proc/self/stat (proc(5)), or null when they are not
 * those files' shapes. The first line of /proc/stat: `cpu user nice system idle iowait irq softirq
 * steal guest guest_nice` (guest time is already counted in user). /proc/self/stat: after the command
 * name in parentheses (which may hold spaces and parentheses), field 3 (state) onwards; fields 14–17 are
 * utime, stime, cutime, cstime.
 */
export function cpuSample(procStat: string, selfStat: string): CpuSample | null {
  const head = (procStat.split('\n', 1)[0] ?? '').trim().split(/\s+/);
  const machine = head.slice(1, 9).map(Number);
  const own = selfStat
    .slice(selfStat.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/)
    .slice(11, 15)
    .map(Number);
  if (
    head[0] !== 'cpu' ||
    machine.length < 8 ||
    own.length < 4 ||
    [...machine, ...own].some((n) => !Number.isFinite(n))
  )
    return null;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = machine;
  const sum = (xs: (number | undefined)[]): number => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  const busy = sum([user, nice, system, irq, softirq, steal]);
  return { busy, steal: steal ?? 0, total: busy + sum([idle, iowait]), own: sum(own) };
}

/** The other work between two readings on a machine of `cpuCount` CPUs (null when no time passed). */
export function otherWork(before: CpuSample, after: CpuSample, cpuCount: number): OtherWork | null {
  const total = after.total - before.total;
  if (total <= 0) return null;
  const other = Math.max(0, after.busy - before.busy - (after.own - before.own));
  return {
    cores: (other / total) * cpuCount,
    stealCores: (Math.max(0, after.steal - before.steal) / total) * cpuCount,
  };
}

function readSample(): CpuSample | null {
  try {
    return cpuSample(readFileSync('/proc/stat', 'utf8'), readFileSync('/proc/self/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** Starts a window: the function returned gives the other work since, or null where /proc cannot tell (not Linux). */
export function otherWorkSince(): () => OtherWork | null {
  const before = readSample();
  return () => {
    const after = readSample();
    return before && after ? otherWork(before, after, cpus().length) : null;
  };
}

/** Other work above this (a tenth of a core on average) inflates wall-clock figures: the run is not an idle machine's. */
export const OTHER_BUSY_CORES = 0.1;
/** Where /proc cannot tell other work: a 1-minute load average above this share of the CPUs (it counts the bench's own processes too). */
export const BUSY_LOAD_PER_CPU = 0.5;

/** Whether a run was too busy for its wall-clock figures: by its other work where known, else by its highest load average. */
export function wasBusy(other: OtherWork | null, load: number, cpuCount: number): boolean {
  return other ? other.cores > OTHER_BUSY_CORES : load > cpuCount * BUSY_LOAD_PER_CPU;
}

/** `0.02 cores (steal 0.01)`, as the reports print it. */
export function fmtOther(o: OtherWork): string {
  return `${o.cores.toFixed(2)} cores (steal ${o.stealCores.toFixed(2)})`;
}

/** The most other work (and the most steal) of several windows. */
export function worstOf(windows: readonly OtherWork[]): OtherWork {
  return {
    cores: Math.max(0, ...windows.map((o) => o.cores)),
    stealCores: Math.max(0, ...windows.map((o) => o.stealCores)),
  };
}
