// Memory assertions that do not depend on when V8 collects: a script runs in a child process whose heap
// cannot hold what the code under test would keep if its strings kept their texts alive. The child
// finishes, or runs out of memory, whenever the collector runs; a control run that keeps the texts on
// purpose shows the heap is small enough to tell.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface HeapRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` (CommonJS; TypeScript modules load through tsx) in a child whose old space holds at most `mb` MB. */
export function runInHeap(mb: number, script: string): HeapRun {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${mb}`, '--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A `require` of one of the repository's modules, by its path from the repository's root, for such a script. */
export function requireOf(path: string): string {
  return `require(${JSON.stringify(join(ROOT, path))})`;
}
