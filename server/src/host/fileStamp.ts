// A file's stamp (size, change times, inode) and the one rule of when it may stand for the file's content: every
// comparison of a file with an earlier read — `check --cache`, the language server's diagnostics cache, a root fed
// again (the daemon, the MCP server) — takes both from here, so none trusts a stamp another would read again.
import { statSync } from 'node:fs';

/**
 * How long before a time a file's last change must lie for its stamp to stand for its content from that time on: file
 * systems keep times to a second (two on FAT), so a file rewritten within that second after its stamp was taken may
 * keep it (git's "racy" files). Such files are read again.
 */
const STAMP_SLACK_MS = 2_000;

/**
 * Whether a file's stamp (`fileStamp`: '' for no file) can stand for its content from `time` on: its last change lies
 * far enough before (`STAMP_SLACK_MS`) that a change after `time` moves it.
 */
export function stampStands(stamp: string, time: number): boolean {
  if (stamp === '') return false;
  const [, mtime, ctime] = stamp.split(':').map(Number);
  return Math.max(mtime ?? Infinity, ctime ?? Infinity) < time - STAMP_SLACK_MS;
}

/**
 * Size, change times and inode: a file rewritten in place or replaced (a rename over it) gets a new stamp; '' when
 * there is no such file.
 */
export function fileStamp(abs: string): string {
  try {
    const s = statSync(abs);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return '';
  }
}
