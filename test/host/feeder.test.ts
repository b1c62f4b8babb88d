// The host's feeder (host/feeder.ts) driven directly, with no server: the open documents' reads first
// and the rest after they are analysed (the narrowed first walk, then the backlog), watched paths
// created, deleted and renamed, unreadable directories, and links — each ending where a fresh whole-root
// feed (`Feeder.feedRoot`, the CLI's) of the same tree ends; and the whole-root feeder of the CLI and the
// MCP server, which with stamps reads again only what changed.
import { strict as assert } from 'node:assert';
import fs, { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import { Feeder, type FirstPass } from '../../server/src/host/feeder';
import { feedOptions } from '../../server/src/host/openRoot';
import { readSettings } from '../../server/src/host/readSettings';
import { parseFixture } from '../engine/fixture';
import { wasm } from '../engine/helpers';

const WS = (name: string): string => `developer_workspaces/developers/${name}`;
const REGISTRY = (name: string): string => `${WS(name)}/src/cursus_dev/registry/workspace_registry.py`;
const ALICE = REGISTRY('alice');
const CORE = 'src/cursus/registry/step_names.py';
const BOB_BUILDER = `${WS('bob')}/src/cursus_dev/steps/builders/builder_shared_step.py`;
const BOB_ONEX = `${WS('bob')}/tools/registry/registry.yaml`;
const ONEX = 'onex/registry/registry.yaml';

const FILES = parseFixture(`
  //- /${CORE}
  STEP_NAMES = {
      "Package": {
          "config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder",
          "sagemaker_step_type": "Processing", "description": "d",
      },
  }
  //- /src/cursus/steps/builders/builder_package_step.py
  class PackageStepBuilder:
      pass
  //- /${ALICE}
  WORKSPACE_METADATA = {"developer_id": "alice"}
  LOCAL_STEPS = {"Shared": {"sagemaker_step_type": "Processing", "description": "also bob's"}}
  //- /${WS('alice')}/src/cursus_dev/steps/builders/builder_shared_step.py
  class SharedStepBuilder:
      pass
  //- /${REGISTRY('bob')}
  WORKSPACE_METADATA = {"developer_id": "bob"}
  LOCAL_STEPS = {"Shared": {"sagemaker_step_type": "Processing", "description": "also alice's"}}
  //- /${BOB_BUILDER}
  class SharedStepBuilder:
      pass
  //- /${BOB_ONEX}
  artifacts: []
  //- /${ONEX}
  artifacts: []
`).files;

/** A clock a minute on: every file written just now has a settled stamp (a racy one is read again: Feeder.feedRoot). */
const LATER = (): number => Date.now() + 60_000;

const lines = (e: RegistryEngine): string[] =>
  e
    .allDiagnostics()
    .map((d) => `${d.file} ${d.code} ${d.message}`)
    .sort();

describe('host: the incremental feeder', () => {
  let base: string;
  let root: string;
  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'registry-lens-feeder-'));
    root = path.join(base, 'root');
    for (const [rel, text] of FILES) write(rel, text);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  /** A feeder of `root` with `open` open (their texts the disk's), loaded. */
  async function loaded(open: string[] = [], progress: [number, number][] = []): Promise<Feeder> {
    const docs = new Map(open.map((rel) => [rel, { text: FILES.get(rel) as string }]));
    const feeder = new Feeder(root, docs);
    const settings = readSettings(root, () => {});
    await feeder.load({ wasm, settings, nested: [], opened: open, progress: (d, t) => progress.push([d, t]) });
    return feeder;
  }

  /** Runs the analysis until nothing is left (what the language server's queue does between changes). */
  async function settle(feeder: Feeder): Promise<void> {
    for (let i = 0; i < 100 && feeder.dirty; i++) {
      const ahead = feeder.readAhead();
      if (ahead !== undefined) await ahead;
      else await feeder.flush().more;
    }
    assert.ok(!feeder.dirty, 'the analysis settles');
  }

  /** Every diagnostic of a fresh whole-root feed of `root`. */
  async function fresh(): Promise<string[]> {
    const settings = readSettings(root, () => {});
    const engine = await RegistryEngine.create(wasm, settings.engine);
    await Feeder.wholeRoot(
      engine,
      root,
      feedOptions(settings, () => {}),
    ).feedRoot();
    return lines(engine);
  }

  it("reads an open document's reads first, other workspaces' components unlisted by the first walk", async () => {
    const progress: [number, number][] = [];
    const feeder = await loaded([ALICE], progress);
    // Listed: every file but alice's registry (open: its text is the editor's) and the two below bob's directories
    // that what alice's registry reads cannot lie in; read of them: all but the ONEX registry (the backlog).
    assert.deepEqual(progress[progress.length - 1], [FILES.size - 4, FILES.size - 3], 'the narrowed walk read');
    const first = feeder.flush();
    assert.equal(first.partial, true, 'the rest of the root is still to read');
    assert.equal(first.final, false);
    const files = feeder.engine.files();
    for (const rel of [ALICE, CORE, REGISTRY('bob')]) assert.ok(files.includes(rel), `${rel} is read first`);
    for (const rel of [BOB_BUILDER, BOB_ONEX, ONEX]) assert.ok(!files.includes(rel), `${rel} waits`);
    assert.deepEqual([...first.ready], [ALICE], "alice's registry is final after the first analysis");
    const shared = (e: RegistryEngine): string[] =>
      e
        .diagnostics(ALICE)
        .filter((d) => d.code === 'RL002')
        .map((d) => d.message);
    const before = shared(feeder.engine);
    assert.equal(before.length, 1, "bob's registry was read for its names");
    await settle(feeder);
    for (const rel of [BOB_BUILDER, BOB_ONEX, ONEX]) assert.ok(feeder.engine.has(rel), `${rel} is read at last`);
    assert.deepEqual(shared(feeder.engine), before, "alice's list did not change once final");
    assert.deepEqual(lines(feeder.engine), await fresh());
    const last = progress[progress.length - 1];
    assert.ok(last !== undefined && last[0] === last[1], `the reads end at their total: ${JSON.stringify(progress)}`);
  });

  it('reads every file in one walk with no document open', async () => {
    const feeder = await loaded();
    const step = feeder.flush();
    assert.equal(step.partial, false);
    for (const rel of FILES.keys()) assert.ok(feeder.engine.has(rel), rel);
    await settle(feeder);
    assert.deepEqual(lines(feeder.engine), await fresh());
  });

  it('follows watched paths: a file created, a directory deleted, a directory renamed', async () => {
    const feeder = await loaded();
    await settle(feeder);
    const builders = `${WS('carol')}/src/cursus_dev/steps/builders`;
    write(REGISTRY('carol'), 'WORKSPACE_METADATA = {"developer_id": "carol"}\nLOCAL_STEPS = {}\n');
    write(`${builders}/builder_carol_step.py`, 'class CarolStepBuilder:\n    pass\n');
    await feeder.created(WS('carol'));
    await settle(feeder);
    assert.ok(feeder.engine.has(`${builders}/builder_carol_step.py`), 'a created directory is listed');
    assert.deepEqual(lines(feeder.engine), await fresh());

    rmSync(path.join(root, WS('bob')), { recursive: true });
    await feeder.deleted(WS('bob'));
    await settle(feeder);
    assert.ok(!feeder.engine.files().some((f) => f.startsWith(`${WS('bob')}/`)), "bob's files are gone");
    assert.ok(!lines(feeder.engine).some((l) => l.includes('RL002')), 'alice no longer shares her step');

    renameSync(path.join(root, WS('carol')), path.join(root, WS('dave')));
    await feeder.deleted(WS('carol'));
    await feeder.created(WS('dave'));
    await settle(feeder);
    const files = feeder.engine.files();
    assert.ok(!files.some((f) => f.startsWith(`${WS('carol')}/`)), 'nothing is left under the old name');
    assert.ok(files.includes(REGISTRY('dave')), 'everything is read under the new one');
    assert.deepEqual(lines(feeder.engine), await fresh());
  });

  it('reports a directory it cannot list on the directory, until a walk lists it', async () => {
    const garbled = Buffer.concat([Buffer.from(`${root}/${WS('')}`), Buffer.from('caf\xe9', 'latin1')]);
    mkdirSync(Buffer.concat([garbled, Buffer.from('/src/cursus_dev/registry')]), { recursive: true });
    writeFileSync(
      Buffer.concat([garbled, Buffer.from('/src/cursus_dev/registry/workspace_registry.py')]),
      'WORKSPACE_METADATA = {"developer_id": "cafe"}\n',
    );
    const feeder = await loaded();
    await settle(feeder);
    const dir = `${WS('')}caf\uFFFD`;
    assert.deepEqual(
      feeder.engine.diagnostics(dir).map((d) => `${d.code} ${d.message}`),
      ['RL030 Not analysed: its name is not valid UTF-8 (rename it), nothing under it is read'],
    );
    assert.deepEqual(lines(feeder.engine), await fresh());
    renameSync(garbled, path.join(root, WS('cafe')));
    await feeder.load({ wasm, settings: readSettings(root, () => {}), nested: [], opened: [], progress: () => {} });
    await settle(feeder);
    assert.deepEqual(feeder.engine.diagnostics(dir), [], 'listed again, the directory is no longer reported');
    assert.ok(feeder.engine.has(REGISTRY('cafe')));
    assert.deepEqual(lines(feeder.engine), await fresh());
  });

  it('lists a linked directory under its own name, never follows a link out, meets new links as a walk', async () => {
    mkdirSync(path.join(base, 'outside', 'registry'), { recursive: true });
    writeFileSync(path.join(base, 'outside', 'registry', 'registry.yaml'), 'artifacts: []\n');
    symlinkSync(path.join(root, WS('alice')), path.join(root, 'alias'));
    symlinkSync(path.join(base, 'outside'), path.join(root, 'escape'));
    const feeder = await loaded();
    await settle(feeder);
    const files = feeder.engine.files();
    assert.ok(files.includes(ALICE));
    assert.ok(!files.some((f) => f.startsWith('alias/') || f.startsWith('escape/')), files.join('\n'));
    assert.equal(feeder.reachable('alias/src/cursus_dev/registry/workspace_registry.py'), false);
    assert.equal(feeder.reachable(ALICE), true);

    // A link created later to a directory no walk lists under its own name (node_modules is never listed): the walk
    // lists it through the link, until the link goes.
    const erin = 'node_modules/erin/src/cursus_dev/registry/workspace_registry.py';
    write(erin, 'WORKSPACE_METADATA = {"developer_id": "erin"}\nLOCAL_STEPS = {}\n');
    symlinkSync(path.join(root, 'node_modules', 'erin'), path.join(root, WS('erin')));
    await feeder.created(WS('erin'));
    await settle(feeder);
    assert.ok(feeder.engine.has(REGISTRY('erin')), 'read through the link');
    assert.equal(feeder.reachable(REGISTRY('erin')), true);
    assert.deepEqual(lines(feeder.engine), await fresh());
    rmSync(path.join(root, WS('erin')));
    await feeder.deleted(WS('erin'));
    await settle(feeder);
    assert.ok(!feeder.engine.has(REGISTRY('erin')), 'gone with the link');
    assert.deepEqual(lines(feeder.engine), await fresh());

    // A link to a file is read at its own path; a change of its target reads it again there.
    const builder = 'src/cursus/steps/builders/builder_package_step.py';
    write('shared/impl.py', 'class Other:\n    pass\n');
    rmSync(path.join(root, builder));
    await feeder.deleted(builder);
    symlinkSync(path.join(root, 'shared', 'impl.py'), path.join(root, builder));
    await feeder.created(builder);
    await settle(feeder);
    const missing = (): string[] => lines(feeder.engine).filter((l) => l.includes("'PackageStepBuilder'"));
    assert.ok(missing().length > 0, 'the linked module does not define the builder');
    write('shared/impl.py', 'class PackageStepBuilder:\n    pass\n');
    await feeder.throughLinks('shared/impl.py', true);
    await settle(feeder);
    assert.deepEqual(missing(), [], 'read again through the link');
    assert.deepEqual(lines(feeder.engine), await fresh());

    // An open document reached through a link is no file of the root: it leaves, as the walk lists it elsewhere.
    const open = new Map([
      ['alias/src/cursus_dev/registry/workspace_registry.py', { text: FILES.get(ALICE) as string }],
    ]);
    const withDoc = new Feeder(root, open);
    await withDoc.load({ wasm, settings: readSettings(root, () => {}), nested: [], opened: [], progress: () => {} });
    await settle(withDoc);
    assert.ok(!withDoc.engine.has('alias/src/cursus_dev/registry/workspace_registry.py'));
    assert.deepEqual(lines(withDoc.engine), await fresh());
  });
});

