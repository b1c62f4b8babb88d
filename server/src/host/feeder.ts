// What feeds one root's engine from the disk, for every front end: the one feed loop. It walks (links,
// unreadable directories, companions: walkRoot.ts), reads, answers the engine's `interest()` between analyses
// and walks again while the answer moves. Incrementally for the language server's folders (`load`, `flush`:
// open documents first, the backlog after, watched-path events applied as a walk would see them), or a whole
// root at a time (`wholeRoot`/`feedRoot`: the CLI, the MCP server, the daemon; with stamps, only what moved).
import { installedVersions, installedOf } from './frameworkReport';
import type { InstalledFramework } from './installedFrameworks';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RegistryEngine, type HostInterest, type HostLink, type WasmBinaries } from '../engine/engine';
import type { InstalledVersion } from '../engine/api';
import { compileGlobs } from '../engine/util/globs';
import { Backlog } from './backlog';
import type { FolderSettings } from './folderSettings';
import { absoluteIn, frameworkLibrary, mountOf, NO_LIBRARY, rereadIn, type Library } from './frameworkLibrary';
import { findEnvironment, linkedOutEnvironment, searchedEnvironment, type PythonEnvironment } from './pythonEnv';
import { readInRoot, readText, readTexts, sizePolicy, DEFAULT_MAX_BYTES, type ReadResult } from './readText';
import { inSitePackages } from './pythonLibrary';
import { linkAt, listFiles, type ScanFilter } from './scan';
import { fileStamp, stampStands } from './fileStamp';
import { feedRounds } from './fileSource';
import { narrowWalk, WHOLE_TREE, type RootWalk } from './listedWalk';
import { walkRoot } from './walkRoot';
import { TimeSlice } from './timeSlice';

export interface LoadOptions {
  wasm: WasmBinaries;
  settings: FolderSettings;
  /** Root-relative paths of deeper roots (workspace folders): their files belong to them. */
  nested: string[];
  /**
   * Root-relative paths of the documents open in the editor as the load starts (their opening may
   * still wait in the queue behind the load): what they read is read and analysed first.
   */
  opened: string[];
  progress: (done: number, total: number) => void;
}

/** What an analysis step did (see Feeder.flush). */
export interface FlushResult {
  changed: string[];
  staged: string[];
  waiting: number;
  updateMs: number;
  partial: boolean;
  final: boolean;
  ready: ReadonlySet<string>;
  more?: Promise<void>;
}

/** How long one slice of an abandonable feed's analysis runs before the event loop gets a turn. */
const SLICE_MS = 50;

export interface FeedOptions {
  /** Root-relative paths never read. */
  excluded: (rel: string) => boolean;
  warn: (message: string) => void;
  /** The size policy (setting `registryLens.maxFileSizeMB`). */
  maxFileBytes: number;
  /** The installed frameworks fed as library code (host/frameworkLibrary.ts); none when absent. */
  library?: Library;
  /** The frameworks the Python environment installs, import-style (`installedVersions`); none when absent. */
  installed?: readonly InstalledVersion[];
  /** A root folder left unused as the environment, a link out of the root (`linkedOutEnvironment`). */
  unusedEnvironment?: string | null;
  /** The environment searched, in words (`searchedEnvironment`). */
  searchedEnvironment?: string;
}

/**
 * What one whole-root feed is given besides its options (host/checkCache.ts): `whole`, a walk of the root just made
 * with `WHOLE_TREE` and the same exclusions, which stands for the first walk (see `narrowWalk`); `record`, which hears
 * each walk and each read outcome (what a cached result is judged against).
 */
export interface FeedExtras {
  whole?: RootWalk;
  record?: FeedRecord;
  /**
   * Abandons the feed (it rejects with the signal's reason) at its next step: after the walk, the reads, each slice
   * of the analysis. The MCP server's load, which its client may leave before it ends.
   */
  signal?: AbortSignal;
  /** A call answered while an abandonable feed runs, before its analysis is done (see `FirstPass`). */
  first?: FirstPass;
}

/**
 * A call answered while an abandonable feed runs (the MCP server's calls during its load): once every file is read and
 * no walk or referred file is left, the analysis hands the engine to `ready` between two steps, as queries pulled then
 * read every file in full; a call that reports some files' diagnostics waits until their units have run, which run
 * before the others (`updateSome` with `onlyFirst`), so their diagnostics are final.
 */
export interface FirstPass {
  /**
   * The files whose diagnostics the waiting call reports, as the engine names them (undefined: no call waits); asked
   * in each slice, the same set while the files fed are (`fed`: moves with each analysis of the feed).
   */
  awaited(engine: RegistryEngine, fed: number): ReadonlySet<string> | undefined;
  /** What it returns, the analysis waits for before its next step (a walk the answer waits for, not slowed by it). */
  ready(engine: RegistryEngine, midway: Midway): Promise<void> | undefined;
}

