// The server (node arguments the client passes) and the CLI (set as it starts) bound V8's heap growth alike.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
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
});
