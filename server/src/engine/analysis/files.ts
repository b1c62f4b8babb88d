// The engine's inputs (file texts, the set of known paths, symbolic links, settings) and the tracked
// per-file queries over them: which family's part each path plays, and what one file says on its own.
// Families decide both (families/index.ts); this module only asks them in order.
import type { Diagnostic, HostLink, Settings } from '../types';
import type { InstalledVersion } from '../api';
import { diag } from '../codes';
import { QueryGroup, type Query } from '../db/database';
import { cellTable } from '../db/keyspace';
import { emptyFacts, type Applied, type Read } from './facts';
import { sameJson, sameList } from '../util/equality';
import { factsCopiedOutOfText } from '../util/detachStrings';

const NONE = '';
/** The directory above every path (see `parentDir`). */
const ROOT = '';

/** The directory part of a path; `''` above the top-level names. */
export function parentDir(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? ROOT : path.slice(0, at);
}

/** Lists merged by key (see `FileQueries.treeIndexQ`). */
interface Merged {
  /** What each key's list was merged from (none kept when a directory's index is one source's lists as they are). */
  parts: ReadonlyMap<string, readonly (readonly string[])[]>;
  byKey: ReadonlyMap<string, readonly string[]>;
}

const NO_PARTS: Merged['parts'] = new Map();
const NO_LISTS: Merged['byKey'] = new Map();

/** One directory's part of the path index: its own files' lists, then its subdirectories' lists, merged. */
interface TreeIndex extends Merged {
  /** Its own files by key. */
  own: ReadonlyMap<string, readonly string[]>;
}

/**
 * Subdirectories a directory's index reads one by one; a wider directory (a thousand workspaces or
 * ONEX artifacts side by side) reads them in groups of this many, so that a file coming or going below
 * it is found through its group, not by checking every subdirectory (see `subdirGroupQ`).
 */
const FANOUT = 32;

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Adds one source's lists to the parts of each key. */
function addParts(parts: Map<string, (readonly string[])[]>, lists: ReadonlyMap<string, readonly string[]>): void {
  for (const [key, list] of lists) {
    const ps = parts.get(key);
    if (ps) ps.push(list);
    else parts.set(key, [list]);
  }
}

/** Each key's parts merged in path order; the same parts (by identity) as before keep the list merged before. */
function mergeParts(
  parts: ReadonlyMap<string, readonly (readonly string[])[]>,
  previous: Merged | undefined,
): Map<string, readonly string[]> {
  const byKey = new Map<string, readonly string[]>();
  for (const [key, ps] of parts) {
    const before = previous?.parts.get(key);
    byKey.set(
      key,
      before && sameList(before, ps)
        ? (previous?.byKey.get(key) as readonly string[])
        : ps.length === 1
          ? (ps[0] as readonly string[])
          : ps.flat().sort(byPath),
    );
  }
  return byKey;
}

/** Merged lists are equal when every key keeps the same list (by identity). */
const sameMerged = (a: Merged, b: Merged): boolean =>
  a.byKey.size === b.byKey.size && [...a.byKey].every(([k, list]) => b.byKey.get(k) === list);

/**
 * A fed file's text as the host gave it. `text` becomes null once the engine lets it go: only a text
 * the host can read again (`onDisk`), of a file whose facts keep nothing of it (`FileFamily.factsKeep`);
 * it is then read again through the host (`EngineOptions.reread`) when something needs it.
 */
export interface FedText {
  text: string | null;
  readonly onDisk: boolean;
}

/**
 * Two holders of the same text from the same kind of place; a text let go equals only its own holder (a write then
 * always recomputes).
 */
const sameFedText = (a: FedText | undefined, b: FedText | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.text !== null && a.text === b.text && a.onDisk === b.onDisk);

/** What a family's classification may depend on besides the path (tracked; compared by value). */
export interface LayoutReads {
  settings: Settings;
  /** The text of a fed file (undefined when absent). */
  text(path: string): string | undefined;
  links: HostLink[];
  /** The directories the host reported (those a family's `wantsDirectory` asked about). */
  directories(): ReadonlySet<string>;
  /** The fed files directly in a directory (`''` is the root), sorted. */
  filesIn(dir: string): readonly string[];
}

