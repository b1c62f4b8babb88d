// The bench tells an idle machine by the CPU time that was not its own (bench/otherWork.ts): the load
// average counts the servers it measures, so an idle machine read as busy.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpuSample, otherWork, worstOf, type CpuSample } from '../../bench/otherWork';

const STAT = (user: number, idle: number, steal: number): string =>
  `cpu  ${user} 200 23275 ${idle} 2322 0 522 ${steal} 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1 2 3\n`;
// The command name may hold spaces and parentheses; utime, stime, cutime and cstime are fields 14–17.
const SELF = (utime: number, cutime: number): string =>
  `4242 (node (bench) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 ${utime} 40 ${cutime} 20 20 0 11 0 500 1000000 2000`;

describe('bench: the other work while measuring', () => {
  it('reads /proc/stat and /proc/self/stat, whatever the command name holds', () => {
    assert.deepEqual(cpuSample(STAT(1000, 5000, 30), SELF(300, 60)), {
      busy: 1000 + 200 + 23275 + 0 + 522 + 30,
      steal: 30,
      total: 1000 + 200 + 23275 + 0 + 522 + 30 + 5000 + 2322,
      own: 300 + 40 + 60 + 20,
    });
    assert.equal(cpuSample('intr 1 2\n', SELF(1, 1)), null);
    assert.equal(cpuSample(STAT(1, 1, 1), '4242 (node) S 1 2'), null);
  });

  it("counts the busy time that is not the bench's own (nor its reaped children's), in cores, with the steal beside it", () => {
    const before = cpuSample(STAT(1000, 5000, 30), SELF(300, 60));
    // One second on 2 CPUs at 100 ticks a second: 200 ticks. The machine was busy 150 of them (10
    // stolen), the bench and its children 100: the other work kept half a core busy.
    const after = cpuSample(STAT(1140, 5050, 40), SELF(350, 110));
    assert.ok(before && after);
    assert.deepEqual(otherWork(before, after, 2), { cores: 0.5, stealCores: 0.1 });
    // The bench alone: no other work, never below zero.
    const alone = cpuSample(STAT(1040, 5100, 30), SELF(360, 100));
    assert.ok(alone);
    assert.deepEqual(otherWork(before, alone, 2), { cores: 0, stealCores: 0 });
    assert.equal(otherWork(before, before, 2), null);
    assert.deepEqual(
      worstOf([
        { cores: 0.5, stealCores: 0 },
        { cores: 0.1, stealCores: 0.2 },
      ]),
      { cores: 0.5, stealCores: 0.2 },
    );
  });

  (existsSync('/proc/self/stat') ? it : it.skip)(
    'on Linux, a child the bench ran and reaped counts as its own work',
    () => {
      // Only the bench's own line of /proc is judged (the machine-wide line moves with whatever else runs).
      const read = (): number =>
        (cpuSample(readFileSync('/proc/stat', 'utf8'), readFileSync('/proc/self/stat', 'utf8')) as CpuSample).own;
      const before = read();
      // 300 ms of the child's CPU time, however long the machine takes to give it.
      const child = spawnSync(process.execPath, [
        '-e',
        'const u = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; }; while (u() < 300);',
      ]);
      assert.equal(child.status, 0);
      // Clock ticks are 1/100 s on Linux: at least 25 of the child's 30 are counted as the bench's own.
      assert.ok(read() - before >= 25, `the child's 0.3 s of CPU are not the bench's own: ${read() - before} ticks`);
    },
  );
});
