// One workspace folder: its engine, the file texts waiting for the next analysis, and the mapping
// between URIs and the root-relative POSIX paths the engine speaks. Open documents win over disk.
// Everything that changes it arrives through the folder's queue (folderQueue.ts), one change at a time,
// so nothing here guards against a change arriving while another is under way.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { RegistryEngine, type HostLink, type WasmBinaries } from '../engine/engine';
import { compileGlobs } from '../engine/util/globs';
import { CORE, type ContextId } from '../engine/types';
import {
  readInRoot,
  readText,
  readTexts,
  rereader,
  sizePolicy,
  DEFAULT_MAX_BYTES,
  type ReadResult,
} from '../host/readText';
import { absolutePaths, linkAt, listFiles, type ScanFilter } from '../host/scan';
import type { CodeHref } from '../host/codeDocs';
import type { FolderSettings } from '../host/folderSettings';

/** Files of the backlog read per analysis step (see Folder.flush): changes queued meanwhile apply between slices. */
const BACKLOG_SLICE = 2048;

export interface LoadOptions {
  wasm: WasmBinaries;
  settings: FolderSettings;
  /** Root-relative paths of deeper workspace folders: their files belong to them. */
  nested: string[];
  /**
   * Root-relative paths of the documents open in the editor as the load starts (their opening may
   * still wait in the queue behind the load): what they read is read and analysed first.
   */
  opened: string[];
  progress: (done: number, total: number) => void;
}

/** An open document as the folder's queue last applied it (the editor's copy may be newer). */
export interface OpenDocument {
  readonly version: number;
  readonly text: string;
}

export class Folder {
  readonly fsPath: string;
  activeContext: ContextId = CORE;
  settings: FolderSettings | undefined;
  /** Open documents by root-relative path. */
  readonly open = new Map<string, OpenDocument>();
  private engineRef: RegistryEngine | undefined;
  private excluded: (rel: string) => boolean = () => false;
  /** Texts to hand to the engine on the next flush; null deletes the file; `skipped` says why it is not analysed. */
  private readonly pending = new Map<string, string | null | { skipped: string }>();
  /** Directories the last walk could not list (reported on the directory). */
  private unreadableDirs = new Set<string>();
  /** Files the engine asked for (`interest().files`) that were read once already, present or not. */
  private readonly fetched = new Set<string>();
  /** The engine's `interest().walk` at the last walk: when it moves, the folder is walked again. */
  private relevance = 0;
  /**
   * What the last walk found besides files (links; directories the engine asked about), kept current by watch events.
   */
  private links: HostLink[] = [];
  /**
   * The links to directories the last walk listed their directory through (see host/scan: a directory reached without a
   * link is not).
   */
  private followed = new Set<string>();
  private readonly directories = new Set<string>();
  /**
   * Files the last walk read beside a wanted one (a meta file's subject): staged before what makes them wanted is
   * handed over, then judged with it (see flush).
   */
  private beside = new Set<string>();
  private needsUpdate = false;
  /**
   * The files of the last walk that no open document needed, read after the open documents were
   * analysed (see flush), from `backlogAt` on; those the open documents need come first (see `reorder`).
   */
  private backlog: string[] = [];
  private backlogAt = 0;
  /** The open documents the backlog is ordered for, and the position of the last file each needs (-1: none). */
  private backlogFor = '';
  private lastNeeded = new Map<string, number>();
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

  constructor(
    readonly uri: string,
    readonly name: string,
    readonly codeHref: CodeHref,
  ) {
    this.fsPath = fileURLToPath(uri);
  }

  get engine(): RegistryEngine {
    if (this.engineRef === undefined) throw new Error(`${this.name}: engine used before it was loaded`);
    return this.engineRef;
  }

  get ready(): boolean {
    return this.engineRef !== undefined;
  }
  get dirty(): boolean {
    return this.needsUpdate;
  }

