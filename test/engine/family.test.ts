// A registry family added through the public API (EngineOptions.families) with no invalidation code:
// it claims its own files, reads them, asks the host about directories, and its unit follows edits
// of its files and of the directories the host reports — what ONEX needs ("does this directory
// exist"). Incremental stays equal to a fresh engine.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RegistryEngine } from '../../server/src/engine/engine';
import { pointers } from './pointersFamily';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

describe('a registry family added through the public API', () => {
  it('is asked about paths and directories, and its unit follows files and directories', async () => {
    const engine = await RegistryEngine.create(wasm, {}, { families: [pointers] });
    const interest = engine.interest();
    assert.equal(interest.wants('a/x.pointer'), true);
    assert.equal(interest.wants('a/x.txt'), false);
    assert.equal(interest.wantsDirectory('nodes/n1.wip'), true);
    assert.equal(interest.wantsDirectory('nodes/n1'), false);

    const files = new Map([
      ['a/x.pointer', 'nodes/n1.wip\n'],
      ['b/y.pointer', 'nodes/n2.wip\n'],
    ]);
    let dirs: string[] = ['nodes/n1.wip'];
    for (const [f, t] of files) engine.setFile(f, t);
    engine.setTree({ links: [], directories: dirs });
    engine.update();
    const messages = (e: RegistryEngine): string[] => e.allDiagnostics().map((d) => `${d.file}: ${d.message}`);
    assert.deepEqual(messages(engine), ["b/y.pointer: Directory 'nodes/n2.wip' does not exist"]);

    const steps: (() => void)[] = [
      () => {
        dirs = ['nodes/n1.wip', 'nodes/n2.wip'];
      },
      () => {
        files.set('a/x.pointer', 'nodes/n3.wip');
      },
      () => {
        dirs = ['nodes/n3.wip'];
      },
      () => {
        files.delete('b/y.pointer');
      },
      () => {
        dirs = [];
      },
    ];
    for (const [i, step] of steps.entries()) {
      const before = new Map(files);
      step();
      for (const f of before.keys()) if (!files.has(f)) engine.deleteFile(f);
      for (const [f, t] of files) engine.setFile(f, t);
      engine.setTree({ links: [], directories: dirs });
      engine.update();
      const fresh = await RegistryEngine.create(wasm, {}, { families: [pointers] });
      for (const [f, t] of files) fresh.setFile(f, t);
      fresh.setTree({ links: [], directories: dirs });
      fresh.update();
      assert.deepEqual(messages(engine), messages(fresh), `step ${i}`);
    }
    assert.deepEqual(messages(engine), ["a/x.pointer: Directory 'nodes/n3.wip' does not exist"]);
  });
});
