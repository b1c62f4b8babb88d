// `daemon --status`: what a user asks of a running daemon — which process, which root, whether its analysis is done,
// how many checks it answered (the first `check --daemon` of a root is answered by the check itself, not the daemon)
// and how long it has run.
import type { DaemonStatus } from './daemonProtocol';

const ANALYSIS: Record<DaemonStatus['analysis'], string> = {
  waiting: 'not begun (it waits for the check that started it to end)',
  loading: 'under way',
  loaded: 'done',
};

/** The status lines of the daemon `pid`. */
export function formatDaemonStatus(pid: number, s: DaemonStatus): string {
  return (
    `a daemon serves ${s.root} (pid ${pid})\n` +
    `  analysis: ${ANALYSIS[s.analysis]}\n` +
    `  checks answered: ${s.answered}\n` +
    `  up ${duration(s.uptimeMs)}; exits after ${s.idleMinutes} minutes without a check\n`
  );
}

/** `2 h 5 min`, `3 min 12 s`, `40 s`. */
function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
