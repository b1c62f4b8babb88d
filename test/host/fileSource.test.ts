// A root fed through a FileSource (what the web worker reaches through the client: a listing of the folder's files,
// then reads) gives the diagnostics the disk feeder gives for the same root.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import { Feeder } from '../../server/src/host/feeder';
import { feedSource, type FileSource } from '../../server/src/host/fileSource';
import { DEFAULT_MAX_BYTES, editorRead } from '../../server/src/host/textPolicy';
import { wasm } from '../engine/helpers';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** The files under `root`, root-relative, as the web client's walk of the folder lists them. */
function filesUnder(root: string, rel = ''): string[] {
  return readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? filesUnder(root, child) : e.isFile() ? [child] : [];
  });
}

/** An in-memory source over `files`; it counts reads. */
function memorySource(files: ReadonlyMap<string, string>): FileSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    list: () => Promise.resolve([...files.keys()]),
    read: (paths) => {
      reads.push(...paths);
      return Promise.resolve(
        paths.map((rel) => {
          const text = files.get(rel);
          return editorRead(text === undefined ? null : { size: Buffer.byteLength(text), text }, DEFAULT_MAX_BYTES);
        }),
      );
    },
  };
}

const sorted = (engine: RegistryEngine): string[] =>
  engine
    .allDiagnostics()
    .map((d) => JSON.stringify(d))
    .sort();

describe('host: the feed of a FileSource', () => {
  for (const example of readdirSync(EXAMPLES)) {
    it(`gives the disk feed's diagnostics on examples/${example}`, async () => {
      const root = path.join(EXAMPLES, example);
      const disk = await RegistryEngine.create(wasm);
      const options = { excluded: () => false, warn: () => undefined, maxFileBytes: DEFAULT_MAX_BYTES };
      await Feeder.wholeRoot(disk, root, options).feedRoot();
      const files = new Map(filesUnder(root).map((rel) => [rel, readFileSync(path.join(root, rel), 'utf8')]));
      const source = memorySource(files);
      const fed = await RegistryEngine.create(wasm);
      await feedSource(fed, source, () => undefined);
      assert.deepEqual(fed.files().sort(), disk.files().sort());
      assert.deepEqual(sorted(fed), sorted(disk));
      assert.equal(new Set(source.reads).size, source.reads.length, 'no file is read twice');
    });
  }

  it("takes no file of a Python environment the listing holds (library code), as the disk's walk lists none", async () => {
    const root = path.join(EXAMPLES, 'cursus-project');
    const project = new Map(filesUnder(root).map((rel) => [rel, readFileSync(path.join(root, rel), 'utf8')]));
    const broken = 'STEP_NAMES = {\n    "A": {"config_class": "AConfig"},\n    "A": {"config_class": "AConfig"},\n}\n';
    const library = new Map([
      ['.venv/pyvenv.cfg', 'home = /usr/bin\n'],
      ['.venv/lib/python3.11/site-packages/cursus/registry/step_names.py', broken],
      ['tools/conda/conda-meta/history', ''],
      ['tools/conda/pkgs/cursus/registry/step_names.py', broken],
      ['vendored/lib/python3.12/site-packages/cursus/registry/step_names.py', broken],
    ]);
    const alone = await RegistryEngine.create(wasm);
    await feedSource(alone, memorySource(project), () => undefined);
    const source = memorySource(new Map([...project, ...library]));
    const fed = await RegistryEngine.create(wasm);
    const environments = await feedSource(fed, source, () => undefined);
    assert.deepEqual([...environments].sort(), ['.venv', 'tools/conda']);
    assert.deepEqual(
      source.reads.filter((rel) => library.has(rel)),
      [],
    );
    assert.deepEqual(fed.files().sort(), alone.files().sort());
    assert.deepEqual(sorted(fed), sorted(alone));
  });

  it('says why a file is not read: over the limit, binary; a file gone is none', async () => {
    const engine = await RegistryEngine.create(wasm);
    const big = 'x'.repeat(DEFAULT_MAX_BYTES + 1);
    const source: FileSource = {
      list: () => Promise.resolve(['registry/step_names.py', 'apcore.yaml', 'gone.py']),
      read: (paths) =>
        Promise.resolve(
          paths.map((rel) =>
            editorRead(
              rel === 'gone.py' ? null : rel.endsWith('.py') ? { size: big.length } : { size: 3, text: 'a\0b' },
              DEFAULT_MAX_BYTES,
            ),
          ),
        ),
    };
    const warned: string[] = [];
    await feedSource(engine, source, (m) => warned.push(m));
    assert.deepEqual(
      engine
        .allDiagnostics()
        .map((d) => `${d.file} ${d.code} ${d.message}`)
        .sort(),
      [
        'apcore.yaml RL030 Not analysed: it is a binary file (it contains a NUL byte)',
        'registry/step_names.py RL030 Not analysed: it is 2 MB, over the limit of 2 MB (setting registryLens.maxFileSizeMB)',
      ],
    );
    assert.equal(warned.length, 2);
    assert.ok(!engine.has('gone.py'));
  });
});