/** Where a feed that handed its engine to a waiting call stands (see `FirstPass`), asked then or later. */
export interface Midway {
  /** Units of other files are still waiting: the root's diagnostics are not all published yet. */
  rest(): boolean;
  /** Whether feeding the root again now would give the engine nothing (`Feeder.unchanged`; false without stamps). */
  unchanged(): Promise<boolean>;
}

export interface FeedRecord {
  walked(walk: RootWalk): void;
  read(rel: string, read: ReadResult): void;
}

/** What a whole-root feeder that stamps gave the engine (see `Feeder.wholeRoot`). */
interface Stamped {
  /** Each path fed, with the stamp of the file it read ('' when it did not stat, or the stamp was racy). */
  readonly fed: Map<string, string>;
  /** What the last walk gave besides files (`treeOf`). */
  tree: string;
  /** Why each path fed as skipped was (a racy one read again the same is not said again). */
  readonly skipped: Map<string, string>;
  /** The time a stamp is taken at (`stampStands`); a test's clock may run ahead. */
  readonly clock: () => number;
}

/**
 * One root's feeder. Open documents are the front end's; the feeder only reads their texts, which win over the disk.
 * Changes arrive one at a time (the front end's queue), so nothing here guards against a change arriving while another
 * is under way.
 */
export class Feeder {
  settings: FolderSettings | undefined;
  private engineRef: RegistryEngine | undefined;
  private excluded: (rel: string) => boolean = () => false;
  /** The Python environments the walks met: library code, whose events and open documents never reach the engine. */
  private readonly environments = new Set<string>();
  /** The installed frameworks fed as library code (host/frameworkLibrary.ts), of the environment the settings name. */
  library: Library = NO_LIBRARY;
  /** The project's Python environment the last load found (null: none). */
  environment: PythonEnvironment | null = null;
  /** The known frameworks it installs, as the last load read them. */
  installed: readonly InstalledFramework[] = [];
  /** The engine's way back to a text it let go, in the root or the library. */
  private reread: (rel: string) => string | undefined = () => undefined;
  /** Texts to hand to the engine on the next flush; null deletes the file; `skipped` says why it is not analysed. */
  private readonly pending = new Map<string, string | null | { skipped: string }>();
  /** Directories the last walk could not list (reported on the directory). */
  private unreadableDirs = new Set<string>();
  /** Files the engine asked for (`interest().files`) that were read once already, present or not. */
  private readonly fetched = new Set<string>();
  /** The engine's `interest().walk` at the last walk: when it moves, the root is walked again. */
  private relevance = 0;
  /**
   * What the last walk found besides files (links; directories the engine asked about), kept current by watch events.
   */
  private links: HostLink[] = [];
  /**
   * The links to directories the last walk listed their directory through (see host/scan: a directory reached without a
   * link is not).
   */
  private followed: ReadonlySet<string> = new Set();
  private readonly directories = new Set<string>();
  /**
   * Files the last walk read beside a wanted one (a meta file's subject): staged before what makes them wanted is
   * handed over, then judged with it (see flush).
   */
  private beside = new Set<string>();
  private needsUpdate = false;
  /** The files of the last walk that no open document needed, read after the open documents were analysed. */
  private readonly backlog = new Backlog();
  /** Reports the reads of a load, the backlog's included: the files read of the walk's total. */
  private readProgress: ((done: number, total: number) => void) | undefined;
  private readTotal = 0;
  /**
   * While the backlog is read: something other than its reads was staged, or an open document's reads are all staged,
   * so the analysis runs before the next slice.
   */
  private urgent = false;
  /** The open documents' units that the last analysis left waiting. */
  private waitingFirst = 0;
  /**
   * The first walk of a load with documents open listed only the directories what they read may lie in
   * (`interest().firstBelow`); the rest is listed once they are analysed (readAhead). `listedFor`: the
   * documents that walk was for, the only ones whose diagnostics are final before then.
   */
  private unlisted = false;
  private listedFor: ReadonlySet<string> = new Set();
  /** A whole-root feeder's options, and what it fed (undefined: nothing is stat'ed); see `wholeRoot`. */
  private whole: { readonly options: FeedOptions; readonly stamped: Stamped | undefined } | undefined;

  /** `open`: the open documents by root-relative path, as the front end last applied them. */
  constructor(
    readonly root: string,
    private readonly open: ReadonlyMap<string, { readonly text: string }>,
  ) {}

  /**
   * The feeder of a host with no editor and no watcher (the CLI once, the MCP server and the daemon before each call):
   * it feeds `engine` a whole root at a time (`feedRoot`). With a `clock` (the time a stamp is taken at) what was fed
   * is remembered with each file's stamp, so each feed after the first reads only the files whose stamp moved.
   */
  static wholeRoot(engine: RegistryEngine, root: string, options: FeedOptions, clock?: () => number): Feeder {
    const feeder = new Feeder(root, new Map());
    feeder.engineRef = engine;
    const stamped = clock && { fed: new Map<string, string>(), tree: '', skipped: new Map<string, string>(), clock };
    feeder.whole = { options, stamped };
    return feeder;
  }

