// `check` over the SDK client: a filter that can match nothing by mistake (an empty list, a code that
// does not exist) is an input error naming the valid ones, never "0 errors"; 'paths' keeps what the
// CLI's `check --files` keeps (the files' diagnostics and those elsewhere related to them).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { REPO, runJson } from '../cli/helpers';
import { sdkClient } from './client';

const DEMO = join(REPO, 'examples', 'demo-workspace');
const BOB = 'developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py';

interface Diag { file: string; code: string; related: { file: string }[] }

async function check(client: Client, args: Record<string, unknown>): Promise<{ error?: string; diagnostics: Diag[]; summary: Record<string, number> }> {
  const r = await client.callTool({ name: 'check', arguments: args });
  const text = (r.content as { text: string }[]).map((c) => c.text).join('\n');
  if (r.isError === true) return { error: text, diagnostics: [], summary: {} };
  return r.structuredContent as { diagnostics: Diag[]; summary: Record<string, number> };
}

describe('mcp: check filters', function () {
  this.timeout(60_000);
  let client: Client;
  before(async () => { client = await sdkClient(['mcp', '--root', DEMO, '--read-only']); });
  after(async () => { await client.close(); });

  it('refuses an empty paths or codes list and an unknown code, naming the valid codes', async () => {
    assert.match((await check(client, { paths: [] })).error ?? '', /'paths' is empty/);
    assert.match((await check(client, { codes: [] })).error ?? '', /'codes' is empty: give codes \(valid: RL001, RL002, .*RL033/);
    assert.match((await check(client, { codes: ['RL004', 'RL999'] })).error ?? '', /unknown code RL999; valid codes: RL001, .*RL004/);
    const all = await check(client, {});
    assert.equal(all.error, undefined);
    assert.equal(all.summary['errors'], 9);
  });

  it("'paths' keeps the diagnostics the CLI's check --files keeps: a file's own and those related to it", async () => {
    const r = await check(client, { paths: [BOB] });
    const cli = runJson(['check', '--root', DEMO, '--format', 'json', '--fail-on', 'never', '--files', join(DEMO, BOB)]).json;
    assert.deepEqual(r.diagnostics, cli['diagnostics']);
    assert.ok(r.diagnostics.some((d) => d.file !== BOB && d.related.some((x) => x.file === BOB)), 'a diagnostic elsewhere related to the file');
  });
});
