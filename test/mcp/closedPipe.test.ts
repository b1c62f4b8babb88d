// A client that stops reading (it closes its end of the server's stdout, or dies) must not crash the
// server with an unhandled `write EPIPE` and a stack trace in the client's MCP log: the server ends
// the session quietly, exit code 0, as when stdin closes. Waits end on the process exiting, never on a clock.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from '../cli/helpers';
import { CLI } from './client';

const DEMO = join(REPO, 'examples', 'demo-workspace');

describe('mcp: a client that stops reading', function () {
  this.timeout(60_000);
  it('ends the server quietly (exit 0, no stack trace) when stdout is closed while stdin stays open', async () => {
    const proc = spawn(process.execPath, [CLI, 'mcp', '--root', DEMO], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    // The read side of the server's stdout is gone before it answers anything.
    proc.stdout.destroy();
    const line = (message: object): string => `${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`;
    proc.stdin.write(
      line({
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '0' } },
      }) +
        line({ method: 'notifications/initialized', params: {} }) +
        line({ id: 2, method: 'tools/call', params: { name: 'graph', arguments: { limit: 100_000 } } }) +
        line({ id: 3, method: 'tools/call', params: { name: 'check', arguments: { limit: 100_000 } } }),
    );
    // stdin is left open: only the closed stdout can end the session.
    const code = await exited;
    proc.stdin.destroy();
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /Unhandled 'error' event|EPIPE|\n\s+at /, stderr);
  });
});