  /**
   * A walk of `root` and its library asking about everything: given a whole-root feed (`FeedExtras.whole`), it stands
   * for the feed's first walk, so what judges `check --cache` is what the feed reads.
   */
  static walkWhole(root: string, options: FeedOptions): Promise<RootWalk> {
    return walkRoot(root, WHOLE_TREE, options.excluded, undefined, options.library ?? NO_LIBRARY);
  }

  /**
   * Feeds a whole-root feeder's root: walks (links and the directories the engine asks about reported), feeds the
   * files its `interest()` wants and those to read alongside them, analyses, and walks again while the answer moves
   * (apcore.yaml naming other roots), then feeds the files the analysis refers to that the walk did not know to read,
   * again while those name more. With stamps, files whose size, times or inode moved are read again, files gone or no
   * longer wanted leave the engine, and a root unchanged since the last feed is not fed at all; without, nothing is
   * stat'ed. A feed that may be abandoned (`signal`) analyses in slices, so the event loop sees the abort within one.
   */
  async feedRoot({ whole, record, signal, first }: FeedExtras = {}): Promise<void> {
    if (this.whole === undefined) throw new Error(`${this.root}: not a whole-root feeder`);
    const { options: opts, stamped } = this.whole;
    const engine = this.engine;
    const root = this.root;
    let feeds = 0;
    const library = (this.library = opts.library ?? NO_LIBRARY);
    engine.setLibrary(library.mounts.map((m) => m.at));
    engine.setInstalled(opts.installed ?? []);
    engine.setUnusedEnvironment(opts.unusedEnvironment ?? null);
    engine.setSearchedEnvironment(opts.searchedEnvironment ?? '');
    const absolute = absoluteIn(root, library);
    const analyse = async (): Promise<void> => {
      feeds++;
      if (signal) await this.analyseInSlices(signal, first && { pass: first, settled, fed: feeds });
      else engine.update();
    };
    // Nothing is left to read: no new walk is due and no file the analysis refers to is unread.
    const settled = (): boolean => {
      const interest = engine.interest();
      return interest.walk === walked && !interest.files.some((rel) => onDisk.has(rel) && !seen.has(rel));
    };
    // Fed before and nothing changed since: a feed would give the engine what it has (and take out and read again the
    // files read because the analysis referred to them, analysing them twice).
    // The walk that judged it is the feed's first when something changed (nothing was given the engine since).
    let judged: { found: RootWalk; walk: number } | undefined;
    if (stamped !== undefined && stamped.tree !== '') {
      const interest = engine.interest();
      const found = await walkRoot(root, interest, opts.excluded, undefined, library);
      if (this.sameAsFed(found, interest, stamped)) return;
      judged = { found, walk: interest.walk };
    }
    // Without stamps every unreadable directory is said at each walk, and none is remembered.
    if (stamped === undefined) this.unreadableDirs = new Set();
    const fed = stamped?.fed ?? new Map<string, string>();
    const stamp = stamped === undefined ? (): string => '' : (abs: string): string => fileStamp(abs);
    let onDisk: ReadonlySet<string> = new Set<string>();
    const seen = new Set<string>();
    const feed = async (files: string[]): Promise<void> => {
      const fresh = files.filter((rel) => !seen.has(rel));
      const abs = fresh.map(absolute);
      const changed: { rel: string; abs: string; stamp: string }[] = [];
      // Taken before the stats: a stamp within the file system's granularity of it may outlive a change
      // (`stampStands`).
      const statted = stamped?.clock() ?? 0;
      fresh.forEach((rel, i) => {
        seen.add(rel);
        const path = abs[i] as string;
        const now = stamp(path);
        if (now === '' || fed.get(rel) !== now) changed.push({ rel, abs: path, stamp: now });
      });
      const reads = await readTexts(
        changed.map((c) => c.abs),
        opts.maxFileBytes,
      );
      signal?.throwIfAborted();
      changed.forEach(({ rel, stamp: now }, i) => {
        const read = reads[i];
        record?.read(rel, read ?? null);
        const had = fed.get(rel);
        const skippedFor = stamped?.skipped.get(rel);
        stamped?.skipped.delete(rel);
        if (!read) {
          fed.delete(rel);
          if (had !== undefined) engine.deleteFile(rel);
          return;
        }
        // A racy stamp is kept as none, which no stamp meets: the file is read again by the next feed, and then judged.
        fed.set(rel, stampStands(now, statted) ? now : '');
        if ('text' in read) {
          engine.setFile(rel, read.text, true);
          return;
        }
        stamped?.skipped.set(rel, read.skipped);
        // Read again only because its stamp was racy, and skipped as before: said already (a fresh run says it once).
        if (!(had === '' && skippedFor === read.skipped)) opts.warn(`skipped ${rel}: ${read.skipped}`);
        engine.setSkipped(rel, read.skipped);
      });
    };
    let walked = Number.NaN;
    await feedRounds(engine, {
      walk: async (interest, walk) => {
        signal?.throwIfAborted();
        walked = interest.walk;
        const found =
          walk === 0 && whole !== undefined
            ? narrowWalk(whole, interest)
            : walk === 0 && judged?.walk === interest.walk
              ? judged.found
              : await walkRoot(root, interest, opts.excluded, undefined, library);
        signal?.throwIfAborted();
        record?.walked(found);
        onDisk = found.onDisk;
        this.takeUnreadable(found, opts.warn);
        if (stamped !== undefined) stamped.tree = treeOf(found);
        else this.unreadableDirs = new Set();
        const listed = new Set(found.files);
        const asked = new Set(interest.files);
        for (const rel of [...fed.keys()])
          if (!listed.has(rel) && !(asked.has(rel) && onDisk.has(rel))) {
            fed.delete(rel);
            stamped?.skipped.delete(rel);
            engine.deleteFile(rel);
          }
        engine.setTree({ links: found.links, directories: found.directories });
        return found.files;
      },
      onDisk: (rel) => onDisk.has(rel),
      seen: (rel) => seen.has(rel),
      feed,
      analyse,
    });
  }