export interface ClassifyEnv<L = unknown> {
  settings: Settings;
  /** This family's layout (what `layout` returned), or null when it has none. */
  layout: L;
}

/**
 * The per-file part of a registry family (the whole interface is analysis/family.ts), generic over the
 * family's own role of a path (`R`, an object: files with the same role may share it), its facts of a
 * file (`F`) and its layout (`L`).
 */
/** A file's last read, which the core keeps for the next read of an edit (`FileFamily.read`). */
export interface PreviousRead<F> {
  readonly facts: F;
  /** The text it was read from (under the same settings); undefined for a role whose text the engine lets go. */
  readonly text: string | undefined;
}

export interface FileFamily<R = unknown, F = unknown, L = unknown> {
  readonly name: string;
  /** Tracked: what classification depends on besides the path (apcore.yaml's roots, say); compared by value. */
  layout?(reads: LayoutReads): L;
  /** Builds the classifier: the family's role of a path, or null when the path is not its. */
  classifier(env: ClassifyEnv<L>): (path: string) => R | null;
  /**
   * Globs (root-relative) of the files that make this family's registries under these settings and
   * layout, for a host to say what it looked for when it found none (`registry-lens check`).
   */
  registryGlobs?(env: ClassifyEnv<L>): string[];
  /**
   * Index key of a classified path (files with one key are listed together, e.g. `core`, read back with `filesOf(name,
   * key)`); null: not listed.
   */
  indexKey?(role: R): string | null;
  /**
   * The index key under which the family lists a path whose text it reads whichever family classifies it (a pipeline
   * built in any Python module), else null: the host feeds such a path, `filesOf(name, key)` lists it.
   */
  sees?(path: string): string | null;
  /**
   * What one file of the family says on its own (text within the engine's size limit). `previous` is
   * the file's last read under the same role: its facts, and for a role whose texts the engine keeps
   * (`factsKeep` undefined) its text, given only under the same settings. Only a hint to read an edit with
   * less work: the result must be what a read without it gives.
   */
  read(path: string, role: R, text: string, settings: Settings, previous?: PreviousRead<F>): Read<F>;
  /**
   * What this role's facts keep of the text, for a role whose text nothing but `read` (and the editor
   * features of an open document) needs: `'strings'` cut from it, which the core copies out right after
   * `read` (util/detachStrings.ts: those `stringsOf` hands it, and the file's diagnostics), or `'nothing'`
   * (the facts come from a core reader that copies, such as `moduleClasses`). Either way the engine may
   * let a text from disk go once its facts are read. Undefined (the default): the text is kept.
   */
  factsKeep?(role: R): 'strings' | 'nothing' | undefined;
  /**
   * Every string the facts of a `'strings'` role keep, each replaced by what `each` gives for it (literals:
   * `eachLitString`).
   */
  stringsOf?(facts: F, each: (s: string) => string): void;
}

/** A path classified by the first family that claims it. */
export interface Classified<F extends FileFamily = FileFamily> {
  family: F;
  role: unknown;
}

