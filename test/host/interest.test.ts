// The host answers the engine's one question (`interest()`): it reads the files the families want and
// reports the directories they ask about — here for a family added through the public API.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import { Feeder } from '../../server/src/host/feeder';
import { pointers } from '../engine/pointersFamily';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

describe('host: the engine interest', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'registry-lens-interest-'));
    mkdirSync(path.join(root, 'nodes', 'n1.wip'), { recursive: true });
    mkdirSync(path.join(root, 'nodes', 'plain'), { recursive: true });
    writeFileSync(path.join(root, 'a.pointer'), 'nodes/n1.wip\n');
    writeFileSync(path.join(root, 'b.pointer'), 'nodes/n2.wip\n');
    writeFileSync(path.join(root, 'notes.txt'), 'not wanted\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('feeds the wanted files and reports the directories a family asks about', async () => {
    const engine = await RegistryEngine.create(wasm, {}, { families: [pointers] });
    await Feeder.wholeRoot(engine, root, {
      excluded: () => false,
      warn: () => undefined,
      maxFileBytes: 1024 * 1024,
    }).feedRoot();
    assert.deepEqual(engine.files(), ['a.pointer', 'b.pointer']);
    assert.deepEqual(
      engine.allDiagnostics().map((d) => `${d.file}: ${d.message}`),
      ["b.pointer: Directory 'nodes/n2.wip' does not exist"],
    );
  });

  /** A node whose class `pyproject.toml` names through two re-exports: each module read names the next. */
  const REEXPORTED: Record<string, string> = {
    'pyproject.toml': '[project]\nname = "demo"\n\n[project.entry-points."onex.nodes"]\nn4 = "demo.nodes.n4:Node4"\n',
    'src/demo/__init__.py': '',
    'src/demo/nodes/n4/__init__.py': 'from .api import Node4\n',
    'src/demo/nodes/n4/api.py': 'from .impl.core import Node4\n',
    'src/demo/nodes/n4/impl/core.py': 'class Node4:\n    pass\n',
    'src/demo/nodes/n4/impl/contract.yaml': 'name: n4\nnode_type: EFFECT_GENERIC\n',
  };
  const write = (files: Record<string, string>): void => {
    for (const [f, t] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), t);
    }
  };

  it('feeds what the files it fed refer to, round after round (an ONEX class re-exported twice)', async () => {
    write(REEXPORTED);
    const engine = await RegistryEngine.create(wasm);
    await Feeder.wholeRoot(engine, root, {
      excluded: () => false,
      warn: () => undefined,
      maxFileBytes: 1024 * 1024,
    }).feedRoot();
    assert.equal(engine.explain({ step: 'n4' }).summary, 'n4 → src/demo/nodes/n4/impl/contract.yaml');
  });

  it('feeds nothing again while nothing changed, the files read because the analysis referred to them included', async () => {
    write(REEXPORTED);
    const engine = await RegistryEngine.create(wasm);
    const options = { excluded: () => false, warn: () => undefined, maxFileBytes: 1024 * 1024 };
    // A minute on: every file written just now has a settled stamp (a racy one is read again: Feeder.feedRoot).
    const feeder = Feeder.wholeRoot(engine, root, options, () => Date.now() + 60_000);
    await feeder.feedRoot();
    const given: string[] = [];
    for (const method of ['setFile', 'deleteFile'] as const) {
      const original = engine[method].bind(engine);
      engine[method] = (file: string, ...rest: unknown[]): void => {
        given.push(`${method} ${file}`);
        (original as (f: string, ...r: unknown[]) => void)(file, ...rest);
      };
    }
    await feeder.feedRoot();
    assert.equal(given.join(', '), '', 'nothing given again');
    const core = 'src/demo/nodes/n4/impl/core.py';
    writeFileSync(path.join(root, core), 'class Node4:\n    pass  # changed\n');
    await feeder.feedRoot();
    assert.ok(given.includes(`setFile ${core}`), given.join(', '));
    assert.equal(engine.explain({ step: 'n4' }).summary, 'n4 → src/demo/nodes/n4/impl/contract.yaml');
  });

  it('hands a waiting call the engine only once the files referred to are read too', async () => {
    write(REEXPORTED);
    const whole = await RegistryEngine.create(wasm);
    const options = { excluded: () => false, warn: () => undefined, maxFileBytes: 1024 * 1024 };
    await Feeder.wholeRoot(whole, root, options).feedRoot();
    const seen = (e: RegistryEngine): string =>
      JSON.stringify([e.explain({ step: 'n4' }), e.diagnostics('pyproject.toml'), e.files()]);
    for (const files of [[], ['pyproject.toml']]) {
      const engine = await RegistryEngine.create(wasm);
      const answers: string[] = [];
      let awaited: ReadonlySet<string> | undefined = new Set(files);
      await Feeder.wholeRoot(engine, root, options).feedRoot({
        signal: new AbortController().signal,
        first: {
          awaited: () => awaited,
          ready: (e) => {
            awaited = undefined;
            answers.push(seen(e));
            return undefined;
          },
        },
      });
      assert.deepEqual(answers, [seen(whole)], `awaiting ${JSON.stringify(files)}`);
    }
  });
});