  /**
   * Whether feeding a whole-root feeder's root again would give its engine nothing: a walk with its interest lists the
   * same links, directories and unlistable paths and no file that was not fed, no file the analysis refers to is left
   * unread, and every file fed is there with the stamp it had when it was read (reads no file). What the engine
   * answers then is what it would answer after the last feed (a call during the MCP server's load: `FirstPass`).
   * Always false without stamps.
   */
  async unchanged(): Promise<boolean> {
    const stamped = this.whole?.stamped;
    if (this.whole === undefined || stamped === undefined) return false;
    const interest = this.engine.interest();
    const found = await walkRoot(this.root, interest, this.whole.options.excluded, undefined, this.library);
    return this.sameAsFed(found, interest, stamped);
  }

  /** `unchanged`, given the walk made with the engine's interest now. */
  private sameAsFed(found: RootWalk, interest: HostInterest, stamped: Stamped): boolean {
    if (treeOf(found) !== stamped.tree) return false;
    // A file the analysis refers to and has not read would be read.
    if (interest.files.some((rel) => found.onDisk.has(rel))) return false;
    const listed = new Set(found.files);
    for (const rel of listed) if (!stamped.fed.has(rel)) return false;
    // Every file fed as it was read: those listed, and those read because the analysis referred to them (a feed takes
    // them out and reads them again, to the same end when nothing changed).
    const abs = absoluteIn(this.root, this.library);
    for (const [rel, stamp] of stamped.fed) {
      if (!listed.has(rel) && !found.onDisk.has(rel)) return false;
      const now = fileStamp(abs(rel));
      if (now === '' || now !== stamp) return false;
    }
    return true;
  }

  /**
   * `engine.update()` in time slices of `SLICE_MS` (as `flush` takes one), the event loop turning between them,
   * abandoned when `signal` is aborted: the same end (`updateSome` changes which units run in which call, never what
   * they end with).
   */
  private async analyseInSlices(
    signal: AbortSignal,
    first?: { pass: FirstPass; settled: () => boolean; fed: number },
  ): Promise<void> {
    const engine = this.engine;
    // What this analysis handed to a waiting call already, or found not settled once that call's units had run.
    let tried: ReadonlySet<string> | undefined;
    // Units left by the last slice (none once the analysis is done).
    let left = Number.POSITIVE_INFINITY;
    const midway: Midway | undefined = first && { rest: () => left > 0, unchanged: () => this.unchanged() };
    try {
      for (;;) {
        signal.throwIfAborted();
        const slice = new TimeSlice(SLICE_MS);
        const awaited = first?.pass.awaited(engine, first.fed);
        if (first && midway && awaited && awaited !== tried) {
          // A call answered from queries needs no unit; one about some files, theirs (and only theirs start now).
          let ran = true;
          if (awaited.size > 0) {
            const { waiting, waitingFirst } = engine.updateSome(slice.over, awaited, true);
            left = waiting;
            ran = waitingFirst === 0;
          }
          if (ran) {
            tried = awaited;
            if (first.settled()) await first.pass.ready(engine, midway);
          }
          if (awaited.size === 0) continue;
        } else if ((left = engine.updateSome(slice.over).waiting) === 0) return;
        await TimeSlice.next();
      }
    } finally {
      left = 0;
    }
  }

  get engine(): RegistryEngine {
    if (this.engineRef === undefined) throw new Error(`${this.root}: engine used before it was loaded`);
    return this.engineRef;
  }