export class FileQueries<F extends FileFamily = FileFamily> extends QueryGroup<{
  families: readonly F[];
  reread: (path: string) => string | undefined;
  /** Whether the family that classified a path wants it (`Family.wants`, tracked); absent: every path. */
  wanted?: (path: string, c: Classified<F>) => boolean;
}> {
  /** Fed paths and directories, numbered once for the cells of every input and query keyed by them (db/keyspace.ts). */
  private readonly paths = this.db.keyspace('path');
  private readonly dirs = this.db.keyspace('dir');
  readonly text = this.db.input<FedText | undefined>('text', undefined, sameFedText, this.paths);
  /** A fed file's text (tracked), read again through the host when the engine let it go. */
  textOf(p: string): string | undefined {
    const fed = this.text.get(p);
    return fed === undefined ? undefined : (fed.text ?? this.deps.reread(p));
  }
  /**
   * A fed file's text while the engine holds it (tracked), else null — never read again from disk: for a
   * reader with a cheaper answer than the file's facts, which it gives only while the text is there.
   */
  heldText(p: string): string | null {
    return this.text.get(p)?.text ?? null;
  }
  readonly settingsInput = this.db.input<Settings | null>('settings', null);
  readonly linksInput = this.db.input<HostLink[]>('links', [], sameJson);
  /**
   * The fed files directly in a directory (sorted; `''` is the root), set only for directories whose files came or
   * went.
   */
  readonly dirFilesInput = this.db.input<readonly string[]>('dirFiles', [], sameList, this.dirs);
  /** The directories directly in a directory that hold fed files somewhere below (sorted), set like `dirFilesInput`. */
  readonly subdirsInput = this.db.input<readonly string[]>('subdirs', [], sameList, this.dirs);
  /**
   * The frameworks (import-style names and their versions, sorted by name) the host found installed in the project's
   * Python environment, replaced as a whole (analysis/frameworkPins.ts).
   */
  readonly installedInput = this.db.input<readonly InstalledVersion[]>('installed', [], sameJson);
  /**
   * The folder of the root a Python tool would take as the project's environment (`.venv`) that the host passed over,
   * as it is a symbolic link out of the root; null when there is none (analysis/unusedEnvironment.ts).
   */
  readonly unusedEnvironmentInput = this.db.input<string | null>('unusedEnvironment', null);
  /**
   * The Python environment the host searched for the frameworks, in words (which one and why, or that none was found);
   * empty when the host said nothing.
   */
  readonly searchedEnvironmentInput = this.db.input<string>('searchedEnvironment', '');
  /** The directories the host reported (those a family asked about), replaced as a whole. */
  readonly directoriesInput = this.db.input<ReadonlySet<string>>('directories', new Set(), sameJson);

  get families(): readonly F[] {
    return this.deps.families;
  }
  /** The families that read paths other families classify (`sees`). */
  get seers(): readonly F[] {
    return this.deps.families.filter((f) => f.sees);
  }
  /**
   * The key under which `f` sees a path, given the path's class (`classify`'s). Not a path its own family classifies,
   * nor one whose family lets its text go once read (`factsKeep`: a registry or component module): its text is not
   * read again from disk for another family.
   */
  seenBy(f: F, path: string, c: Classified<F> | null = this.classify(path)): string | null {
    if (f === c?.family || (c && c.family.factsKeep?.(c.role) !== undefined)) return null;
    return f.sees?.(path) ?? null;
  }
  settings(): Settings {
    return this.settingsInput.get(NONE) as Settings;
  }
  links(): HostLink[] {
    return this.linksInput.get(NONE);
  }

  /**
   * Whether a path was fed (one cell per path, set when it comes or goes: readers are not re-run by other paths, nor by
   * edits).
   */
  readonly existsInput = this.db.input<boolean>('exists', false, Object.is, this.paths);
  exists(p: string): boolean {
    return this.existsInput.get(p);
  }
  /** The engine's own copy of a path it knows: a result holding it lets go of the string built to look the path up. */
  heldPath(p: string): string {
    return this.paths.canonical(p);
  }
  /** Whether the host reported a directory as existing (only directories a family asked about are reported). */
  readonly dirExists: Query<boolean> = this.db.query('dirExists', (p) => this.directoriesInput.get(NONE).has(p));

  /** A family's layout: what its classification depends on besides the path. */
  readonly layoutQ: Query<unknown> = this.db.query(
    'layout',
    (name) => {
      const f = this.families.find((x) => x.name === name);
      if (!f?.layout) return null;
      return f.layout({
        settings: this.settings(),
        text: (p) => this.textOf(p),
        links: this.links(),
        directories: () => this.directoriesInput.get(NONE),
        filesIn: (d) => this.dirFilesInput.get(d),
      });
    },
    sameJson,
  );

  /**
   * The classifier with the settings it was built from: a file's facts read both from here, so they
   * depend on one cell, not also on the settings (33,000 dependencies fewer on the large bench org).
   * A change of the settings makes a new classifier anyway.
   */
  readonly classifierQ: Query<{ settings: Settings; classify: (path: string) => Classified<F> | null }> = this.db.query(
    'classifier',
    () => {
      const settings = this.settings();
      const each = this.families.map((family) => ({
        family,
        classify: family.classifier({ settings, layout: this.layoutQ(family.name) }),
      }));
      // A path's class depends on the path and this classifier only: each path is classified once per
      // classifier (kept by the path's number). Paths with the same role object (a component folder's
      // files) share one class.
      const known = cellTable<Classified<F> | null>(this.paths);
      const byRole = new Map<unknown, Classified<F>>();
      return {
        settings,
        classify: (path) => {
          let c = known.get(path);
          if (c !== undefined) return c;
          c = null;
          for (const { family, classify } of each) {
            const role = classify(path);
            if (!role) continue;
            c = byRole.get(role) ?? null;
            if (c === null) byRole.set(role, (c = { family, role }));
            break;
          }
          known.set(path, c);
          return c;
        },
      };
    },
  );
  classify(path: string): Classified<F> | null {
    return this.classifierQ(NONE).classify(path);
  }

  /** Every family's `registryGlobs`, in family order, without repeats. */
  registryGlobs(): string[] {
    const settings = this.settings();
    return [
      ...new Set(this.families.flatMap((f) => f.registryGlobs?.({ settings, layout: this.layoutQ(f.name) }) ?? [])),
    ];
  }

  /**
   * A file's facts, with its role (`applied(p).role`, which is how the role is read: no query of its own,
   * as everything that reads a file's role reads its facts too, and the facts are re-read on any change
   * of the settings the classifier reads anyway).
   */
  readonly applied: Query<Applied> = this.db.query<Applied>(
    'applied',
    (p, previous) => {
      const { settings, classify } = this.classifierQ(NONE);
      const c = classify(p);
      const text = this.textOf(p);
      if (!c || text === undefined) return emptyFacts(c?.family.read ?? null, c?.role ?? null);
      const { family, role } = c;
      // A path fed for a family that sees it, which its own family does not want, is not read by its own family: the
      // cost of reading every Python module for the DAGs it may build stays the seer's substring test.
      if (this.deps.wanted && !this.deps.wanted(p, c) && this.seers.some((f) => this.seenBy(f, p, c) !== null))
        return emptyFacts(family.read, role);
      // The size limit is the host's policy (RegistryEngine.setSkipped); a text handed over anyway is read.
      if (text.includes('\0')) return { ...emptyFacts(family.read, role), local: [binary(p)] };
      const keep = family.factsKeep?.(role);
      const from = previous?.from;
      const hint =
        previous?.facts &&
        previous.by === family.read &&
        (from === undefined || from.settings === settings) &&
        sameJson(previous.role, role)
          ? { facts: previous.facts, text: from?.text }
          : undefined;
      const read = family.read(p, role, text, settings, hint);
      if (keep === 'strings')
        factsCopiedOutOfText(read.facts, read.local, (facts, each) => family.stringsOf?.(facts, each));
      return {
        ...emptyFacts(family.read, role),
        ...(read.facts ? { facts: read.facts } : {}),
        ...(read.local ? { local: read.local } : {}),
        // The next read of an edit starts from these (the text is kept anyway for such a role: no copy). Only
        // there: a field on every record cost the large org's check 10 MB of peak RSS.
        ...(keep === undefined ? { from: { text, settings } } : {}),
      };
    },
    Object.is,
    this.paths,
  );

  /**
   * A file's record as a family's reader left it, typed as that family's own; null when another family
   * (or none) claims the path. `family` may be the family or any object holding its `read`.
   */
  appliedBy<R, FF>(family: Pick<FileFamily<R, FF>, 'read'>, p: string): Applied<R, FF> | null {
    const a = this.applied(p);
    return a.by === family.read ? (a as Applied<R, FF>) : null; // see factsBy
  }

  /**
   * Fed paths at or below a directory by their family's index key (`family:key`), each list in path
   * order: the directory's own files merged with its subdirectories' indexes. A path that comes or goes
   * recomputes the directories above it only, and a list whose parts are unchanged keeps its identity,
   * so the lists of other keys (and their readers) are cut off at once.
   */
  private readonly treeIndexQ: Query<TreeIndex> = this.db.query<TreeIndex>(
    'fileIndex',
    (dir, previous) => {
      const { classify } = this.classifierQ(NONE);
      const own = new Map<string, readonly string[]>();
      const add = (full: string, p: string): void => {
        const list = own.get(full);
        if (list) (list as string[]).push(p);
        else own.set(full, [p]);
      };
      for (const p of this.dirFilesInput.get(dir)) {
        const c = classify(p);
        const key = c?.family.indexKey?.(c.role);
        if (c && key !== undefined && key !== null) add(`${c.family.name}:${key}`, p);
        for (const f of this.seers) {
          const seen = this.seenBy(f, p, c);
          if (seen !== null) add(`${f.name}:${seen}`, p);
        }
      }
      for (const [key, list] of own) {
        const before = previous?.own.get(key);
        if (before && sameList(before, list)) own.set(key, before);
      }
      const subs = this.subdirsInput.get(dir);
      // Most directories are a leaf (a component folder) or a link in a chain (`src/`, `cursus_dev/`):
      // their index is their own lists, or their one subdirectory's, with no maps of their own.
      if (subs.length === 0) return { own, parts: NO_PARTS, byKey: own };
      if (own.size === 0 && subs.length === 1)
        return { own: NO_LISTS, parts: NO_PARTS, byKey: this.treeIndexQ(subs[0] as string).byKey };
      const parts = new Map<string, (readonly string[])[]>();
      for (const [key, list] of own) parts.set(key, [list]);
      if (subs.length <= FANOUT) for (const sub of subs) addParts(parts, this.treeIndexQ(sub).byKey);
      else for (let g = 0; g * FANOUT < subs.length; g++) addParts(parts, this.subdirGroupQ(`${dir}\0${g}`).byKey);
      return { own, parts, byKey: mergeParts(parts, previous) };
    },
    sameMerged,
    this.dirs,
  );
  /** One group of a wide directory's subdirectories (key: `dir\0group`), their indexes merged. */
  private readonly subdirGroupQ: Query<Merged> = this.db.query(
    'fileIndexGroup',
    (key, previous) => {
      const at = key.lastIndexOf('\0');
      const g = Number(key.slice(at + 1));
      const parts = new Map<string, (readonly string[])[]>();
      for (const sub of this.subdirsInput.get(key.slice(0, at)).slice(g * FANOUT, (g + 1) * FANOUT))
        addParts(parts, this.treeIndexQ(sub).byKey);
      return { parts, byKey: mergeParts(parts, previous) };
    },
    sameMerged,
  );
  /** Index keys, in order. */
  readonly indexKeysQ = this.db.query('fileIndexKeys', () => [...this.filesIndex.keys()].sort(), sameList);
  /** The index keys of one family (as its `indexKey` returned them), in order. */
  keysOf(family: string): string[] {
    const prefix = `${family}:`;
    return this.indexKeysQ(NONE)
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length));
  }
  /**
   * Fed paths listed under one index key (`family:key`): a path that comes or goes reaches the readers of its key only.
   */
  private readonly filesIndex = this.db.index<readonly string[]>(
    'filesOf',
    () => this.treeIndexQ(ROOT).byKey,
    sameList,
  );
  /** The fed paths a family listed under one of its index keys (the key as its `indexKey` returned it). */
  filesOf(family: string, key: string): string[] {
    return (this.filesIndex.get(`${family}:${key}`) ?? []) as string[];
  }
}

/**
 * A family's facts of a file from the file's record, typed as that family's own; null when another family
 * read it. The identity check is the proof: the record's facts came from `family.read`, so they are `F`.
 */
export function factsBy<R, F>(family: Pick<FileFamily<R, F>, 'read'>, a: Applied): F | null {
  return a.by === family.read ? (a.facts as F | null) : null;
}

function binary(path: string): Diagnostic {
  return diag(
    path,
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    'RL030',
    'Not analysed: it is a binary file (it contains a NUL byte)',
    { severity: 'warning' },
  );
}
