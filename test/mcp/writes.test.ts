// What the MCP server may write (issue 49's reproducers), through the SDK client: by default only a
// fix 'fixes' proposed in the session (a fix given whole is no valid input), apply_fix annotated as
// destructive; --read-only lists no writing tool; and even a fix given whole under
// --allow-unproposed-fixes never edits .git/, a file with a second hard link, a file reached through a
// link, never creates 1,000 files or 7 MB, never applies an edit that lies outside its file;
// apply_fixes writes a file's certain fixes (of one code, when asked) at once; init_workspace writes
// what the CLI's init-workspace writes, and nothing through a link out of the root.
import { strict as assert } from 'node:assert';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { sha256 } from '../../server/src/mcp/fixProposals';
import { REPO, runCli } from '../cli/helpers';
import { sdkOnCopy } from './client';

const DEMO = join(REPO, 'examples', 'demo-workspace');
const CORE_REGISTRY = 'src/cursus/registry/step_names.py';

interface Proposal {
  id: string;
  edits: unknown[];
  createFiles: unknown[];
  basis: { path: string; sha256: string | null }[];
}

/** The tool's answer text when it failed (a tool error, or the JSON-RPC error the SDK throws for bad input). */
async function failure(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  try {
    const r = await client.callTool({ name, arguments: args });
    assert.equal(r.isError, true, `${name} succeeded: ${JSON.stringify(r.structuredContent)}`);
    return (r.content as { text: string }[]).map((c) => c.text).join('\n');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function proposals(client: Client, args: Record<string, unknown>): Promise<Proposal[]> {
  const r = await client.callTool({ name: 'fixes', arguments: args });
  assert.notEqual(r.isError, true);
  return (r.structuredContent as { fixes: Proposal[] }).fixes;
}

describe('mcp: writes only what the engine proposed (--allow-writes)', function () {
  this.timeout(60_000);
  let s: Awaited<ReturnType<typeof sdkOnCopy>>;
  before(async () => {
    s = await sdkOnCopy(DEMO, ['--allow-writes']);
  });
  after(async () => {
    await s.dispose();
  });

  it('annotates apply_fix as destructive and takes only an id', async () => {
    const { tools } = await s.client.listTools();
    const apply = tools.find((t) => t.name === 'apply_fix');
    assert.equal(apply?.annotations?.destructiveHint, true);
    assert.equal(apply?.annotations?.readOnlyHint, false);
    assert.deepEqual(Object.keys(apply?.inputSchema.properties ?? {}), ['id']);
  });

  it('refuses a fix given whole, and writes nothing', async () => {
    const text = readFileSync(join(s.root, CORE_REGISTRY), 'utf8');
    const edit = {
      path: CORE_REGISTRY,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: 'x',
    };
    const why = await failure(s.client, 'apply_fix', {
      fix: { edits: [edit], basis: [{ path: CORE_REGISTRY, sha256: sha256(text) }] },
    });
    assert.match(why, /Unrecognized key: "fix"/);
    assert.equal(readFileSync(join(s.root, CORE_REGISTRY), 'utf8'), text);
  });

  it('refuses a proposed fix of a file hard-linked elsewhere', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-outside-'));
    try {
      const registry = join(s.root, CORE_REGISTRY);
      const text = readFileSync(registry, 'utf8');
      linkSync(registry, join(outside, 'step_names.py'));
      const [suppress] = await proposals(s.client, { file: CORE_REGISTRY, code: 'RL001' });
      assert.ok(suppress);
      assert.match(await failure(s.client, 'apply_fix', { id: suppress.id }), /has 2 hard links/);
      assert.equal(readFileSync(join(outside, 'step_names.py'), 'utf8'), text);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('mcp: read-only by default (and with --read-only): no tool that writes', function () {
  this.timeout(60_000);
  for (const flags of [[], ['--read-only']])
    it(`${flags.join(' ') || 'no flag'}: lists the six reading tools, says so in its instructions, knows no apply_fix`, async () => {
      const s = await sdkOnCopy(DEMO, flags);
      try {
        const { tools } = await s.client.listTools();
        assert.deepEqual(tools.map((t) => t.name).sort(), ['check', 'explain', 'fixes', 'graph', 'list', 'locate']);
        for (const t of tools) assert.equal(t.annotations?.readOnlyHint, true, t.name);
        const instructions = s.client.getInstructions() ?? '';
        assert.match(instructions, /read-only \(started without --allow-writes\)/);
        // The instructions name only what this session can do.
        assert.doesNotMatch(instructions, /apply_fix|init_workspace/);
        const [fix] = await proposals(s.client, { file: CORE_REGISTRY });
        assert.ok(fix);
        assert.match(await failure(s.client, 'apply_fix', { id: fix.id }), /apply_fix not found/);
        const text = readFileSync(join(s.root, CORE_REGISTRY), 'utf8');
        assert.match(await failure(s.client, 'apply_fixes', { file: CORE_REGISTRY }), /apply_fixes not found/);
        assert.equal(readFileSync(join(s.root, CORE_REGISTRY), 'utf8'), text);
      } finally {
        await s.dispose();
      }
    });

  it('refuses contradicting or meaningless flags as a usage error (exit 2)', () => {
    const both = runCli(['mcp', DEMO, '--allow-writes', '--read-only']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--allow-writes and --read-only contradict each other/);
    const unproposed = runCli(['mcp', DEMO, '--allow-unproposed-fixes']);
    assert.equal(unproposed.code, 2);
    assert.match(unproposed.stderr, /--allow-unproposed-fixes needs --allow-writes/);
  });
});

describe('mcp: a fix given whole (--allow-unproposed-fixes) is still bounded', function () {
  this.timeout(60_000);
  let s: Awaited<ReturnType<typeof sdkOnCopy>>;
  let outside: string;
  before(async () => {
    s = await sdkOnCopy(DEMO, ['--allow-writes', '--allow-unproposed-fixes']);
    outside = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-outside-'));
  });
  after(async () => {
    await s.dispose();
    rmSync(outside, { recursive: true, force: true });
  });
  const edit = (path: string, text: string, line = 0): Record<string, unknown> => ({
    fix: {
      edits: [
        {
          path,
          range: { start: { line, character: 0 }, end: { line, character: 0 } },
          newText: '[alias]\n\tx = !sh -c id\n',
        },
      ],
      basis: [{ path, sha256: sha256(text) }],
    },
  });

  it('never edits or creates under .git/', async () => {
    mkdirSync(join(s.root, '.git', 'hooks'), { recursive: true });
    const config = '[core]\n\tbare = false\n';
    writeFileSync(join(s.root, '.git', 'config'), config);
    for (const p of ['.git/config', 'src/../.git/config', '.GIT/config']) {
      assert.match(
        await failure(s.client, 'apply_fix', edit(p, config)),
        /inside a \.git folder; nothing was written/,
        p,
      );
    }
    const hook = {
      fix: { edits: [], createFiles: [{ path: '.git/hooks/pre-commit', text: '#!/bin/sh\nid\n' }], basis: [] },
    };
    assert.match(await failure(s.client, 'apply_fix', hook), /inside a \.git folder/);
    assert.equal(readFileSync(join(s.root, '.git', 'config'), 'utf8'), config);
    assert.ok(!existsSync(join(s.root, '.git', 'hooks', 'pre-commit')));
  });

  it('never edits a file hard-linked to one outside the root, nor one that is a link', async () => {
    const target = join(outside, 'victim.py');
    writeFileSync(target, 'secret = 1\n');
    linkSync(target, join(s.root, 'src', 'hard.py'));
    assert.match(await failure(s.client, 'apply_fix', edit('src/hard.py', 'secret = 1\n')), /has 2 hard links/);
    assert.equal(readFileSync(target, 'utf8'), 'secret = 1\n');
    const registry = readFileSync(join(s.root, CORE_REGISTRY), 'utf8');
    symlinkSync('step_names.py', join(s.root, 'src', 'cursus', 'registry', 'alias.py'));
    assert.match(await failure(s.client, 'apply_fix', edit('src/cursus/registry/alias.py', registry)), /symbolic link/);
    assert.equal(readFileSync(join(s.root, CORE_REGISTRY), 'utf8'), registry);
  });

  it('creates neither 1,000 files nor 7 MB', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ path: `spam/f${i}.py`, text: 'x\n' }));
    assert.match(
      await failure(s.client, 'apply_fix', { fix: { edits: [], createFiles: many, basis: [] } }),
      /creates 1000 files \(at most 20\)/,
    );
    const big = {
      fix: { edits: [], createFiles: [{ path: 'spam/big.py', text: 'x'.repeat(7 * 1024 * 1024) }], basis: [] },
    };
    assert.match(await failure(s.client, 'apply_fix', big), /adds 7340032 bytes \(at most 1048576\)/);
    assert.ok(!existsSync(join(s.root, 'spam')));
  });

  it('refuses an edit at line 10,000,000 of a short file instead of appending it', async () => {
    const text = readFileSync(join(s.root, CORE_REGISTRY), 'utf8');
    assert.match(
      await failure(s.client, 'apply_fix', edit(CORE_REGISTRY, text, 10_000_000)),
      /lies outside the file \(line 10000001, .*nothing was written/,
    );
    const beyondLine = {
      fix: {
        edits: [
          {
            path: CORE_REGISTRY,
            range: { start: { line: 0, character: 5000 }, end: { line: 0, character: 5000 } },
            newText: 'x',
          },
        ],
        basis: [{ path: CORE_REGISTRY, sha256: sha256(text) }],
      },
    };
    assert.match(await failure(s.client, 'apply_fix', beyondLine), /lies outside the file/);
    assert.equal(readFileSync(join(s.root, CORE_REGISTRY), 'utf8'), text);
    assert.deepEqual(
      readdirSync(outside).filter((f) => f !== 'victim.py'),
      [],
    );
  });
});

describe('mcp: apply_fixes and init_workspace (writes allowed)', function () {
  this.timeout(120_000);
  let s: Awaited<ReturnType<typeof sdkOnCopy>>;
  before(async () => {
    s = await sdkOnCopy(DEMO, ['--allow-writes']);
  });
  after(async () => {
    await s.dispose();
  });
  const codes = async (file: string): Promise<string[]> => {
    const r = await s.client.callTool({ name: 'check', arguments: { paths: [file], limit: 100_000 } });
    return (r.structuredContent as { diagnostics: { file: string; code: string }[] }).diagnostics
      .filter((d) => d.file === file)
      .map((d) => d.code);
  };

  it('apply_fixes writes the certain fixes of a file (of one code, when asked) at once; a choice stays with apply_fix', async () => {
    const before = await codes(CORE_REGISTRY);
    assert.deepEqual([...new Set(before)].sort(), ['RL001', 'RL005', 'RL008']);
    assert.match(
      await failure(s.client, 'apply_fixes', { file: CORE_REGISTRY, code: 'RL001' }),
      /no unambiguous fix for .* \(RL001\)/,
    );
    const one = await s.client.callTool({ name: 'apply_fixes', arguments: { file: CORE_REGISTRY, code: 'RL005' } });
    assert.notEqual(one.isError, true, JSON.stringify(one.content));
    const written = (one.structuredContent as { files: { action: string }[] }).files;
    assert.ok(written.length > 0 && written.every((f) => f.action === 'created'), JSON.stringify(written));
    assert.deepEqual(
      await codes(CORE_REGISTRY),
      before.filter((c) => c !== 'RL005'),
    );
    assert.match(
      await failure(s.client, 'apply_fixes', { file: CORE_REGISTRY }),
      /no unambiguous fix for src\/cursus\/registry\/step_names\.py;/,
    );
  });

  it('init_workspace writes what registry-lens init-workspace writes, and refuses a workspaces folder linked outside', async () => {
    const r = await s.client.callTool({ name: 'init_workspace', arguments: { id: 'zed_ml', template: 'minimal' } });
    assert.notEqual(r.isError, true, JSON.stringify(r.content));
    const made = r.structuredContent as { dir: string; created: string[] };
    const copy = mkdtempSync(join(tmpdir(), 'registry-lens-init-'));
    try {
      cpSync(DEMO, copy, { recursive: true });
      const cli = runCli(['init-workspace', 'zed_ml', '--root', copy, '--template', 'minimal']);
      assert.equal(cli.code, 0, cli.stderr);
      assert.deepEqual(
        made.created.map((f) => `  created ${f}`),
        cli.stdout.split('\n').filter((l) => l.startsWith('  created ')),
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    const list = await s.client.callTool({ name: 'list', arguments: { limit: 0 } });
    assert.ok(
      (list.structuredContent as { summary: { contexts: { id: string }[] } }).summary.contexts.some(
        (c) => c.id === 'zed_ml',
      ),
    );
    const outside = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-outside-'));
    try {
      rmSync(join(s.root, 'developer_workspaces', 'developers'), { recursive: true });
      symlinkSync(outside, join(s.root, 'developer_workspaces', 'developers'));
      assert.match(await failure(s.client, 'init_workspace', { id: 'eve_ml' }), /nothing written: .*symbolic link/);
      assert.deepEqual(readdirSync(outside), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
