// Every answer of every read-only tool valid against the output schema the server advertises, as the
// official SDK client checks it (issue 49: explain's synthesized builders broke every SDK client on
// cursus 2.x): every example, every context and mode, every name listed, every file with an entry or a
// diagnostic. REGISTRY_LENS_MCP_SWEEP (folders joined by ':') adds trees, e.g. the real cursus.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../cli/helpers';
import { sdkClient } from './client';
import { sweep } from './sweep';

const EXAMPLES = readdirSync(join(REPO, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(REPO, 'examples', d.name));
// A project that needs cursus where no environment holds it lists no step (its one finding is RL079).
const NO_STEPS = new Set(['cursus-project']);
const EXTRA = (process.env['REGISTRY_LENS_MCP_SWEEP'] ?? '').split(':').filter((p) => p !== '');

describe('mcp: every answer matches its advertised output schema (the SDK client validates)', function () {
  this.timeout(600_000);
  for (const root of [...EXAMPLES, ...EXTRA]) {
    it(root.startsWith(REPO) ? root.slice(REPO.length + 1) : root, async () => {
      const client = await sdkClient(['mcp', '--root', root]);
      try {
        const r = await sweep(client);
        assert.deepEqual(r.failures, []);
        const listsSteps = !NO_STEPS.has(root.slice(root.lastIndexOf('/') + 1));
        assert.ok(r.names > 0 === listsSteps && r.files > 0, JSON.stringify(r));
        // per context and mode: list, graph and (where steps are listed) at least one explain
        const perMode = listsSteps ? 3 : 2;
        assert.ok(r.calls >= 2 + r.contexts * 2 * perMode + r.names + r.files, JSON.stringify(r));
        if (EXTRA.includes(root))
          console.log(`      ${root}: ${JSON.stringify({ ...r, failures: r.failures.length })}`);
      } finally {
        await client.close();
      }
    });
  }
});
