// The engine's state behind the façade: the query database with its inputs (texts, paths, links,
// settings), the tracked queries built on it, and the publisher that turns the units' diagnostics into
// per-file lists. update() re-pulls only the units an input change reached, so an edit costs what it
// affects; what each unit read is recorded by the database, so nothing here decides what an edit affects.
import { frameworkPins } from './analysis/frameworkPins';
import { isPinFile } from './python/pinFiles';
import type { FrameworkPin, InstalledVersion, Summary } from './api';
import type { Diagnostic, HostLink, Settings } from './types';
import { Database, type IndexWrites } from './db/database';
import { sameList } from './util/equality';
import { finalizeDiagnostics, reportsUnused } from './checks/finalize';
import { commentLines, hasSuppressions, type CommentTable } from './checks/suppress';
import { FileQueries, parentDir, type FedText } from './analysis/files';
import { UnitQueries, localUnit } from './analysis/units';
import { Publisher } from './analysis/publish';
import { partsOf, type Family, type FamilyFeatures, type FamilyQueries, type UnitCheck } from './analysis/family';

const NONE = '';
const never = (): boolean => false;

/** A diagnostic as publication keeps it recognisable (finalising copies it and orders its range). */
function spotOf(d: Diagnostic): string {
  const { start, end } = d.range;
  const ends = [`${start.line}:${start.character}`, `${end.line}:${end.character}`].sort();
  return `${d.file}\0${d.code}\0${d.message}\0${ends.join('\0')}`;
}

/**
 * Unit keys (of the lists, in turn) split by priority: first those named after a file of `first` or a directory holding
 * one, those named after no path (`family/key`, or what follows their `:` is no path `isPath` knows: a bucket, an
 * item of a file `file#3`) that `pathless` keeps early, and those of a family `whole` names, then the others; each
 * part keeps its order.
 */
function byPriority(
  lists: readonly (readonly string[])[],
  first: ReadonlySet<string>,
  pathless: (key: string) => boolean,
  isPath: (path: string) => boolean,
  whole: ReadonlySet<string>,
): { early: string[]; late: string[] } {
  const dirs = new Set<string>();
  for (const f of first) for (let d = parentDir(f); d !== ''; d = parentDir(d)) dirs.add(d);
  const early: string[] = [];
  const late: string[] = [];
  for (const keys of lists)
    for (const k of keys) {
      const at = k.indexOf(':');
      const path = at < 0 ? '' : k.slice(at + 1);
      const named = path !== '' && isPath(path);
      const now = whole.has(k.slice(0, k.indexOf('/'))) || (named ? first.has(path) || dirs.has(path) : pathless(k));
      (now ? early : late).push(k);
    }
  return { early, late };
}

const always = (): boolean => true;

/** No index key: `causedBy` follows the reads that go through no index. */
const NO_KEYS: IndexWrites = { cells: new Map() };

export class Workspace {
  readonly db = new Database();
  readonly files: FileQueries<Family>;
  readonly queries: FamilyQueries;
  private readonly units: UnitQueries;
  private readonly publisher = new Publisher();
  /** Each published file's suppression comments and the text they were read from (see `commentsOf`). */
  private readonly comments = new Map<string, { fed: FedText; table: CommentTable | null }>();
  /** Fed files and their texts as last given (the database sees them from the next update() on). */
  private readonly known = new Map<string, FedText>();
  /** Files fed from disk since the last update: judged at the start of the next (see `release`). */
  private readonly fromDisk = new Set<string>();
  /**
   * Fed files and subdirectories (those holding fed files) of each directory, as the database's directory inputs are
   * built from.
   */
  private readonly tree = new Map<string, { files: Set<string>; dirs: Set<string> }>();
  /** Directories whose files or subdirectories changed since the last sync. */
  private readonly touchedDirs = new Set<string>();
  /** Paths fed or deleted since the last update(): their `local:` units start or stop. */
  private readonly addedPaths = new Set<string>();
  private readonly removedPaths = new Set<string>();
  /**
   * Paths whose text changed since the last update(): finalised again (their suppression comments may have changed).
   */
  private readonly editedPaths = new Set<string>();
  private unitKeys: readonly string[] = [];
  /**
   * Units to start (observe) on the next update() calls, in order (see `update`): those of `waiting`
   * from `waitingAt` on; the first `early` of them are the open files'. The started ones are cut off
   * only when the list is rebuilt: cutting them on each call copied a large org's 30,000 keys a dozen
   * times per load, each copy garbage in the old generation until a full collection (RSS after load).
   */
  private waiting: string[] = [];
  private waitingAt = 0;
  private early = 0;
  /** The files `waiting` was ordered for (see `update`). */
  private firstKey = '';
  private relevance = 0;
  private lastRoots = '';
  /**
   * The folders (as paths are fed) of library code the host feeds for its facts — a framework installed in the
   * project's Python environment: read like any file, never a diagnostic published in one (see `setLibrary`).
   */
  private library: readonly string[] = [];

