// The MCP server (and the check daemon, on the same host/liveRoot.ts) bounds its heap as the language server does: the
// load's growth bound while the root loads, then one full collection of what the load left (host/heapGrowth.ts). V8
// tells each collection to a PerformanceObserver preloaded into the server's process, which says it on stderr.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { REPO } from '../cli/helpers';
import { CLI } from './client';

const PRELOAD = `
import { PerformanceObserver, constants } from 'node:perf_hooks';
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)
      process.stderr.write('forced full collection\\n');
}).observe({ entryTypes: ['gc'] });`;

describe('mcp: the heap after the load', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-heap-'));
    cpSync(join(REPO, 'examples', 'demo-workspace'), root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is collected once the root has loaded, as the language server does', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', `data:text/javascript,${encodeURIComponent(PRELOAD)}`, CLI, 'mcp', '--root', root],
      stderr: 'pipe',
    });
    let said = '';
    const collected = new Promise<void>((resolve) => {
      transport.stderr?.on('data', (chunk: Buffer) => {
        said += chunk.toString('utf8');
        if (said.includes('forced full collection')) resolve();
      });
    });
    const client = new Client({ name: 'registry-lens-test', version: '0' });
    await client.connect(transport);
    try {
      const r = await client.callTool({ name: 'check', arguments: {} });
      assert.ok(!r.isError, JSON.stringify(r));
      await collected;
      assert.equal(said.split('forced full collection').length - 1, 1, said);
    } finally {
      await client.close();
    }
  });
});
