// Calls that come while the MCP server loads its root (without `--cache` the load starts with the server): each is
// answered as soon as what it asks is known, before the rest of the root is analysed, only when nothing the load read
// has changed since the call came (a walk and a stat of every file read, made once the load can answer); an edit
// made meanwhile is in the answer. The edit is made once the server says on stderr that it skipped a binary file,
// which it says after it read every file: whether the call then finds the load under way or done, its answer must be
// the one a server started after the edit gives.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { REPO } from '../cli/helpers';
import { CLI, sdkClient } from './client';

const BOB = 'developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py';
const BUILDERS = 'src/cursus/steps/builders';
/** Core builder modules added to the demo so that the analysis after the reads is long enough to be met by a call. */
const FILLERS = 1500;

/** A server on `root` whose stderr is followed: resolves once a line matching `said` is written. */
async function following(root: string, said: RegExp): Promise<{ client: Client; heard: Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', '--root', root],
    stderr: 'pipe',
  });
  let text = '';
  const heard = new Promise<void>((resolve) => {
    transport.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (said.test(text)) resolve();
    });
  });
  const client = new Client({ name: 'registry-lens-test', version: '0' });
  await client.connect(transport);
  return { client, heard };
}

const withoutMs = (r: unknown): string => JSON.stringify(r, (k, v: unknown) => (k === 'ms' ? 0 : v));

describe('mcp: calls during the load', function () {
  this.timeout(120_000);
  let temp: string;
  let root: string;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-load-'));
    root = join(temp, 'root');
    cpSync(join(REPO, 'examples', 'demo-workspace'), root, { recursive: true });
    mkdirSync(join(root, BUILDERS), { recursive: true });
    for (let i = 0; i < FILLERS; i++)
      writeFileSync(join(root, BUILDERS, `builder_filler_${i}_step.py`), `class Filler${i}StepBuilder:\n    pass\n`);
    writeFileSync(join(root, BUILDERS, 'builder_binary_step.py'), 'class \0\n');
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  const calls = [
    { name: 'check', arguments: { paths: [BOB], limit: 1000 } },
    { name: 'explain', arguments: { name: 'AddedMeanwhile', workspace: 'bob_nlp' } },
    { name: 'locate', arguments: { name: 'AddedMeanwhile' } },
  ];

  for (const edit of [false, true])
    it(
      edit ? 'answers with an edit made after the load read every file' : 'answers as a server started afterwards does',
      async () => {
        const { client, heard } = await following(
          root,
          /skipped src\/cursus\/steps\/builders\/builder_binary_step\.py/,
        );
        let truth: Client | undefined;
        try {
          await heard;
          if (edit)
            writeFileSync(
              join(root, BOB),
              'WORKSPACE_METADATA = {"developer_id": "bob_nlp"}\n' +
                'LOCAL_STEPS = {"AddedMeanwhile": {"sagemaker_step_type": "Processing", "description": "d"}}\n',
            );
          const got = await Promise.all(calls.slice(0, edit ? 3 : 1).map((c) => client.callTool(c)));
          truth = await sdkClient(['mcp', '--root', root]);
          for (const [i, r] of got.entries()) {
            const expected = await truth.callTool(calls[i] as (typeof calls)[number]);
            assert.notEqual(r.isError, true, withoutMs(r.content));
            const own = (x: typeof r): string =>
              withoutMs(
                (x.structuredContent as { diagnostics?: { file: string }[] }).diagnostics?.filter(
                  (d) => d.file === BOB,
                ) ?? x.structuredContent,
              );
            assert.equal(own(r), own(expected), (calls[i] as (typeof calls)[number]).name);
          }
        } finally {
          await Promise.all([client.close(), truth?.close()]);
        }
      },
    );
});
