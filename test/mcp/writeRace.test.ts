// Two writers on one root (two agents, each with its own MCP server) applying fixes to one file at once:
// both fixes were computed against the same text, so one is written and the other is stale — never both
// answered `applied: true` with one edit lost. Two processes race the MCP server's writeFix over many
// rounds; whoever wins a round, every edit answered applied is in the file and every other was refused stale.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sha256 } from '../../server/src/mcp/fixProposals';
import { REPO } from '../cli/helpers';

const ROUNDS = 150;
const FILE = 'registry.py';

/** A writer process: `send` hands it a fix and resolves with its answer. */
function writer(): {
  send: (fix: object, root: string) => Promise<{ applied?: true; error?: string }>;
  end: () => void;
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
      writeFileSync(join(root, `.${FILE}.registry-lens-lock`), `${gone.stdout} ${Date.now()} left-behind`);
      assert.deepEqual(await w.send(insertion(text, 0, 'A = 1'), root), { applied: true });
      assert.equal(readFileSync(join(root, FILE), 'utf8'), `A = 1\n${text}`);
      assert.deepEqual(readdirSync(root), [FILE]);
    } finally {
      w.end();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
