// What the benches of `check --daemon` ask of a root's daemon: `daemon --status` (its pid and the checks it
// answered), waiting until one listens (a first `check --daemon` starts it as it exits), and stopping it.
import { spawnSync } from 'node:child_process';

interface Status {
  pid: number;
  answered: number;
  text: string;
}

/** What `daemon --status` says: the pid and the checks answered; null when none serves the root. */
export function daemonStatus(cli: string, root: string): Status | null {
  const r = spawnSync(process.execPath, [cli, 'daemon', '--status', root], { encoding: 'utf8' });
  if (r.status === 1) return null;
  const pid = /\(pid (\d+)\)/.exec(r.stdout)?.[1];
  const answered = /checks answered: (\d+)/.exec(r.stdout)?.[1];
  if (pid === undefined || answered === undefined) throw new Error(`daemon --status: ${r.stdout}${r.stderr}`);
  return { pid: Number(pid), answered: Number(answered), text: r.stdout };
}

/** The status once a daemon listens (asked again until then; each ask is a process). */
export function daemonUp(cli: string, root: string): Status {
  for (;;) {
    const status = daemonStatus(cli, root);
    if (status !== null) return status;
  }
}

/** Stops the root's daemon and waits until its process is gone. */
export function stopDaemon(cli: string, root: string): void {
  const status = daemonStatus(cli, root);
  if (status === null) return;
  spawnSync(process.execPath, [cli, 'daemon', '--stop', root]);
  for (;;) {
    try {
      process.kill(status.pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.05']); // a bench, not a test: polling the process table is fine here
  }
}