  /**
   * `reread`: the host's reading of a file it fed from disk, for a text the engine let go (absent: no
   * text is ever let go).
   */
  constructor(
    settings: Settings,
    families: readonly Family[],
    checks: readonly UnitCheck[] = [],
    private readonly reread?: (path: string) => string | undefined,
  ) {
    this.files = new FileQueries(this.db, {
      families,
      reread: (p) => reread?.(p),
      wanted: (p, c) => c.family.wants?.(p, c.role, this.queries) ?? true,
    });
    this.files.settingsInput.set(NONE, settings);
    this.queries = { files: this.files };
    this.units = new UnitQueries(this.db, { files: this.files, families, queries: this.queries, checks });
    this.db.commit();
  }

  get settings(): Settings {
    return this.files.settings();
  }

  configure(settings: Settings): void {
    this.files.settingsInput.set(NONE, settings);
    this.db.commit();
    this.publisher.touchAll();
    // files without diagnostics are finalised again too when they hold a suppression comment (RL033 may have been
    // turned on or off)
    for (const [path, fed] of this.known)
      if (fed.text !== null && hasSuppressions(fed.text)) this.publisher.touch(path);
  }

  /**
   * The folders whose files are library code: their facts count (a DAG of the project resolves against an installed
   * framework's step table), their own diagnostics are never published — a user cannot and should not edit them.
   */
  setLibrary(folders: readonly string[]): void {
    if (folders.join('\n') === this.library.join('\n')) return;
    this.library = [...folders];
    this.publisher.touchAll();
  }