  get ready(): boolean {
    return this.engineRef !== undefined;
  }
  get dirty(): boolean {
    return this.needsUpdate;
  }

  /**
   * Whether the engine should see this path (false until the first load, when nothing is known): a
   * path it wants, or one it asked for (`interest().files`: an ONEX entrypoint no family classifies as wanted).
   */
  accepts(rel: string): boolean {
    return (
      (!this.excluded(rel) || mountOf(this.library, rel) !== null) &&
      this.engineRef !== undefined &&
      (this.fetched.has(rel) || (this.engineRef.commit(), this.engineRef.interest().wants(rel)))
    );
  }

  /** Where a library file lies on disk (absolute: host/frameworkLibrary.ts); null for a path of the root. */
  libraryFile(rel: string): string | null {
    return mountOf(this.library, rel) === null ? null : absoluteIn(this.root, this.library)(rel);
  }

  /** (Re)loads settings and every file from disk. */
  async load({ wasm, settings, nested, opened, progress }: LoadOptions): Promise<void> {
    this.settings = settings;
    // Only a first load lists part of the root first: a reload's walk must see every file the engine has.
    const first = this.engineRef === undefined;
    // The environment the editor names (`registryLens.python.environment`), else the activated one, else the root's.
    const env = findEnvironment(this.root, settings.pythonEnvironment, process.env);
    this.environment = env === null || 'error' in env ? null : env;
    const unused = linkedOutEnvironment(this.root, env);
    this.library = frameworkLibrary(this.root, this.environment);
    this.installed = installedOf(this.environment);
    if (this.engineRef === undefined)
      this.engineRef = await RegistryEngine.create(wasm, settings.engine, {
        reread: (rel) => this.reread(rel),
      });
    else this.engineRef.configure(settings.engine);
    this.engineRef.setLibrary(this.library.mounts.map((m) => m.at));
    this.engineRef.setInstalled(installedVersions(this.environment, this.installed));
    this.engineRef.setUnusedEnvironment(unused);
    this.engineRef.setSearchedEnvironment(searchedEnvironment(this.root, this.environment));
    this.reread = rereadIn(this.root, this.library, () => this.maxFileBytes);
    const excluded = compileGlobs(settings.exclude).matches;
    const inNested = (rel: string): boolean => nested.some((n) => rel === n || rel.startsWith(`${n}/`));
    const inEnvironment = (rel: string): boolean => {
      for (const e of this.environments) if (under(rel, e)) return true;
      return false;
    };
    this.excluded = (rel) => excluded(rel) || inNested(rel) || inSitePackages(rel) || inEnvironment(rel);
    this.fetched.clear();
    this.backlog.set([]);
    for (const [rel, doc] of this.open) this.stage(rel, doc.text);
    await this.walk(progress, true, [...new Set([...this.open.keys(), ...opened])], first);
  }

  /**
   * Queues a file's text (null: deleted; `skipped`: not analysed, and why) for the next analysis. Open
   * documents and disk reads go through the same size policy.
   */
  stage(rel: string, given: string | null | { skipped: string }): void {
    const tooLarge = typeof given === 'string' ? sizePolicy(given, this.maxFileBytes) : null;
    // A document at a path no walk lists (opened through a linked directory: the walk lists it under its
    // own name, or not at all when it leads out) is not a file of ours: it leaves, or never comes. (Reads
    // are the walk's paths, or judged so before: see lsp/watch.ts.)
    const unreachable = given !== null && this.open.has(rel) && !this.reachable(rel);
    const text = unreachable ? null : tooLarge === null ? given : { skipped: tooLarge };
    if (
      !this.has(rel) &&
      (text === null || (this.engineRef !== undefined && !this.accepts(rel) && !this.beside.has(rel)))
    )
      return;
    this.pending.set(rel, text);
    this.needsUpdate = true;
    this.urgent = true;
  }

  /**
   * Stages the disk content of a path (read now: a file is read in microseconds) under the walk's rule:
   * a path that leads out of the root, or is no regular file, gives no file, as the walk gives none.
   * `walked`: a walk listed it inside the root, so it is read without resolving it again.
   */
  readLater(rel: string, walked = false): void {
    // A file no family wants on its own is read when the analysis refers to it (`interest().files`: a module an ONEX
    // contract names).
    if (
      this.engineRef !== undefined &&
      !this.accepts(rel) &&
      !this.has(rel) &&
      !this.engineRef.interest().files.includes(rel)
    )
      return;
    const mount = mountOf(this.library, rel);
    this.stageRead(
      rel,
      mount !== null
        ? readInRoot(mount.dir, rel.slice(mount.at.length + 1), this.maxFileBytes)
        : walked
          ? readText(path.join(this.root, rel), this.maxFileBytes)
          : readInRoot(this.root, rel, this.maxFileBytes),
    );
  }