  /** Root-relative POSIX path of a `file:` URI inside this folder. */
  relOf(uri: string): string | undefined {
    const fsPath = uri.startsWith('file:') ? fsPathOf(uri) : undefined;
    if (fsPath === undefined) return undefined;
    const rel = path.relative(this.fsPath, fsPath);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  uriOf(rel: string): string {
    return `${this.uri.replace(/\/+$/, '')}/${rel.split('/').map(encodeURIComponent).join('/')}`;
  }

  /**
   * Whether the engine should see this path (false until the first load, when nothing is known): a
   * path it wants, or one it asked for (`interest().files`: an ONEX entrypoint no family classifies as wanted).
   */
  accepts(rel: string): boolean {
    return (
      !this.excluded(rel) &&
      this.engineRef !== undefined &&
      (this.fetched.has(rel) || this.engineRef.interest().wants(rel))
    );
  }

  /** (Re)loads settings and every file from disk. */
  async load({ wasm, settings, nested, opened, progress }: LoadOptions): Promise<void> {
    this.settings = settings;
    // Only a first load lists part of the folder first: a reload's walk must see every file the engine has.
    const first = this.engineRef === undefined;
    if (this.engineRef === undefined)
      this.engineRef = await RegistryEngine.create(wasm, settings.engine, {
        reread: rereader(this.fsPath, () => this.maxFileBytes),
      });
    else this.engineRef.configure(settings.engine);
    const excluded = compileGlobs(settings.exclude).matches;
    const inNested = (rel: string): boolean => nested.some((n) => rel === n || rel.startsWith(`${n}/`));
    this.excluded = (rel) => excluded(rel) || inNested(rel);
    this.fetched.clear();
    this.setBacklog([]);
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
    // are the walk's paths, or judged so before: see watch.ts.)
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
    this.stageRead(
      rel,
      walked
        ? readText(path.join(this.fsPath, rel), this.maxFileBytes)
        : readInRoot(this.fsPath, rel, this.maxFileBytes),
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
   * A watched path was deleted (`removed`); the folder is walked again when a link the walk followed went with it
   * (another may lead there now).
   */
  async deleted(rel: string): Promise<void> {
    const followed = [...this.followed].some((l) => under(l, rel));
    this.removed(rel);
    if (followed) await this.walk();
  }

  /** A path was deleted: the file itself, or every file under it when it was a directory; and the links there. */
  removed(rel: string): void {
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

  /**
   * A path appeared: a source to read, or a directory whose sources must be read. A symbolic link is
   * judged as the walk judges it (`linkAt`): reported, and followed only inside the root, never in a
   * loop; whether the walk lists a directory through a link depends on the whole tree (the directory's
   * own name wins), so a link to a directory, met here or below a new directory, walks the folder again.
   */
  async created(rel: string): Promise<void> {
    if (this.engineRef === undefined || this.excluded(rel)) return;
    const link = linkAt(this.fsPath, rel);
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
    };
    // Listed under the root's rule: nothing when the directory leads out of the root.
    const files = await listFiles(this.fsPath, filter, rel).catch(() => undefined); // undefined: gone again
    if (files === undefined) return;
    if (throughLink) return this.walk();
    if (links.length > 0) this.addLinks(links);
    else if (found) this.setTree();
    for (const file of files) this.readLater(file, true);
  }

  /**
   * A watched-file event at `rel` as the links the folder knows see it, with no event of their own: one
   * whose judgement moved (a path it leads through created or deleted: its target replaced by a link out
   * of the root, a FIFO, a new file, gone, or there again) is taken away and met again as the walk meets
   * it now; one leading to a file whose content changed is read again (a fresh walk reads a link to a
   * file at its own path), and so is the file's name through a link the walk followed to its directory.
   * A link to a directory whose judgement moved, or a change of what lies behind one the walk followed,
   * walks the folder again (see `created`).
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
      const now = linkAt(this.fsPath, known.path);
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

  /** Links met outside a walk (watched-file events), in place of any known at their paths. */
  private addLinks(links: HostLink[]): void {
    const paths = new Set(links.map((l) => l.path));
    this.links = [...this.links.filter((l) => !paths.has(l.path)), ...links];
    this.setTree();
  }

  /** The texts of open documents staged for the next flush (their edits). */
  stagedEdits(): [string, string][] {
    return [...this.open.keys()].flatMap((rel): [string, string][] => {
      const text = this.pending.get(rel);
      return typeof text === 'string' ? [[rel, text]] : [];
    });
  }

  /**
   * Hands the staged texts to the engine and re-analyses: the files whose diagnostics changed, and
   * the files that were staged. Units new to the engine start until `stop()` says so, the open
   * documents' first; the folder stays dirty while some wait (`waiting`); `updateMs` is the engine's
   * time. While the walk's backlog is unread (`partial`), only the open documents' units start (the
   * backlog is read between analyses: readAhead); `ready` are the open documents whose diagnostics are
   * then final (every file they read analysed). Then fetches what the analysis found it needs: files it
   * refers to that were not read (a meta file's subject, read at once), or a new walk when its relevant
   * paths moved (apcore roots: `more`), once the backlog is read. `final`: every file's diagnostics are
   * (no unit waits, nothing is unread, nothing fetched).
   */
  flush(stop?: () => boolean): {
    changed: string[];
    staged: string[];
    waiting: number;
    updateMs: number;
    partial: boolean;
    final: boolean;
    ready: ReadonlySet<string>;
    more?: Promise<void>;
  } {
    const engine = this.engine;
    const staged = [...this.pending.keys()];
    // The whole batch first, then whether each file is wanted — judged once against all of it (the
    // engine keeps files given until then), so neither the read order nor a per-file re-sync (O(files)
    // each, quadratic over a cold load) decides.
    // An open document's text may differ from the disk's: only the others may be let go and read again.
    // One flag per staged file, in the batch's order: no pair per file (a cold load stages 30,000).
    for (const [rel, text] of this.pending)
      if (typeof text === 'string') engine.setFile(rel, text, !this.open.has(rel));
    const wanted = new Uint8Array(this.pending.size);
    let i = 0;
    for (const [rel, text] of this.pending) wanted[i++] = text !== null && this.accepts(rel) ? 1 : 0;
    i = 0;
    for (const [rel, text] of this.pending) {
      if (!wanted[i++]) engine.deleteFile(rel);
      else if (text !== null && typeof text !== 'string') engine.setSkipped(rel, text.skipped);
    }
    this.pending.clear();
    const partial = this.backlogAt < this.backlog.length || this.unlisted;
    if (partial) this.reorder();
    const start = performance.now();
    const { changed, waiting, waitingFirst } = engine.updateSome(stop, new Set(this.open.keys()), partial);
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
    const read = ([rel, last]: [string, number]): boolean =>
      last < this.backlogAt && (!this.unlisted || this.listedFor.has(rel));
    const listed = partial ? [...this.lastNeeded].filter(read).map(([rel]) => rel) : this.open.keys();
    const ready = new Set(unread || waitingFirst > 0 ? [] : listed);
    // While the backlog is read, a new walk would read it too: the walk waits until it is read.
    const more = !partial && interest.walk !== this.relevance ? this.walk() : undefined;
    const final = !partial && !unread && waiting === 0;
    return { changed, staged, waiting, updateMs, partial, final, ready, ...(more !== undefined ? { more } : {}) };
  }

  /**
   * The next slice of the backlog, read and staged, when nothing else waits for the analysis (see
   * `urgent`); undefined when it is read, or the analysis must run first. The slices are analysed
   * together once the last is read: one analysis of the rest of the folder, as a load without open
   * documents gives, and changes queued meanwhile apply between slices.
   */
  readAhead(): Promise<void> | undefined {
    if (this.urgent || this.waitingFirst > 0) return undefined;
    // The whole folder listed again: what the first walk left unlisted joins the unread rest of its backlog.
    if (this.unlisted) {
      this.setBacklog([]);
      return this.walk(this.readProgress, false, [...this.open.keys()]);
    }
    if (this.backlogAt >= this.backlog.length) return undefined;
    return this.readBacklog();
  }

  private async readBacklog(): Promise<void> {
    const slice = this.backlog.slice(this.backlogAt, this.backlogAt + BACKLOG_SLICE);
    const done = this.readTotal - (this.backlog.length - this.backlogAt);
    const reads = await readTexts(absolutePaths(this.fsPath, slice), this.maxFileBytes, (n) =>
      this.readProgress?.(done + n, this.readTotal),
    );
    const before = this.backlogAt;
    this.backlogAt += slice.length;
    const urgent = this.urgent;
    // A file of the slice staged meanwhile (a watched-file event read it) or opened is not read over.
    slice.forEach((rel, i) => {
      if (!this.pending.has(rel) && !this.open.has(rel)) this.stageRead(rel, reads[i] ?? null);
    });
    // An open document whose reads this slice completed is analysed (and published) before the next slice.
    this.urgent = urgent || [...this.lastNeeded.values()].some((last) => last >= before && last < this.backlogAt);
    if (this.backlogAt >= this.backlog.length) this.setBacklog([]);
  }

  /**
   * Orders the unread backlog for the open documents (when they changed since): the files they read
   * first, and where the last file each one reads is.
   */
  private reorder(): void {
    const key = openKey(this.open.keys());
    if (key === this.backlogFor) return;
    const interest = this.engine.interest();
    const rest = this.backlog.slice(this.backlogAt);
    const needed = interest.first(this.open.keys());
    this.setBacklog([...rest.filter(needed), ...rest.filter((rel) => !needed(rel))]);
    this.backlogFor = key;
    for (const rel of this.open.keys()) {
      const reads = interest.first([rel]);
      let last = this.backlog.length - 1;
      while (last >= 0 && !reads(this.backlog[last] as string)) last--;
      this.lastNeeded.set(rel, last);
    }
  }

  /**
   * A new backlog; `without`: open documents none of whose reads are in it (no need to order it for
   * them: see `reorder`, which classifies every file of it).
   */
  private setBacklog(files: string[], without: readonly string[] = []): void {
    this.backlog = files;
    this.backlogAt = 0;
    this.backlogFor = without.length > 0 ? openKey(without) : '';
    this.lastNeeded.clear();
    for (const rel of without) this.lastNeeded.set(rel, -1);
  }

  /**
   * Lists the folder again: files no longer there (or no longer wanted) leave the engine, new ones are
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
    const links: HostLink[] = [];
    const interest = engine.interest();
    this.relevance = interest.walk;
    const below = narrow && opened.length > 0 ? interest.firstBelow(opened) : undefined;
    let unlisted = false;
    const onDisk = new Set<string>();
    const directories: string[] = [];
    const unreadable = new Map<string, string>();
    const followed = new Set<string>();
    const accepted = await listFiles(this.fsPath, {
      skip: (rel) => this.excluded(rel),
      // `skip` has already turned excluded paths away.
      accept: (rel) => {
        onDisk.add(rel);
        return interest.wants(rel);
      },
      link: (l) => links.push(l),
      directory: (rel) => {
        if (interest.wantsDirectory(rel)) directories.push(rel);
      },
      ...(below
        ? {
            descend: (rel: string) => {
              const listed = below(rel);
              if (!listed) unlisted = true;
              return listed;
            },
          }
        : {}),
      followed: (rel) => followed.add(rel),
      unreadable: (rel, reason) => unreadable.set(rel || '.', reason),
    });
    this.followed = followed;
    this.unlisted = unlisted;
    this.listedFor = new Set(opened);
    for (const dir of this.unreadableDirs) if (!unreadable.has(dir)) engine.deleteFile(dir);
    for (const [dir, reason] of unreadable) engine.setSkipped(dir, reason);
    this.unreadableDirs = new Set(unreadable.keys());
    // The subject beside a companion is read in the same pass, so no RL021 shows before it arrives.
    const companions = accepted
      .flatMap((rel) => interest.alongside(rel))
      .filter((rel) => onDisk.has(rel) && !this.excluded(rel));
    const files = [...new Set([...accepted, ...companions])].sort();
    this.beside = new Set(companions);
    this.links = links;
    this.directories.clear();
    for (const d of directories) this.directories.add(d);
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
      this.setBacklog(
        unread.filter((rel) => !needed(rel)),
        opened,
      );
    this.readProgress = progress;
    this.readTotal = unread.length;
    // The reads yield to the event loop between slices; no edit is staged meanwhile (the queue holds it).
    const reads = await readTexts(absolutePaths(this.fsPath, toRead), this.maxFileBytes, (done) =>
      progress?.(done, unread.length),
    );
    toRead.forEach((rel, i) => this.stageRead(rel, reads[i] ?? null));
  }

  /** Hands the engine the links and directories the folder knows of; the next flush analyses them. */
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

/** The open documents a backlog is ordered for, as one string. */
function openKey(open: Iterable<string>): string {
  return [...open].sort().join('\n');
}

/** `p` is the root-relative path `dir` or below it. */
function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(`${dir}/`);
}

/**
 * The file system path of a `file:` URI; undefined for one that names no local path (`file://otherhost/…`, an encoded
 * slash).
 */
export function fsPathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