  /** The frameworks installed in the project's Python environment (import-style): `FileQueries.installedInput`. */
  setInstalled(frameworks: readonly InstalledVersion[]): void {
    const byName = new Map<string, InstalledVersion>();
    for (const f of frameworks) if (!byName.has(f.name)) byName.set(f.name, { name: f.name, version: f.version });
    this.files.installedInput.set(
      NONE,
      [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    );
  }

  /** The environment searched, in words: `FileQueries.searchedEnvironmentInput`. */
  setSearchedEnvironment(described: string): void {
    this.files.searchedEnvironmentInput.set(NONE, described);
  }

  /** A root environment folder that is a link out of the root, left unused: `FileQueries.unusedEnvironmentInput`. */
  setUnusedEnvironment(folder: string | null): void {
    this.files.unusedEnvironmentInput.set(NONE, folder);
  }

  /** The root's pins (analysis/frameworkPins.ts). */
  frameworkPins(): FrameworkPin[] {
    this.commit();
    return frameworkPins(this.files).map((p) => ({ ...p }));
  }

  /**
   * The frameworks (import packages) whose rules a family compiles in that the root uses, sorted: the family counts a
   * source or an entry of the root (`Family.counts`), or holds a file of the root under a key that is not incidental
   * (`Family.incidental`: a CI workflow, a `pyproject.toml`). Library code does not count, nor a pin file: a framework
   * is used by pinning it.
   */
  frameworksInUse(): string[] {
    this.commit();
    const out = new Set<string>();
    for (const f of this.files.families) {
      const name = f.framework?.name;
      if (name === undefined || out.has(name)) continue;
      const counted = f.counts?.(this.queries);
      const own = (k: string): boolean =>
        !(f.incidental ?? []).includes(k) &&
        this.files.filesOf(f.name, k).some((p) => !this.isLibrary(p) && !isPinFile(p));
      if ((counted !== undefined && counted.sources + counted.entries > 0) || this.files.keysOf(f.name).some(own))
        out.add(name);
    }
    return [...out].sort();
  }

  /** Whether `path` lies in a library folder (`setLibrary`). */
  isLibrary(path: string): boolean {
    return this.library.some((dir) => path.startsWith(`${dir}/`));
  }

  /** The editor features of the family that classified a file, with the queries they read. */
  featuresOf(path: string): { features: FamilyFeatures; q: FamilyQueries } | null {
    const features = this.files.classify(path)?.family.features;
    return features ? { features, q: this.queries } : null;
  }

  /** The editor features of a family that reads a path another family classifies (`FileFamily.sees`). */
  seerOf(path: string): { features: FamilyFeatures; q: FamilyQueries } | null {
    const f = this.files.seers.find((x) => x.features && this.files.seenBy(x, path) !== null);
    return f?.features ? { features: f.features, q: this.queries } : null;
  }

  /** Every family's editor features (workspace-wide questions: symbols, explain, list). */
  allFeatures(): { features: FamilyFeatures; q: FamilyQueries }[] {
    return this.files.families.flatMap((f) => (f.features ? [{ features: f.features, q: this.queries }] : []));
  }

  /** Whether the host should feed this path: a family classifies it and wants it. */
  isRelevant(path: string): boolean {
    // The root's pin files say which framework versions the analysis assumes (analysis/frameworkPins.ts).
    if (isPinFile(path)) return true;
    const c = this.files.classify(path);
    if (c && (c.family.wants?.(path, c.role, this.queries) ?? true)) return true;
    // Library code (an installed framework) is read for its facts only: no family looks for its own findings there.
    return !this.isLibrary(path) && this.files.seers.some((f) => this.files.seenBy(f, path, c) !== null);
  }

  /** Files the host should also feed when this one exists (the subject beside a meta file). */
  companionsOf(path: string): string[] {
    const c = this.files.classify(path);
    return c?.family.companionsOf?.(path, c.role) ?? [];
  }

  /**
   * Paths the analysis looks at that the host has not fed (a subject or entry point file the walk did not know to
   * read).
   */
  wantedFiles(): string[] {
    this.commit();
    return this.wantedQ(NONE).filter((p) => !this.known.has(p));
  }

  /** Every family's wanted files, sorted: tracked, so a host asking after each update pays only for what changed. */
  private readonly wantedQ = this.db.query(
    'wantedFiles',
    () => [...new Set(this.files.families.flatMap((f) => f.wantedFiles?.(this.queries) ?? []))].sort(),
    sameList,
  );

  /** Moves whenever a family's layout moves so that only a new walk finds the files that became relevant. */
  relevanceVersion(): number {
    this.commit();
    const now = JSON.stringify(this.files.families.map((f) => f.relevance?.(this.files.layoutQ(f.name)) ?? ''));
    if (now !== this.lastRoots) {
      this.lastRoots = now;
      this.relevance++;
    }
    return this.relevance;
  }

  /** Whether the analysis needs to know that this directory exists. */
  wantsDirectory(path: string): boolean {
    return this.files.families.some((f) => f.wantsDirectory?.(path, this.queries) ?? false);
  }

  /**
   * What the host's walk found besides files (the engine never sees the disk): links, and the directories asked about.
   */
  setTree(links: HostLink[], directories: string[]): void {
    this.files.linksInput.set(
      NONE,
      [...links].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    );
    this.files.directoriesInput.set(NONE, new Set([...directories].sort()));
  }

  /** `onDisk`: the host can read the same text again (see `release`); an open document's text is never let go. */
  setFile(path: string, text: string, onDisk = false): void {
    // Every file given is kept, relevant or not: which files matter can depend on others of the same
    // batch (apcore.yaml naming roots and an id map), and is settled when the roles are read.
    if (!this.known.has(path)) {
      this.place(path, true);
      this.files.existsInput.set(path, true);
      this.addedPaths.add(path);
      this.removedPaths.delete(path);
    }
    const was = this.known.get(path);
    if (was?.text !== text) this.editedPaths.add(path);
    if (was?.text === text && was.onDisk === onDisk) return;
    const fed: FedText = { text, onDisk };
    this.known.set(path, fed);
    this.files.text.set(path, fed);
    if (onDisk && this.reread) this.fromDisk.add(path);
    else this.fromDisk.delete(path);
  }

  deleteFile(path: string): void {
    if (!this.known.delete(path)) return;
    this.fromDisk.delete(path);
    this.place(path, false);
    this.files.existsInput.set(path, false);
    this.removedPaths.add(path);
    this.addedPaths.delete(path);
    this.editedPaths.add(path);
    this.files.text.set(path, undefined);
  }

  fileNames(): string[] {
    return [...this.known.keys()].sort();
  }
  text(path: string): string | undefined {
    const fed = this.known.get(path);
    return fed === undefined ? undefined : (fed.text ?? this.reread?.(path));
  }
  has(path: string): boolean {
    return this.known.has(path);
  }

  /** Adds a path to (or removes it from) the directory tree, with the directories that hold it (or held only it). */
  private place(path: string, present: boolean): void {
    let dir = parentDir(path);
    let node = this.tree.get(dir);
    if (present) {
      if (!node) {
        this.tree.set(dir, (node = { files: new Set(), dirs: new Set() }));
        for (let child = dir, up = parentDir(child); child !== ''; child = up, up = parentDir(child)) {
          const parent = this.tree.get(up);
          this.touchedDirs.add(up);
          if (parent) {
            parent.dirs.add(child);
            break;
          }
          this.tree.set(up, { files: new Set(), dirs: new Set([child]) });
        }
      }
      node.files.add(path);
      this.touchedDirs.add(dir);
      return;
    }
    node?.files.delete(path);
    this.touchedDirs.add(dir);
    while (node && node.files.size === 0 && node.dirs.size === 0 && dir !== '') {
      this.tree.delete(dir);
      const up = parentDir(dir);
      node = this.tree.get(up);
      node?.dirs.delete(dir);
      this.touchedDirs.add(up);
      dir = up;
    }
  }

  /**
   * Hands the pending writes (and the directories whose files came or went) to the database: work proportional to the
   * paths that changed.
   */
  commit(): void {
    for (const dir of this.touchedDirs) {
      const node = this.tree.get(dir);
      this.files.dirFilesInput.set(dir, node ? [...node.files].sort() : []);
      this.files.subdirsInput.set(dir, node ? [...node.dirs].sort() : []);
    }
    this.touchedDirs.clear();
    this.db.commit();
  }

  /**
   * Brings the units up to date; returns the files whose diagnostics changed. Units new since the last
   * call (every unit, on a cold start) start in turn until `stop()` says so — one at least, once the facts of the
   * texts fed from disk are read (also in turn) — and the
   * rest wait for the next call (`waiting`, how many): a host can publish between calls and answer requests,
   * which pull whatever they read. Units named after a file of `first` (or a directory holding one) and
   * units named after no path (a core registry's, unless its family says it reports on no file of
   * `first`: `FamilyParts.unit`) start before the others (`waitingFirst` of them wait);
   * with `onlyFirst`, only those start (a host still reading the rest of its root). Which units ran in
   * which call changes when files are published, never what they end with.
   */
  update(
    stop: () => boolean = never,
    first: ReadonlySet<string> = new Set(),
    onlyFirst = false,
  ): { changed: string[]; waiting: number; waitingFirst: number } {
    this.commit();
    const firstKey = [...first].sort().join('\n');
    // While only the open files' units run, until they have run once, the texts fed with them are let go
    // after the units ran, those whose facts they read: the others (another workspace's registry, whose
    // keys alone they read) are read whole once the open files are published (`releaseHeld`), or by the
    // next update.
    const firstRun = onlyFirst && (firstKey !== this.firstKey || this.early > 0);
    // The facts of a whole root's texts are long to read in one piece: read in steps too. Until they are, no unit
    // starts and nothing is published, and the open files' units count as waiting (none is final yet).
    if (!firstRun && !this.release(false, stop))
      return {
        changed: [],
        waiting: Math.max(1, this.waiting.length - this.waitingAt),
        waitingFirst: first.size > 0 ? Math.max(1, this.early) : 0,
      };
    const added = [...this.addedPaths].map(localUnit);
    const removed = [...this.removedPaths].map(localUnit);
    this.addedPaths.clear();
    this.removedPaths.clear();
    const keys = this.units.keysQ(NONE);
    if (keys !== this.unitKeys) {
      const [before, after] = [new Set(this.unitKeys), new Set(keys)];
      for (const k of keys) if (!before.has(k)) added.push(k);
      for (const k of this.unitKeys) if (!after.has(k)) removed.push(k);
      this.unitKeys = keys;
    }
    const gone = new Set(removed);
    if (gone.size > 0) {
      const rest = this.waitingRest();
      const early = rest.slice(0, this.early).filter((k) => !gone.has(k));
      this.setWaiting([...early, ...rest.slice(this.early).filter((k) => !gone.has(k))], early.length);
    }
    for (const k of removed) {
      this.units.observe(k, false);
      this.publisher.removeUnit(k);
    }
    // Ordered again when units come or the files that go first change (a file opened meanwhile).
    if (first.size === 0) {
      if (added.length > 0) this.setWaiting(this.waitingRest().concat(added), 0);
      this.early = 0;
    } else if (added.length > 0 || firstKey !== this.firstKey) {
      const { early, late } = byPriority(
        [this.waitingRest(), added],
        first,
        this.reportsOn(first),
        (path) => this.known.has(path) || this.tree.has(path),
        this.wholeFamilies(first),
      );
      this.setWaiting(early.length === 0 ? late : [...early, ...late], early.length);
    }
    this.firstKey = firstKey;
    // Roots report themselves when first observed and whenever their value changes.
    const from = this.waitingAt;
    const limit = onlyFirst ? from + this.early : this.waiting.length;
    let at = from;
    while (at < limit && (at === from || !stop())) this.units.observe(this.waiting[at++] as string, true);
    if (firstRun) this.release(true);
    this.early = Math.max(0, this.early - (at - from));
    if (at === this.waiting.length) this.setWaiting([], 0);
    else this.waitingAt = at;
    for (const p of this.editedPaths) this.publisher.touch(p);
    this.editedPaths.clear();
    for (const key of this.db.takeChangedRoots())
      if (!gone.has(key)) this.publisher.setUnit(key, this.units.diagnostics(key));
    const unused = reportsUnused(this.settings);
    const changed = this.publisher.publish((file, raw) =>
      this.isLibrary(file)
        ? []
        : finalizeDiagnostics(raw, this.settings, {
            file,
            table: this.commentsOf(file, raw.length > 0 || (unused && this.files.classify(file) !== null)),
          }),
    );
    return { changed, waiting: this.waiting.length - this.waitingAt, waitingFirst: this.early };
  }

  /** The units not started yet, in order (`waiting` itself when none of it has started). */
  private waitingRest(): string[] {
    return this.waitingAt === 0 ? this.waiting : this.waiting.slice(this.waitingAt);
  }

  private setWaiting(keys: string[], early: number): void {
    this.waiting = keys;
    this.waitingAt = 0;
    this.early = early;
  }

  /**
   * The texts the open files' first units did not read, read whole and let go now (see `update`): while
   * the heap is small, before the host reads the rest of its root. Left to the next update, these reads
   * met every text of the rest (large org: server RSS after load +8 MB). Nothing while those units wait.
   */
  releaseHeld(): void {
    if (this.early > 0) return;
    this.commit();
    this.release();
  }

  /** The families whose units may report on any of their files (`FamilyParts.whole`) that a file of `first` is of. */
  private wholeFamilies(first: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const file of first) {
      const family = this.files.classify(file)?.family;
      if (family && partsOf(family).whole === true) out.add(family.name);
    }
    return out;
  }

