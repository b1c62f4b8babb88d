// A root fed through a FileSource (what the web worker reaches through the client: a listing of the folder's files,
// then reads) gives the diagnostics the disk feeder gives for the same root.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import { Feeder } from '../../server/src/host/feeder';
import { feedSource, type FeedOrder, type FeedProgress, type FileSource } from '../../server/src/host/fileSource';
import { compileGlobs } from '../../server/src/engine/util/globs';
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

  for (const example of readdirSync(EXAMPLES)) {
    it(`in order on examples/${example}: the open documents, the registries, the rest; ending as the feed of all`, async () => {
      const root = path.join(EXAMPLES, example);
      const files = new Map(filesUnder(root).map((rel) => [rel, readFileSync(path.join(root, rel), 'utf8')]));
      const all = await RegistryEngine.create(wasm);
      const ordered = await RegistryEngine.create(wasm);
      await feedSource(all, memorySource(files), () => undefined);
      const registry = compileGlobs(all.registryGlobs()).matches;
      // open: a registry and a file of another kind the feed takes
      const taken = all.files().sort();
      const open = [taken.find((rel) => registry(rel)), taken.find((rel) => !registry(rel))].flatMap((rel) =>
        rel === undefined ? [] : [rel],
      );
      // the open documents a family reads before anything else is read (an apcore module: once apcore.yaml is)
      const early = open.filter((rel) => ordered.interest().wants(rel));
      const events: string[] = [];
      const told: FeedProgress[] = [];
      const source = memorySource(files);
      const read = source.read;
      source.read = (paths) => {
        events.push(...paths.map((rel) => `read ${registry(rel) ? 'registry' : 'other'} ${rel}`));
        return read(paths);
      };
      await feedSource(ordered, source, () => undefined, {
        open,
        analysed: (changed) => events.push(`analysed ${changed.length}`),
        progress: (p) => told.push(p),
      });
      assert.deepEqual(ordered.files().sort(), taken);
      assert.deepEqual(sorted(ordered), sorted(all));
      assert.equal(new Set(source.reads).size, source.reads.length, 'no file is read twice');
      // the open documents are read (the editor's text) and analysed before anything else is read
      const head = early.length === 0 ? 0 : early.length + 1;
      const readOf = (rel: string): string => `read ${registry(rel) ? 'registry' : 'other'} ${rel}`;
      assert.deepEqual(events.slice(0, early.length), early.map(readOf));
      if (early.length > 0) assert.match(events[early.length] ?? '', /^analysed /);
      // then the first walk's registries, analysed, before any other file
      const rest = events.slice(head);
      const firstOther = rest.findIndex((e) => e.startsWith('read other'));
      if (firstOther > 0) {
        assert.ok(rest[0]?.startsWith('read registry'), rest[0]);
        assert.match(rest[firstOther - 1] ?? '', /^analysed /);
      }
      // told: listing, then the reading's steps in order, counts growing, then done with every file read
      const steps = told.map((p) => p.step).filter((step, i, a) => a[i - 1] !== step);
      assert.equal(steps[0], 'listing');
      assert.equal(steps.at(-1), 'done');
      const last = told.at(-1) as FeedProgress;
      assert.equal(last.read, last.total);
      assert.deepEqual(last.pending, []);
      assert.equal(last.total, source.reads.length - early.length);
      for (let i = 1; i < told.length; i++)
        assert.ok((told[i] as FeedProgress).read >= (told[i - 1] as FeedProgress).read);
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

  it('an open document in a site-packages is not analysed before the listing: library code gets no diagnostics', async () => {
    const root = path.join(EXAMPLES, 'cursus-project');
    const files = new Map(filesUnder(root).map((rel) => [rel, readFileSync(path.join(root, rel), 'utf8')]));
    const lib = '.venv/lib/python3.11/site-packages/cursus/registry/step_names.py';
    files.set('.venv/pyvenv.cfg', 'home = /usr/bin\n');
    files.set(lib, 'STEP_NAMES = {\n    "A": {"config_class": "AConfig"},\n    "A": {"config_class": "AConfig"},\n}\n');
    const engine = await RegistryEngine.create(wasm);
    const published: string[] = [];
    const order: FeedOrder = {
      open: [lib],
      analysed: (changed) => published.push(...changed),
      progress: () => undefined,
    };
    await feedSource(engine, memorySource(files), () => undefined, order);
    assert.ok(!published.includes(lib), 'no diagnostics published for the library file');
    assert.deepEqual(engine.diagnostics(lib), []);
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
