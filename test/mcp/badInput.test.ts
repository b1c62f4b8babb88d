// Bad input to the MCP server, each answered with a clear JSON-RPC error or an isError tool result
// while the server stays up: garbage and oversized lines on stdin, JSON that is no JSON-RPC message,
// unknown methods and tools, arguments of the wrong type or unknown, unknown names and workspaces,
// and paths outside the root — refused before anything is read from them (one leads to a FIFO,
// which a read would block on, so the next answer proves nothing was read).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../cli/helpers';
import { McpTestClient, sdkClient } from './client';

describe('mcp: bad input never takes the server down', function () {
  this.timeout(60_000);
  let c: McpTestClient;
  let outside: string;
  /** A tool call that must come back as a tool error whose text matches `pattern`. */
  const refused = async (name: string, args: unknown, pattern: RegExp): Promise<void> => {
    const r = await c.call(name, args);
    assert.equal(r.isError, true, `${name} ${JSON.stringify(args)} succeeded: ${r.content[0]?.text ?? ''}`);
    assert.match(r.content[0]?.text ?? '', pattern);
    assert.ok(c.alive);
  };
  const stillAnswers = async (): Promise<void> => {
    const r = await c.call('explain', { name: 'XGBoostTraining' });
    assert.notEqual(r.isError, true);
    assert.equal(r.structuredContent?.['found'], true);
  };

  before(async () => {
    outside = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-outside-'));
    mkdirSync(join(outside, 'dir'));
    writeFileSync(join(outside, 'secret.py'), 'STEP_NAMES = {}\n');
    execFileSync('mkfifo', [join(outside, 'fifo')]);
    c = McpTestClient.startOnCopy(join(REPO, 'examples', 'demo-workspace'), (root) => [
      'mcp',
      '--root',
      root,
      '--allow-writes',
    ]);
    symlinkSync(join(outside, 'fifo'), join(c.root, 'fifo-link.py'));
    symlinkSync(join(outside, 'dir'), join(c.root, 'dir-link'));
  });
  after(async () => {
    await c.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it('garbage before the handshake: a parse error, then the handshake works', async () => {
    c.write('this is not json\n');
    c.write(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a]));
    const [first, second] = await c.orphansReach(2);
    assert.equal(first?.error?.code, -32700);
    assert.match(first?.error?.message ?? '', /not JSON/);
    assert.equal(second?.error?.code, -32700);
    await c.handshake();
  });

  it('JSON that is no JSON-RPC message: -32600, echoing its id when it has one', async () => {
    const answered = c.awaitId(77);
    c.write('{"jsonrpc":"2.0","id":77,"method":5}\n');
    const r = await answered;
    assert.equal(r.error?.code, -32600);
    const before = c.orphans.length;
    c.write('[1, 2, 3]\n{"no":"jsonrpc"}\n');
    const orphans = await c.orphansReach(before + 2);
    assert.deepEqual(
      orphans.slice(before).map((o) => o.error?.code),
      [-32600, -32600],
    );
    await stillAnswers();
  });

  it('a 9 MB line: dropped as it streams and answered -32600 with its id, first or last member', async () => {
    const big = `"params":{"name":"check","arguments":{"paths":["${'x'.repeat(9 * 1024 * 1024)}"],"id":"inner"}}`;
    for (const [id, line] of [
      ['big', `{"jsonrpc":"2.0","id":"big","method":"tools/call",${big}}`],
      [78, `{"method":"tools/call",${big},"jsonrpc":"2.0","id":78}`],
    ] as const) {
      const answered = c.awaitId(id);
      c.write(`${line}\n`);
      const r = await answered;
      assert.equal(r.error?.code, -32600);
      assert.match(r.error?.message ?? '', /over 8 MB/);
    }
    const before = c.orphans.length;
    c.write(`{"method":"tools/call",${big}}\n`);
    const orphans = await c.orphansReach(before + 1);
    assert.equal(orphans[before]?.error?.code, -32600);
    await stillAnswers();
  });

  it('an unknown method: -32601', async () => {
    const r = await c.request('registry/nothing', {});
    assert.equal(r.error?.code, -32601);
  });

  it('an unknown tool: a tool error naming it', async () => {
    await refused('delete_everything', {}, /Tool delete_everything not found/);
  });

  it('arguments of the wrong type, missing or unknown: input validation errors', async () => {
    await refused('check', { paths: 5 }, /Input validation error/);
    await refused('check', { severity: 'fatal' }, /Input validation error/);
    await refused('check', { codes: ['E001'] }, /Input validation error/);
    await refused('explain', {}, /Input validation error/);
    await refused('explain', { name: 'XGBoostTraining', nmae: 'x' }, /Input validation error.*(Unrecognized|nmae)/s);
    await refused('fixes', { file: 'x.py', range: { start: 'here' } }, /Input validation error/);
    await refused('apply_fix', { id: 12 }, /Input validation error/);
    await stillAnswers();
  });

  it("arguments that are no object (null, a string, a list): -32602 naming the field, not the SDK's raw dump", async () => {
    for (const args of [null, 'all', [1], 5]) {
      const r = await c.request('tools/call', { name: 'check', arguments: args });
      assert.equal(r.error?.code, -32602, JSON.stringify(r));
      assert.match(
        r.error?.message ?? '',
        /^Invalid params of tools\/call: params\.arguments: Invalid input: expected record, received \w+ \(a tool's arguments are an object: \{\} for none\)$/,
      );
    }
    const r = await c.request('tools/call', { arguments: {} });
    assert.equal(r.error?.code, -32602);
    assert.match(r.error?.message ?? '', /^Invalid params of tools\/call: params\.name: /);
    await stillAnswers();
  });

  it('an unknown name: a tool error with the names it may have meant', async () => {
    await refused('explain', { name: 'XGBoostTrainng' }, /not found.*Did you mean: XGBoostTraining/);
    await refused('locate', { name: 'TabularPreprocesing' }, /defined nowhere.*Did you mean: TabularPreprocessing/);
    await refused(
      'explain',
      { name: 'XGBoostTraining', workspace: 'nobody' },
      /unknown workspace 'nobody'; known: alice_ml/,
    );
  });

  it('paths outside the root: refused, nothing read (a FIFO behind a link would block a read)', async () => {
    await refused('check', { paths: ['../'] }, /refused: "\.\.\/" is outside the root/);
    await refused('check', { paths: [join(outside, 'secret.py')] }, /refused: .* is outside the root/);
    await refused('check', { paths: ['fifo-link.py'] }, /refused: .*symbolic link/);
    await refused('check', { paths: ['dir-link'] }, /refused: .*symbolic link/);
    await refused('fixes', { file: 'fifo-link.py' }, /refused/);
    await refused('fixes', { file: '/etc/passwd' }, /refused/);
    await refused('check', { paths: ['no/such/dir'] }, /no such file or folder under the root/);
    await stillAnswers();
  });

  it('after all of it: still up, and check still answers in full', async () => {
    const r = await c.call('check');
    assert.equal((r.structuredContent?.['summary'] as Record<string, number>)['errors'], 9);
    assert.ok(c.alive);
  });
});

describe('mcp: a request over the size limit, from the SDK client', function () {
  this.timeout(60_000);
  it("is answered -32600 by its id at once, not left to the client's timeout", async () => {
    const client = await sdkClient(['mcp', '--root', join(REPO, 'examples', 'demo-workspace'), '--read-only']);
    try {
      const error = await client
        .callTool({ name: 'check', arguments: { paths: ['x'.repeat(9 * 1024 * 1024)] } }, undefined, {
          timeout: 600_000,
        })
        .then(
          () => undefined,
          (e: unknown) => e as { code?: number; message?: string },
        );
      assert.equal(error?.code, -32600, error?.message);
      assert.match(error?.message ?? '', /over 8 MB was dropped/);
      assert.equal((await client.callTool({ name: 'check', arguments: { codes: ['RL004'] } })).isError, undefined);
    } finally {
      await client.close();
    }
  });
});