  /**
   * Whether a unit named after no path (`family/key`) may report on a file of `first`: unless its family
   * names the part it reports on (`FamilyParts.unit`) and no file of `first` lies in that part (the first
   * part its `readBy` names; a file that reads the whole root lies in every part).
   */
  private reportsOn(first: ReadonlySet<string>): (key: string) => boolean {
    const settings = this.settings;
    const own = new Set<string>();
    for (const file of first) {
      const c = this.files.classify(file);
      if (c === null) continue;
      const read = partsOf(c.family).readBy(file, c.role, settings);
      if (!read) return always;
      if (read[0] !== undefined) own.add(read[0]);
    }
    return (key) => {
      const at = key.indexOf('/');
      const family = this.files.families.find((f) => f.name === key.slice(0, at));
      const part = family ? partsOf(family).unit?.(key.slice(at + 1), settings) : undefined;
      return part === undefined || part === null || own.has(part);
    };
  }

  /**
   * Whether a path is among what the diagnostics of the open files read (`FamilyParts`): what a host
   * reads first. Every path when an open file needs the whole root, or when none is open that a family reads.
   */
  readFirst(open: Iterable<string>): (path: string) => boolean {
    const settings = this.settings;
    const parts = this.partsReadBy(open);
    if (parts === null) return always;
    return (path) => {
      const c = this.files.classify(path);
      const part = c ? partsOf(c.family).of(path, c.role, settings) : null;
      return part === null || parts.has(part);
    };
  }