  /**
   * Whether a walk can list `rel`: no link on its way that the walk does not follow (out of the root, a loop, or a
   * directory listed under its own name).
   */
  reachable(rel: string): boolean {
    return !this.links.some((l) => rel !== l.path && under(rel, l.path) && !this.followed.has(l.path));
  }

  /**
   * A watched path was deleted (`removed`); the root is walked again when a link the walk followed went with it
   * (another may lead there now).
   */
  async deleted(rel: string): Promise<void> {
    const followed = [...this.followed].some((l) => under(l, rel));
    this.removed(rel);
    if (followed) await this.walk();
  }

  /**
   * A path appeared: a source to read, or a directory whose sources must be read. A symbolic link is
   * judged as the walk judges it (`linkAt`): reported, and followed only inside the root, never in a
   * loop; whether the walk lists a directory through a link depends on the whole tree (the directory's
   * own name wins), so a link to a directory, met here or below a new directory, walks the root again.
   */
  async created(rel: string): Promise<void> {
    if (this.engineRef === undefined || this.excluded(rel)) return;
    const link = linkAt(this.root, rel);
    if (link !== null) {
      if (link.link !== null) this.addLinks([link.link]);
      if (link.kind === null) return;
      if (link.kind === 'dir') return this.walk();
    }
    const interest = this.engineRef.interest();
    // A file the analysis refers to (a module an ONEX contract names) comes back when created again.
    if (this.accepts(rel) || interest.files.includes(rel)) return this.readLater(rel);
    if (interest.wantsDirectory(rel)) {
      this.directories.add(rel);
      this.setTree();
    }
    const links: HostLink[] = [];
    let found = false;
    let throughLink = false;
    const filter: ScanFilter = {
      skip: (r) => this.excluded(r),
      accept: (r) => this.accepts(r),
      link: (l) => links.push(l),
      directory: (d) => {
        if (interest.wantsDirectory(d)) {
          this.directories.add(d);
          found = true;
        }
      },
      followed: () => {
        throughLink = true;
      },
      environment: (e) => this.environments.add(e),
    };
    // Listed under the root's rule: nothing when the directory leads out of the root.
    const files = await listFiles(this.root, filter, rel).catch(() => undefined); // undefined: gone again
    if (files === undefined) return;
    if (throughLink) return this.walk();
    if (links.length > 0) this.addLinks(links);
    else if (found) this.setTree();
    for (const file of files) this.readLater(file, true);
  }

  /**
   * A watched-file event at `rel` as the links the feeder knows see it, with no event of their own: one
   * whose judgement moved (a path it leads through created or deleted: its target replaced by a link out
   * of the root, a FIFO, a new file, gone, or there again) is taken away and met again as the walk meets
   * it now; one leading to a file whose content changed is read again (a fresh walk reads a link to a
   * file at its own path), and so is the file's name through a link the walk followed to its directory.
   * A link to a directory whose judgement moved, or a change of what lies behind one the walk followed,
   * walks the root again (see `created`).
   */
  async throughLinks(rel: string, content: boolean): Promise<void> {
    if (this.engineRef === undefined) return;
    let walk = false;
    // The event at the path itself has applied; an open document at a link's path keeps its text.
    for (const known of this.links.filter((l) => !under(l.path, rel) && !this.open.has(l.path))) {
      const target = known.target;
      const behind = this.followed.has(known.path) && target !== null && rel !== target && under(rel, target);
      if (content) {
        if (target === rel) this.readLater(known.path);
        else if (behind) this.readLater(`${known.path}${rel.slice(target.length)}`);
        continue;
      }
      const now = linkAt(this.root, known.path);
      // Not a link any more: the event at its own path says what it is now.
      if (now === null) continue;
      const moved = now.link === null || now.link.target !== target || now.link.loop !== known.loop;
      if (!moved && !behind && (target === null || !under(target, rel))) continue;
      if (this.followed.has(known.path) || now.kind === 'dir') walk = true;
      else {
        this.removed(known.path);
        await this.created(known.path);
      }
    }
    if (walk) await this.walk();
  }

  /** The texts of open documents staged for the next flush (their edits). */
  stagedEdits(): [string, string][] {
    return [...this.open.keys()].flatMap((rel): [string, string][] => {
      const text = this.pending.get(rel);
      return typeof text === 'string' ? [[rel, text]] : [];
    });
  }

