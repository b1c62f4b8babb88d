// Two writers on one root (two agents, each with its own MCP server) applying fixes to one file at once:
// both fixes were computed against the same text, so one is written and the other is stale — never both
// answered `applied: true` with one edit lost. Two processes race the MCP server's writeFix over many
// rounds; whoever wins a round, every edit answered applied is in the file and every other was refused stale.
// The lock lives in the user's private folder, never in the tree: whatever a repository or a crash leaves at its
// path (a folder, a link, a FIFO, a lock dated ahead, one of 300 MB) is taken over, never read whole nor written
// through, and an entry a repository plants where older builds kept the lock changes nothing.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { lockOf } from '../../server/src/host/lockedWrite';
import { sha256 } from '../../server/src/mcp/fixProposals';
import { REPO } from '../cli/helpers';

const ROUNDS = 150;
const FILE = 'registry.py';

/** A writer process: `send` hands it a fix and resolves with its answer. */
function writer(): {
  send: (fix: object, root: string) => Promise<{ applied?: true; error?: string }>;
  end: () => void;
  /** Its peak resident memory (KB), where /proc tells it. */
  peakKb: () => number | null;
} {
  const proc: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', join(__dirname, 'raceWriter.ts')],
    { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const waiting: ((answer: { applied?: true; error?: string }) => void)[] = [];
  createInterface({ input: proc.stdout }).on('line', (line) =>
    waiting.shift()?.(JSON.parse(line) as { applied?: true; error?: string }),
  );
  return {
    send: (fix, root) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        proc.stdin.write(`${JSON.stringify({ root, fix })}\n`);
      }),
    end: () => proc.stdin.end(),
    peakKb: () => {
      const status = existsSync(`/proc/${proc.pid}/status`) ? readFileSync(`/proc/${proc.pid}/status`, 'utf8') : '';
      const kb = /VmHWM:\s*(\d+)/.exec(status)?.[1];
      return kb === undefined ? null : Number(kb);
    },
  };
}

/** A fix inserting `mark` as a line at `line`, computed against `text`. */
function insertion(text: string, line: number, mark: string): object {
  const at = { line, character: 0 };
  return {
    edits: [{ path: FILE, range: { start: at, end: at }, newText: `${mark}\n` }],
    basis: [{ path: FILE, sha256: sha256(text) }],
  };
}

describe('mcp: two writers applying fixes to one file at once', function () {
  this.timeout(300_000);
  it(`over ${ROUNDS} rounds, the edits answered applied are all in the file and the others were refused stale`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'registry-lens-race-'));
    const [a, b] = [writer(), writer()];
    try {
      // Large enough that a read, a hash and a write take a while: the window another writer could fall into.
      writeFileSync(join(root, FILE), `STEPS = {}\n${'# padding of the registry\n'.repeat(4_000)}`);
      const lost: string[] = [];
      let stale = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const text = readFileSync(join(root, FILE), 'utf8');
        const marks = [`A = ${round}`, `B = ${round}`];
        const answers = await Promise.all([
          a.send(insertion(text, 0, marks[0] ?? ''), root),
          b.send(insertion(text, 1, marks[1] ?? ''), root),
        ]);
        const after = readFileSync(join(root, FILE), 'utf8').split('\n');
        answers.forEach((answer, i) => {
          const mark = marks[i] ?? '';
          if (answer.applied === true) {
            if (!after.includes(mark)) lost.push(`round ${round}: '${mark}' answered applied, and is not in the file`);
          } else {
            assert.match(answer.error ?? '', /^stale fix: registry\.py changed since the fix was proposed/, mark);
            assert.ok(!after.includes(mark), `round ${round}: '${mark}' was refused, and is in the file`);
            stale++;
          }
        });
        assert.equal(answers.filter((x) => x.applied === true).length, 1, `round ${round}: ${JSON.stringify(answers)}`);
      }
      assert.deepEqual(lost, []);
      assert.equal(stale, ROUNDS);
      // Neither a lock nor a temporary file is left behind.
      assert.deepEqual(readdirSync(root), [FILE]);
    } finally {
      a.end();
      b.end();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes over a lock its writer left behind (its process is gone), and leaves none', async () => {
    const root = mkdtempSync(join(tmpdir(), 'registry-lens-race-'));
    const w = writer();
    try {
      const text = 'STEPS = {}\n';
      writeFileSync(join(root, FILE), text);
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
        encoding: 'utf8',
      });
      const lock = lockOf(join(root, FILE));
      writeFileSync(lock, `${gone.stdout} ${Date.now()} left-behind`);
      assert.deepEqual(await w.send(insertion(text, 0, 'A = 1'), root), { applied: true });
      assert.equal(readFileSync(join(root, FILE), 'utf8'), `A = 1\n${text}`);
      assert.deepEqual(readdirSync(root), [FILE]);
      assert.ok(!existsSync(lock));
    } finally {
      w.end();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('applies whatever entry is found at the lock path or where a repository could plant one, reading none whole', async () => {
    const root = mkdtempSync(join(tmpdir(), 'registry-lens-race-'));
    const outside = join(root, '..', `${root.slice(root.lastIndexOf('/') + 1)}-outside.txt`);
    const w = writer();
    // Each shape made at `at`: what a repository ships (a folder, a link, a FIFO; pid 1 is always alive).
    const shapes: Record<string, (at: string) => void> = {
      folder: (at) => mkdirSync(at),
      'link out': (at) => symlinkSync(outside, at),
      'link to /dev/zero': (at) => symlinkSync('/dev/zero', at),
      FIFO: (at) => execFileSync('mkfifo', [at]),
      'dated ahead, pid 1': (at) => {
        writeFileSync(at, '1 0 planted');
        utimesSync(at, new Date('2035-01-01'), new Date('2035-01-01'));
      },
      '300 MB, pid 1': (at) => {
        writeFileSync(at, '1 ');
        truncateSync(at, 300 * 1024 * 1024);
      },
    };
    try {
      writeFileSync(outside, 'secret\n');
      let text = 'STEPS = {}\n';
      writeFileSync(join(root, FILE), text);
      let n = 0;
      for (const [shape, make] of Object.entries(shapes)) {
        // Where builds before kept the lock, beside the file; and the lock path itself.
        for (const at of [join(root, `.${FILE}.registry-lens-lock`), lockOf(join(root, FILE))]) {
          make(at);
          const mark = `A = ${n++}`;
          assert.deepEqual(await w.send(insertion(text, 0, mark), root), { applied: true }, `${shape} at ${at}`);
          text = readFileSync(join(root, FILE), 'utf8');
          assert.ok(text.startsWith(`${mark}\n`), shape);
          rmSync(at, { recursive: true, force: true });
        }
      }
      assert.equal(readFileSync(outside, 'utf8'), 'secret\n');
      const peak = w.peakKb();
      if (peak !== null) assert.ok(peak < 250_000, `the writer peaked at ${peak} KB`);
    } finally {
      w.end();
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { force: true });
    }
  });
});