  /**
   * Whether a directory may hold a path `readFirst(open)` accepts: false when no family's files there may
   * lie in a part the open files read (`FamilyParts.below`).
   */
  readFirstBelow(open: Iterable<string>): (dir: string) => boolean {
    const parts = this.partsReadBy(open);
    const settings = this.settings;
    const asks = this.files.families.map((f) => ({
      below: partsOf(f).below,
      env: { settings, layout: this.files.layoutQ(f.name) },
    }));
    if (parts === null) return always;
    return (dir) =>
      asks.some(({ below, env }) => {
        const may = below(dir, env);
        return may === null || may.some((p) => parts.has(p));
      });
  }

  /**
   * The parts the open files' diagnostics read; null when one of them needs the whole root, or none is a family's file.
   */
  private partsReadBy(open: Iterable<string>): Set<string> | null {
    const settings = this.settings;
    const parts = new Set<string>();
    for (const file of open) {
      const c = this.files.classify(file);
      if (c === null) continue;
      const read = partsOf(c.family).readBy(file, c.role, settings);
      if (!read) return null;
      for (const part of read) parts.add(part);
    }
    return parts.size === 0 ? null : parts;
  }

  /**
   * Lets go of the texts fed from disk whose facts keep nothing of them (builder and config modules:
   * most of a large org's bytes), reading those facts now, before any unit runs: the texts then die
   * while the analysis grows the heap rather than after it peaked (in steps, as the units read the
   * facts, the heap peaks as high as keeping them: large org, server RSS after load 566 MB either
   * way, 510–518 MB this way). What needs such a text again — new settings re-reading every file, the
   * fixes of a file nobody opened — reads it through the host. A text with a suppression comment is
   * kept (few are): a text let go has none, so publishing its file's diagnostics reads nothing again.
   * `onlyRead`: only the texts whose facts were read already (none is read here). `stop`: asked after each file; the
   * rest wait for the next call. Whether every text was judged.
   */
  private release(onlyRead = false, stop: () => boolean = never): boolean {
    for (const path of this.fromDisk) {
      const fed = this.known.get(path);
      const c = this.files.classify(path);
      if (fed && c?.family.factsKeep?.(c.role) !== undefined && !hasSuppressions(fed.text ?? '')) {
        // `onlyRead`: a text whose facts were not read stays for a later call (see `update`).
        if (onlyRead && !this.files.applied.computed(path)) continue;
        this.files.applied(path);
        fed.text = null;
      }
      this.fromDisk.delete(path);
      if (stop()) return this.fromDisk.size === 0;
    }
    return true;
  }