  /**
   * Hands the staged texts to the engine and re-analyses: the files whose diagnostics changed, and the files that were
   * staged. Units new to the engine start until `slice` is over (all of them without one), the open documents' first;
   * the feeder stays dirty while some wait (`waiting`); `updateMs` is the engine's time. While the walk's backlog is
   * unread (`partial`), only the open documents' units start (the backlog is read between analyses: readAhead); `ready`
   * are the open documents whose diagnostics are then final (every file they read analysed). Then fetches what the
   * analysis found it needs: files it refers to that were not read (a meta file's subject, read at once), or a new walk
   * when its relevant paths moved (apcore roots: `more`), once the backlog is read. `final`: every file's diagnostics
   * are (no unit waits, nothing is unread, nothing fetched).
   */
  flush(slice?: TimeSlice): FlushResult {
    const engine = this.engine;
    const staged = [...this.pending.keys()];
    // The whole batch first, then whether each file is wanted — judged once against all of it (the
    // engine keeps files given until then), so neither the read order nor a per-file re-sync (O(files)
    // each, quadratic over a cold load) decides.
    // An open document's text may differ from the disk's: only the others may be let go and read again.
    // One flag per staged file, in the batch's order: no pair per file (a cold load stages 30,000).
    for (const [rel, text] of this.pending)
      if (typeof text === 'string') engine.setFile(rel, text, !this.open.has(rel));
    // Here the batch is read: each changed text by its family.
    engine.commit();
    const wanted = new Uint8Array(this.pending.size);
    let i = 0;
    for (const [rel, text] of this.pending) wanted[i++] = text !== null && this.accepts(rel) ? 1 : 0;
    i = 0;
    for (const [rel, text] of this.pending) {
      if (!wanted[i++]) engine.deleteFile(rel);
      else if (text !== null && typeof text !== 'string') engine.setSkipped(rel, text.skipped);
    }
    this.pending.clear();
    const partial = this.backlog.unread || this.unlisted;
    if (partial) this.backlog.reorder(this.open, () => (engine.commit(), engine.interest()));
    const start = performance.now();
    const { changed, waiting, waitingFirst } = engine.updateSome(slice?.over, new Set(this.open.keys()), partial);
    const updateMs = performance.now() - start;
    this.needsUpdate = waiting > 0 || partial;
    this.urgent = false;
    this.waitingFirst = waitingFirst;
    const interest = engine.interest();
    for (const rel of interest.files) {
      if (this.fetched.has(rel) || this.excluded(rel)) continue;
      this.fetched.add(rel);
      this.readLater(rel);
    }
    // What this analysis found it needs (a file it refers to, read and staged now; the paths a new walk
    // lists) is not analysed yet: until it is, no diagnostics are final (an id map's target not read
    // yet is not missing).
    const unread = this.pending.size > 0 || interest.walk !== this.relevance;
    const listed = partial ? this.backlog.read((rel) => !this.unlisted || this.listedFor.has(rel)) : this.open.keys();
    const ready = new Set(unread || waitingFirst > 0 ? [] : listed);
    // While the backlog is read, a new walk would read it too: the walk waits until it is read.
    const more = !partial && interest.walk !== this.relevance ? this.walk() : undefined;
    const final = !partial && !unread && waiting === 0;
    return { changed, staged, waiting, updateMs, partial, final, ready, ...(more !== undefined ? { more } : {}) };
  }

  /**
   * The next slice of the backlog, read and staged, when nothing else waits for the analysis (see
   * `urgent`); undefined when it is read, or the analysis must run first. The slices are analysed
   * together once the last is read: one analysis of the rest of the root, as a load without open
   * documents gives, and changes queued meanwhile apply between slices.
   */
  readAhead(): Promise<void> | undefined {
    if (this.urgent || this.waitingFirst > 0) return undefined;
    // The whole root listed again: what the first walk left unlisted joins the unread rest of its backlog.
    if (this.unlisted) {
      this.backlog.set([]);
      return this.walk(this.readProgress, false, [...this.open.keys()]);
    }
    if (!this.backlog.unread) return undefined;
    return this.readBacklog();
  }

  private async readBacklog(): Promise<void> {
    const { slice, left } = this.backlog.next();
    const done = this.readTotal - left;
    const reads = await readTexts(slice.map(absoluteIn(this.root, this.library)), this.maxFileBytes, (n) =>
      this.readProgress?.(done + n, this.readTotal),
    );
    const urgent = this.urgent;
    // A file of the slice staged meanwhile (a watched-file event read it) or opened is not read over.
    slice.forEach((rel, i) => {
      if (!this.pending.has(rel) && !this.open.has(rel)) this.stageRead(rel, reads[i] ?? null);
    });
    // An open document whose reads this slice completed is analysed (and published) before the next slice.
    this.urgent = this.backlog.advance(slice.length) || urgent;
  }

