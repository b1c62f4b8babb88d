// The server (node arguments the client passes) and the CLI (set as it starts) bound V8's heap growth alike.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HEAP_GROWING_FLAG, SETTLED_HEAP_GROWING_FLAG } from '../../server/src/host/heapGrowth';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/protocol';

describe("host: the old generation's growth", () => {
  it('is the same for the server and the CLI', () => {
    assert.ok(SERVER_NODE_ARGS.includes(HEAP_GROWING_FLAG), `${SERVER_NODE_ARGS.join(' ')} lacks ${HEAP_GROWING_FLAG}`);
  });

  for (const flag of [HEAP_GROWING_FLAG, SETTLED_HEAP_GROWING_FLAG]) {
    it(`${flag} is a flag this Node accepts at run time, as the CLI and the loaded server set it`, () => {
      const r = spawnSync(
        process.execPath,
        ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)}); console.log('ok')`],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), 'ok');
      assert.equal(r.stderr, '');
    });
  }

  it('is tighter once the server has loaded than during a load', () => {
    const percent = (flag: string): number => Number(/=(\d+)$/.exec(flag)?.[1]);
    assert.ok(percent(SETTLED_HEAP_GROWING_FLAG) < percent(HEAP_GROWING_FLAG));
    assert.ok(percent(SETTLED_HEAP_GROWING_FLAG) > 0);
  });

  it("collects a load's garbage once, when the last load under way ends", () => {
    // In a process of its own (the count of loads is the process's): V8 tells each full collection forced on it.
    const module = join(__dirname, '../../server/src/host/heapGrowth.ts');
    const script = `
      const { PerformanceObserver, constants, performance } = require('node:perf_hooks');
      const { loadStarts, loadEnds } = require(${JSON.stringify(module)});
      const told = [];
      // Entries reach the observer on a later turn; the timer only keeps the process up until then.
      const guard = setTimeout(() => console.log('none'), 60000);
      const seen = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.detail.kind !== constants.NODE_PERFORMANCE_GC_MAJOR || !(e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)) continue;
          told.push(e.startTime >= lastEnds ? 'when the last ended' : 'before');
          seen.disconnect();
          clearTimeout(guard);
          console.log(told.join(', '));
        }
      });
      seen.observe({ entryTypes: ['gc'] });
      loadStarts(); loadStarts(); loadEnds();
      const lastEnds = performance.now();
      loadEnds();`;
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'when the last ended');
  });
});