  /**
   * The suppression comments of a fed file, read once per text: a file republished on every edit
   * elsewhere (an ONEX registry.yaml of a thousand artifacts) is not searched again. An edited or
   * deleted file is republished in the same update, so no text is kept past the one the engine holds;
   * nor for a file without diagnostics (`needed` false), which has nothing to suppress — unless unused
   * suppressions are reported, when every file a family reads is searched (RL033).
   */
  private commentsOf(file: string, needed: boolean): CommentTable | null {
    const fed = this.known.get(file);
    if (fed === undefined || !needed) {
      this.comments.delete(file);
      return null;
    }
    const had = this.comments.get(file);
    if (had?.fed === fed) return had.table;
    const table = fed.text === null ? null : commentLines(fed.text);
    this.comments.set(file, { fed, table });
    return table;
  }

  diagnostics(path: string): Diagnostic[] {
    return this.publisher.diagnostics(path);
  }
  allDiagnostics(): Diagnostic[] {
    return this.publisher.all();
  }

  /**
   * Whether a published diagnostic is one `files` may cause (`check --files`): it lies in one of them,
   * a related location points into one, or a unit that read one of them (its text or whether it exists)
   * reported it — a change of the files can change exactly those units' diagnostics. A reader of an index
   * computed from them counts as reading them, unless `keysReached` (asked only when some unit reads them
   * through an index alone) tells the index keys their contents reach (`indexWritesDuring`).
   */
  causedBy(files: readonly string[], keysReached?: () => IndexWrites | undefined): (d: Diagnostic) => boolean {
    const set = new Set(files);
    const keys = [...this.unitKeys, ...[...this.known.keys()].map(localUnit)];
    let readers = this.units.reading(keys, files);
    if (keysReached && readers.length > this.units.reading(keys, files, NO_KEYS).length) {
      const reached = keysReached();
      if (reached) readers = this.units.reading(keys, files, reached);
    }
    const spots = new Set(readers.flatMap((k) => this.units.diagnostics(k)).map(spotOf));
    return (d) => set.has(d.file) || d.related.some((r) => set.has(r.file)) || spots.has(spotOf(d));
  }

  /** Runs `during` (changes of fed files, analysed, then undone) and returns the index cells it wrote. */
  indexWritesDuring(during: () => void): IndexWrites {
    return this.db.indexWritesDuring(during);
  }

  /** Whether a fed file's text is its content on disk (`setFile`'s `onDisk`). */
  fedFromDisk(path: string): boolean {
    return this.known.get(path)?.onDisk === true;
  }

  /** The globs of the files that make a registry, from every family under the current settings. */
  registryGlobs(): string[] {
    return this.files.registryGlobs();
  }

  /**
   * The summary: what the shared step model counts (`base`), every family's own sources and entries, and the
   * diagnostics by severity.
   */
  summary(base: { sources: number; entries: number; workspaces: number }): Summary {
    const s: Summary = {
      sources: base.sources,
      entries: base.entries,
      workspaces: base.workspaces,
      errors: 0,
      warnings: 0,
      information: 0,
      hints: 0,
    };
    for (const f of this.files.families) {
      const c = f.counts?.(this.queries);
      if (c) {
        s.sources += c.sources;
        s.entries += c.entries;
      }
    }
    for (const d of this.allDiagnostics()) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else if (d.severity === 'information') s.information++;
      else s.hints++;
    }
    return s;
  }
}