  /**
   * Lists the root again: files no longer there (or no longer wanted) leave the engine, new ones are
   * read — every one when `all` (new settings), else only those the engine does not have yet; with
   * `opened`, what they read first and the rest later (the backlog). `narrow`: list only the directories
   * what they read may lie in (a first load: the engine has no file a narrowed walk would miss).
   */
  private async walk(
    progress?: (done: number, total: number) => void,
    all = false,
    opened: string[] = [],
    narrow = false,
  ): Promise<void> {
    const engine = this.engine;
    const interest = engine.interest();
    this.relevance = interest.walk;
    const below = narrow && opened.length > 0 ? interest.firstBelow(opened) : undefined;
    const found = await walkRoot(this.root, interest, (rel) => this.excluded(rel), below, this.library);
    this.followed = found.followed;
    this.unlisted = found.unlisted;
    for (const e of found.environments) this.environments.add(e);
    this.listedFor = new Set(opened);
    this.takeUnreadable(found);
    const files = found.files;
    this.beside = new Set(found.companions);
    this.links = found.links;
    this.directories.clear();
    for (const d of found.directories) this.directories.add(d);
    this.setTree();
    const listed = new Set(files);
    const gone = (rel: string): boolean =>
      !listed.has(rel) && (!this.open.has(rel) || !this.reachable(rel)) && !this.fetched.has(rel);
    for (const rel of [...engine.files(), ...this.pending.keys()]) if (gone(rel)) this.stage(rel, null);
    // Open documents the engine did not take before (not relevant then: an id map apcore.yaml did not name) join now.
    for (const [rel, doc] of this.open) if (listed.has(rel) && !this.has(rel)) this.stage(rel, doc.text);
    const unread = files.filter((rel) => !this.open.has(rel) && (all || !this.has(rel)));
    // What the open documents read first; the rest is the backlog, read once they are analysed (flush).
    const needed = opened.length > 0 ? interest.first(opened) : undefined;
    const toRead = needed ? unread.filter(needed) : unread;
    if (needed)
      this.backlog.set(
        unread.filter((rel) => !needed(rel)),
        opened,
      );
    this.readProgress = progress;
    this.readTotal = unread.length;
    // The reads yield to the event loop between slices; no edit is staged meanwhile (the queue holds it).
    const reads = await readTexts(toRead.map(absoluteIn(this.root, this.library)), this.maxFileBytes, (done) =>
      progress?.(done, unread.length),
    );
    toRead.forEach((rel, i) => this.stageRead(rel, reads[i] ?? null));
  }

  /**
   * Takes a walk's unlistable paths (each reported on itself; `say`: those not unlistable at the last walk said too);
   * those listable again leave the engine.
   */
  private takeUnreadable(found: RootWalk, say?: (message: string) => void): void {
    for (const [dir, { reason, file }] of found.unreadable) {
      if (say && !this.unreadableDirs.has(dir)) say(`skipped ${dir}${file ? '' : '/'}: ${reason}`);
      this.engine.setSkipped(dir, reason);
    }
    for (const dir of this.unreadableDirs) if (!found.unreadable.has(dir)) this.engine.deleteFile(dir);
    this.unreadableDirs = new Set(found.unreadable.keys());
  }

  /** A path was deleted: the file itself, or every file under it when it was a directory; and the links there. */
  private removed(rel: string): void {
    const links = this.links.filter((l) => l.path !== rel && !l.path.startsWith(`${rel}/`));
    if (links.length !== this.links.length) {
      this.links = links;
      this.setTree();
    }
    if (this.has(rel)) return this.stage(rel, null);
    const dirs = [...this.directories].filter((d) => d === rel || d.startsWith(`${rel}/`));
    if (dirs.length > 0) {
      for (const d of dirs) this.directories.delete(d);
      this.setTree();
    }
    // Files read under it since the last analysis (a watched event just before the directory went) too.
    const prefix = `${rel}/`;
    const files = [...(this.engineRef?.files() ?? []), ...this.pending.keys()];
    for (const file of files) if (file.startsWith(prefix)) this.stage(file, null);
  }

  /** Links met outside a walk (watched-file events), in place of any known at their paths. */
  private addLinks(links: HostLink[]): void {
    const paths = new Set(links.map((l) => l.path));
    this.links = [...this.links.filter((l) => !paths.has(l.path)), ...links];
    this.setTree();
  }

  /** Hands the engine the links and directories the feeder knows of; the next flush analyses them. */
  private setTree(): void {
    this.engine.setTree({ links: this.links, directories: [...this.directories] });
    this.needsUpdate = true;
    this.urgent = true;
  }

  private stageRead(rel: string, read: ReadResult): void {
    this.stage(rel, read === null ? null : 'text' in read ? read.text : read);
  }

  private get maxFileBytes(): number {
    return this.settings?.maxFileBytes ?? DEFAULT_MAX_BYTES;
  }
  private has(rel: string): boolean {
    return this.pending.has(rel) || this.engineRef?.has(rel) === true;
  }
}

/** `p` is the root-relative path `dir` or below it. */
function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(`${dir}/`);
}

/** What a walk gives the engine besides files (links, directories, what it could not list), comparable as a string. */
function treeOf(found: RootWalk): string {
  const links = [...found.links].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify([links, [...found.directories].sort(), [...found.unreadable.keys()].sort()]);
}
