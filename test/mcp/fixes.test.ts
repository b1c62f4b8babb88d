// `fixes` and `apply_fix` over the independent client: a proposed fix written by id and seen by the
// next check; a fix whose file changed since is refused as stale and writes nothing; a fix given
// whole (the server started with --allow-unproposed-fixes) that would write outside the root (a '..' path, a folder linked outside) is refused before
// anything is written, inside or out; overlapping edits are refused; a byte order mark is kept.
import { strict as assert } from 'node:assert';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../cli/helpers';
import { McpTestClient, type ToolResult } from './client';

const CORE_REGISTRY = 'src/cursus/registry/step_names.py';
const STUB = 'src/cursus/steps/builders/builder_model_wiki_generator_step.py';

interface Proposal {
  id: string;
  title: string;
  diagnostic: { code: string; range: unknown };
  edits: { path: string }[];
  createFiles: { path: string; text: string }[];
  basis: { path: string; sha256: string | null }[];
}

describe('mcp: fixes and apply_fix', function () {
  this.timeout(60_000);
  let c: McpTestClient;
  let outside: string;
  const proposals = async (args: Record<string, unknown>): Promise<Proposal[]> => {
    const r = await c.call('fixes', args);
    assert.notEqual(r.isError, true, r.content[0]?.text);
    return r.structuredContent?.['fixes'] as Proposal[];
  };
  const failed = (r: ToolResult, pattern: RegExp): void => {
    assert.equal(r.isError, true, r.content[0]?.text);
    assert.match(r.content[0]?.text ?? '', pattern);
  };
  const rl005 = async (): Promise<string[]> => {
    const r = await c.call('check', { paths: [CORE_REGISTRY], codes: ['RL005'] });
    return (r.structuredContent?.['diagnostics'] as { message: string }[]).map((d) => d.message);
  };

  before(async () => {
    outside = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-outside-'));
    c = McpTestClient.startOnCopy(join(REPO, 'examples', 'demo-workspace'), (root) => [
      'mcp',
      '--root',
      root,
      '--allow-writes',
      '--allow-unproposed-fixes',
    ]);
    mkdirSync(join(outside, 'target'));
    symlinkSync(join(outside, 'target'), join(c.root, 'src', 'linked'));
    await c.handshake();
  });
  after(async () => {
    await c.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it("proposes the editor's quick fixes of a diagnostic, with ids and the basis they were computed from", async () => {
    const fixes = await proposals({ file: CORE_REGISTRY, code: 'RL005' });
    assert.deepEqual(
      fixes.map((f) => f.title),
      [`Create builder stub ${STUB}`, 'Suppress RL005 on this line'],
    );
    assert.deepEqual(fixes[0]?.basis, [{ path: STUB, sha256: null }]);
    const all = await proposals({ file: CORE_REGISTRY });
    assert.ok(all.length > fixes.length);
    const inRange = await proposals({ file: CORE_REGISTRY, range: fixes[0]?.diagnostic.range });
    assert.deepEqual(
      inRange.map((f) => f.id),
      fixes.map((f) => f.id),
    );
  });

  it('applies a fix by id; the next check sees it; the id is spent', async () => {
    const [stub] = await proposals({ file: CORE_REGISTRY, code: 'RL005' });
    assert.ok(stub);
    assert.equal((await rl005()).length, 1);
    const r = await c.call('apply_fix', { id: stub.id });
    assert.notEqual(r.isError, true, r.content[0]?.text);
    assert.deepEqual(r.structuredContent, { applied: true, files: [{ path: STUB, action: 'created' }] });
    assert.equal(readFileSync(join(c.root, STUB), 'utf8'), stub.createFiles[0]?.text);
    assert.deepEqual(await rl005(), []);
    // Spent: applied again, it says so (not that it was never proposed), and writes nothing.
    failed(
      await c.call('apply_fix', { id: stub.id }),
      new RegExp(`^the fix '${stub.id}' was already applied in this session; nothing was written`),
    );
    failed(
      await c.call('apply_fix', { id: '0123456789abcdef' }),
      /no fix '0123456789abcdef' was proposed in this session/,
    );
  });

  it('refuses a stale fix: the file changed since it was proposed; nothing is written', async () => {
    const [suppress] = await proposals({ file: CORE_REGISTRY, code: 'RL001' });
    assert.ok(suppress);
    appendFileSync(join(c.root, CORE_REGISTRY), '\n# edited meanwhile\n');
    const edited = readFileSync(join(c.root, CORE_REGISTRY), 'utf8');
    failed(
      await c.call('apply_fix', { id: suppress.id }),
      /stale fix: .*step_names\.py changed since the fix was proposed/,
    );
    assert.equal(readFileSync(join(c.root, CORE_REGISTRY), 'utf8'), edited);
    const [fresh] = await proposals({ file: CORE_REGISTRY, code: 'RL001' });
    assert.ok(fresh && fresh.id !== suppress.id);
    assert.notEqual((await c.call('apply_fix', { id: fresh.id })).isError, true);
    assert.match(readFileSync(join(c.root, CORE_REGISTRY), 'utf8'), /# registry-lens: ignore\[RL001\]/);
  });

  it('refuses a fix that would write outside the root, before writing anything inside or out', async () => {
    const inside = 'src/cursus/steps/builders/builder_inside_step.py';
    const create = (path: string): unknown => ({
      fix: {
        edits: [],
        createFiles: [
          { path: inside, text: 'x\n' },
          { path, text: 'pwned\n' },
        ],
        basis: [],
      },
    });
    failed(
      await c.call('apply_fix', create('../escaped.py')),
      /refused: "\.\.\/escaped\.py" is outside the root; nothing was written/,
    );
    failed(await c.call('apply_fix', create('src/linked/escaped.py')), /refused: .*symbolic link/);
    failed(await c.call('apply_fix', create(join(outside, 'abs.py'))), /refused: .* is outside the root/);
    assert.ok(!existsSync(join(c.root, inside)));
    assert.ok(!existsSync(join(c.root, '..', 'escaped.py')));
    assert.deepEqual(readdirSync(join(outside, 'target')), []);
    assert.deepEqual(readdirSync(outside).sort(), ['target']);
  });

  it('refuses overlapping edits, a fix without its basis, and a fix both by id and given', async () => {
    const text = readFileSync(join(c.root, CORE_REGISTRY), 'utf8');
    const [suppress] = await proposals({ file: CORE_REGISTRY, code: 'RL008' });
    assert.ok(suppress);
    const edit = {
      path: CORE_REGISTRY,
      range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } },
      newText: '',
    };
    const overlapping = {
      edits: [edit, { ...edit, range: { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } } }],
      basis: suppress.basis,
    };
    failed(await c.call('apply_fix', { fix: overlapping }), /overlap/);
    failed(await c.call('apply_fix', { fix: { edits: [edit], basis: [] } }), /no sha256 basis/);
    failed(await c.call('apply_fix', { id: suppress.id, fix: overlapping }), /exactly one of 'id' and 'fix'/);
    failed(await c.call('apply_fix', {}), /exactly one of 'id' and 'fix'/);
    assert.equal(readFileSync(join(c.root, CORE_REGISTRY), 'utf8'), text);
  });

  it("applies a fix given whole, keeping the file's byte order mark", async () => {
    const file = join(c.root, CORE_REGISTRY);
    writeFileSync(file, `\ufeff${readFileSync(file, 'utf8')}`);
    const [suppress] = await proposals({ file: CORE_REGISTRY, code: 'RL008' });
    assert.ok(suppress);
    const r = await c.call('apply_fix', {
      fix: { edits: suppress.edits, createFiles: suppress.createFiles, basis: suppress.basis },
    });
    assert.notEqual(r.isError, true, r.content[0]?.text);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith('\ufeff'));
    assert.match(after, /# registry-lens: ignore\[RL008\]/);
  });
});