describe('host: the whole-root feeder (CLI, MCP)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'registry-lens-whole-'));
    for (const [rel, text] of FILES) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A whole-root feeder whose size limit skips the core registry (each read of it warns), and its warnings. */
  async function whole(stamps: boolean): Promise<{ feeder: Feeder; warned: string[] }> {
    const warned: string[] = [];
    const engine = await RegistryEngine.create(wasm);
    const maxFileBytes = (FILES.get(CORE) as string).length - 1;
    const feeder = Feeder.wholeRoot(
      engine,
      root,
      { excluded: () => false, warn: (m) => warned.push(m), maxFileBytes },
      stamps ? LATER : undefined,
    );
    await feeder.feedRoot();
    return { feeder, warned };
  }
  const skips = (warned: string[]): number => warned.filter((w) => w.startsWith(`skipped ${CORE}:`)).length;

  it('with stamps, reads again only the files whose stamp moved', async () => {
    const { feeder, warned } = await whole(true);
    assert.equal(skips(warned), 1);
    assert.ok(feeder.engine.has(ALICE));
    await feeder.feedRoot();
    assert.equal(skips(warned), 1, 'an unchanged file is not read again');
    writeFileSync(path.join(root, CORE), `${FILES.get(CORE) as string}# rewritten\n`);
    rmSync(path.join(root, ALICE));
    await feeder.feedRoot();
    assert.equal(skips(warned), 2, 'a rewritten file is read again');
    assert.ok(!feeder.engine.has(ALICE), 'a file gone leaves the engine');
  });

  it('without stamps, reads every file at each feed', async () => {
    const { feeder, warned } = await whole(false);
    await feeder.feedRoot();
    assert.equal(skips(warned), 2);
  });

  /**
   * Feeds `engine` the root as the MCP server's load does (abandonable: `signal`), its analysis one unit per slice (the
   * loop, not the clock, decides the slices), counted and told to `onSlice`; `onWalk` hears the walk.
   */
  function abandonable(
    engine: RegistryEngine,
    signal: AbortSignal,
    { onSlice, onWalk, first }: { onSlice?: (n: number) => void; onWalk?: () => void; first?: FirstPass } = {},
  ): { fed: Promise<void>; slices: () => number } {
    const updateSome = engine.updateSome.bind(engine);
    let slices = 0;
    engine.updateSome = (_stop, files, onlyFirst) => {
      slices++;
      onSlice?.(slices);
      return updateSome(() => true, files, onlyFirst);
    };
    const options = { excluded: () => false, warn: () => {}, maxFileBytes: 1 << 20 };
    const record = { walked: () => onWalk?.(), read: () => {} };
    return {
      fed: Feeder.wholeRoot(engine, root, options).feedRoot({ signal, record, ...(first ? { first } : {}) }),
      slices: () => slices,
    };
  }

  /**
   * What a call waiting for `files`' diagnostics (`[]`: for queries alone) during an abandonable feed is handed, and
   * when: the slices run by then and what `look` saw of the engine.
   */
  async function waitingCall<T>(
    files: string[],
    look: (engine: RegistryEngine) => T,
  ): Promise<{ answers: { seen: T; rest: boolean; slices: number }[]; slices: number; engine: RegistryEngine }> {
    const engine = await RegistryEngine.create(wasm);
    const answers: { seen: T; rest: boolean; slices: number }[] = [];
    let awaited: ReadonlySet<string> | undefined = new Set(files);
    const first: FirstPass = {
      awaited: () => awaited,
      ready: (e, midway) => {
        awaited = undefined;
        answers.push({ seen: look(e), rest: midway.rest(), slices: run.slices() });
        return undefined;
      },
    };
    const run = abandonable(engine, new AbortController().signal, { first });
    await run.fed;
    return { answers, slices: run.slices(), engine };
  }

  it('with a signal, analyses in slices to the same diagnostics as in one go', async () => {
    const inOneGo = await RegistryEngine.create(wasm);
    await Feeder.wholeRoot(inOneGo, root, { excluded: () => false, warn: () => {}, maxFileBytes: 1 << 20 }).feedRoot();
    const engine = await RegistryEngine.create(wasm);
    const { fed, slices } = abandonable(engine, new AbortController().signal);
    await fed;
    assert.ok(slices() > 2, `${slices()} slices`);
    assert.ok(lines(inOneGo).length > 0);
    assert.deepEqual(lines(engine), lines(inOneGo));
  });

  it("a call waiting for some files' diagnostics gets the engine once their units ran, before the others'", async () => {
    const whole = await RegistryEngine.create(wasm);
    await Feeder.wholeRoot(whole, root, { excluded: () => false, warn: () => {}, maxFileBytes: 1 << 20 }).feedRoot();
    const of = (e: RegistryEngine, file: string): string[] => lines(e).filter((l) => l.startsWith(`${file} `));
    assert.ok(of(whole, ALICE).length > 0, 'the file has diagnostics');
    const { answers, slices, engine } = await waitingCall([ALICE], (e) => ({
      own: of(e, ALICE),
      all: lines(e).length,
    }));
    assert.equal(answers.length, 1, 'one answer');
    const [answer] = answers;
    assert.deepEqual(answer?.seen.own, of(whole, ALICE), "the file's final diagnostics");
    assert.ok(answer?.rest, 'other units were waiting');
    assert.ok((answer?.slices ?? slices) < slices, `answered after ${answer?.slices} of ${slices} slices`);
    assert.ok((answer?.seen.all ?? 0) < lines(whole).length, 'before every diagnostic was published');
    assert.deepEqual(lines(engine), lines(whole), 'the feed then ends as without the call');
  });

  it('a call answered from queries gets the engine as soon as every file is read, before any unit ran', async () => {
    const whole = await RegistryEngine.create(wasm);
    await Feeder.wholeRoot(whole, root, { excluded: () => false, warn: () => {}, maxFileBytes: 1 << 20 }).feedRoot();
    const ask = (e: RegistryEngine): string =>
      JSON.stringify([e.locateName('Shared'), e.explain({ step: 'Package' }), e.list({})]);
    const { answers, engine } = await waitingCall([], ask);
    assert.deepEqual(
      answers.map((a) => a.slices),
      [0],
      'answered once, before the first slice',
    );
    assert.equal(answers[0]?.seen, ask(whole));
    assert.deepEqual(lines(engine), lines(whole));
  });

  it('knows whether feeding again would change anything, without reading a file', async () => {
    const options = { excluded: () => false, warn: () => {}, maxFileBytes: 1 << 20 };
    const engine = await RegistryEngine.create(wasm);
    const feeder = Feeder.wholeRoot(engine, root, options, LATER);
    await feeder.feedRoot();
    const unchanged = (): Promise<boolean> => feeder.unchanged();
    assert.equal(await unchanged(), true, 'nothing changed');
    const again = async (change: () => void, what: string): Promise<void> => {
      change();
      assert.equal(await unchanged(), false, what);
      await feeder.feedRoot();
      assert.equal(await unchanged(), true, `${what}, fed again`);
    };
    await again(
      () => writeFileSync(path.join(root, ALICE), `${FILES.get(ALICE) as string}# edited\n`),
      'a file edited',
    );
    await again(() => rmSync(path.join(root, BOB_BUILDER)), 'a file deleted');
    await again(
      () => writeFileSync(path.join(root, BOB_BUILDER), 'class SharedStepBuilder:\n    pass\n'),
      'a file added',
    );
    await again(() => symlinkSync(path.join(root, WS('bob')), path.join(root, WS('carol'))), 'a link added');
    writeFileSync(path.join(root, 'notes.txt'), 'no registry\n');
    assert.equal(await unchanged(), true, 'a file no family reads changes nothing');
  });

  it('a file whose stamp is within the time granularity of its read is read again, though its stamp is unchanged', async () => {
    // A coarse-timestamp file system (FAT's 2 s, ext3's 1 s): times in whole seconds, the change time the mtime. A
    // same-size rewrite within that second, its mtime set back as the tick would have kept it, keeps the stamp.
    const statSync = fs.statSync;
    const coarse = (p: string): import('node:fs').Stats => {
      const s = statSync(p);
      s.mtimeMs = s.ctimeMs = Math.floor(s.mtimeMs / 1000) * 1000;
      return s;
    };
    const options = { excluded: () => false, warn: () => {}, maxFileBytes: 1 << 20 };
    const engine = await RegistryEngine.create(wasm);
    const feeder = Feeder.wholeRoot(engine, root, options, Date.now);
    const file = path.join(root, ALICE);
    const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
    utimesSync(file, tick, tick);
    (fs as { statSync: unknown }).statSync = coarse;
    try {
      await feeder.feedRoot();
      const before = coarse(file);
      const text = FILES.get(ALICE) as string;
      const edited = text.replace('alice', 'alic3');
      assert.equal(edited.length, text.length);
      writeFileSync(file, edited);
      utimesSync(file, tick, tick);
      const after = coarse(file);
      assert.deepEqual(
        [after.size, after.mtimeMs, after.ctimeMs, after.ino],
        [before.size, before.mtimeMs, before.ctimeMs, before.ino],
        'the stamp is unchanged',
      );
      assert.equal(await feeder.unchanged(), false, 'a racy stamp never stands for the file');
      await feeder.feedRoot();
      const fresh = await RegistryEngine.create(wasm);
      await Feeder.wholeRoot(fresh, root, options).feedRoot();
      assert.deepEqual(lines(engine), lines(fresh), 'the rewrite is analysed');
    } finally {
      (fs as { statSync: unknown }).statSync = statSync;
    }
    // Settled (a file last changed long before its read): taken by its stamp, nothing read again.
    const settledEngine = await RegistryEngine.create(wasm);
    const settled = Feeder.wholeRoot(settledEngine, root, options, LATER);
    await settled.feedRoot();
    assert.equal(await settled.unchanged(), true);
  });

  it('an aborted feed stops at its next step: aborted during the walk nothing is fed, between slices nothing more runs', async () => {
    const left = (): Error => new Error('the client left');
    const duringWalk = new AbortController();
    const unfed = await RegistryEngine.create(wasm);
    const walk = abandonable(unfed, duringWalk.signal, { onWalk: () => duringWalk.abort(left()) });
    await assert.rejects(walk.fed, /the client left/);
    assert.deepEqual(unfed.files(), []);
    assert.equal(walk.slices(), 0);

    const betweenSlices = new AbortController();
    const engine = await RegistryEngine.create(wasm);
    const run = abandonable(engine, betweenSlices.signal, {
      onSlice: (n) => {
        if (n === 2) betweenSlices.abort(left());
      },
    });
    await assert.rejects(run.fed, /the client left/);
    assert.equal(run.slices(), 2, 'no slice after the abort');
    assert.ok(engine.updateSome().waiting > 0, 'units were left for a later call');
  });
});
