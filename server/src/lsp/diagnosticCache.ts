// A reopened folder shows its diagnostics at once (setting `registryLens.cache.enabled`): the lists a folder
// published, kept per file with the file's stamp, are published again for the files whose stamp is unchanged before
// the next session's cold analysis runs, which still runs whole and has the last word.
import { join } from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { cacheName, readCacheFile, writeCacheFile, type CacheSpec } from '../host/cacheFile';
import { cacheSpec, outcome } from '../host/checkCache';
import { isRootRelative } from '../host/containment';
import { fileStamp, stampStands } from '../host/fileStamp';
import type { FolderSettings } from '../host/folderSettings';
import { readInRoot, readText } from '../host/readText';
import { absolutePaths } from '../host/scan';

/**
 * A published file: its root-relative path, its stamp when published ('' never matches), what it held then when its
 * stamp cannot stand for it (a change right after may keep the stamp: the read's outcome, else ''), its diagnostics.
 */
type Published = [rel: string, stamp: string, content: string, diagnostics: Diagnostic[]];

/**
 * A folder's published lists, each with its file's stamp (host/fileStamp.ts; for a file changed just before, its
 * content's digest too; never its text), in the cache file `check --cache` uses too (host/cacheFile.ts). analysis.ts
 * publishes only the lists that differ from these, so a stale or damaged cache can only be shown for a moment.
 */
export class DiagnosticCache {
  private constructor(
    private readonly root: string,
    private readonly spec: CacheSpec,
    private readonly name: string,
    private readonly maxFileBytes: number,
    private readonly warn: (message: string) => void,
  ) {}

  /** The folder's cache under `settings` (its own file per root and settings), or none when the setting is off. */
  static of(root: string, settings: FolderSettings, connection: Connection, name: string): DiagnosticCache | null {
    if (!settings.cache.enabled) return null;
    const warn = (message: string): void => connection.console.warn(`Registry Lens: ${name}: ${message}`);
    const spec = cacheSpec(root, settings.cache.location ?? null, version, warn);
    if (spec === null) return null;
    const { engine: analysed, exclude, maxFileBytes } = settings;
    const key = JSON.stringify({ root, settings: { analysed, exclude, maxFileBytes } });
    return new DiagnosticCache(root, spec, cacheName('server', key), maxFileBytes, warn);
  }

  /**
   * The cached lists of the files whose stamp is unchanged, and whose content is when their stamp was taken right
   * after a change (none from a missing, foreign or damaged file).
   */
  unchanged(): Map<string, Diagnostic[]> {
    // One part: the lists.
    const parts = readCacheFile(this.spec, this.name, this.warn);
    const [files] = parts ?? [];
    if (!isPublished(files)) {
      const file = join(this.spec.folder, this.name);
      if (parts !== undefined)
        this.warn(`ignored the cache ${file}: it holds what this tool does not write; it is rebuilt`);
      return new Map();
    }
    const abs = absolutePaths(
      this.root,
      files.map(([rel]) => rel),
    );
    // A file whose content is compared is read under the walk's rule (inside the root, links not followed out).
    const same = ([rel, stamp, content]: Published, path: string): boolean =>
      stamp !== '' &&
      fileStamp(path) === stamp &&
      (content === '' || outcome(readInRoot(this.root, rel, this.maxFileBytes)) === content);
    return new Map(files.filter((p, i) => same(p, abs[i] as string)).map(([rel, , , ds]) => [rel, ds]));
  }

  /**
   * Keeps these lists (the files with diagnostics, as published); `open`: the open documents' texts, analysed instead
   * of the disk's. An open document's list is kept with its file's stamp only when the disk holds the same text
   * (stamped before it is read: a change meanwhile leaves a stamp that is never met again). A file changed within the
   * file system's time granularity before `now` may change again and keep its stamp (git's "racy" files, as `check
   * --cache` judges them): its content's digest is kept too, and compared at the next start.
   */
  save(
    lists: readonly (readonly [string, Diagnostic[]])[],
    open: ReadonlyMap<string, { text: string }>,
    now = Date.now(),
  ): void {
    const abs = absolutePaths(
      this.root,
      lists.map(([rel]) => rel),
    );
    const files = lists.map(([rel, ds], i): Published => {
      const path = abs[i] as string;
      const stamp = fileStamp(path);
      const edited = open.get(rel);
      const racy = !stampStands(stamp, now);
      if (edited === undefined && !racy) return [rel, stamp, '', ds];
      const disk = readText(path, this.maxFileBytes);
      if (edited !== undefined && !(disk !== null && 'text' in disk && disk.text === edited.text))
        return [rel, '', '', ds];
      return [rel, stamp, racy ? outcome(disk) : '', ds];
    });
    writeCacheFile(this.spec, this.name, [files], this.warn);
  }
}

/** Whether the decoded value has the cached lists' shape (a file from elsewhere is not trusted). */
function isPublished(value: unknown): value is Published[] {
  if (!Array.isArray(value)) return false;
  return value.every(
    (p: unknown) =>
      Array.isArray(p) &&
      p.length === 4 &&
      isRootRelative(p[0]) &&
      typeof p[1] === 'string' &&
      typeof p[2] === 'string' &&
      Array.isArray(p[3]) &&
      (p[3] as unknown[]).every(isDiagnostic),
  );
}

/** Whether `d` has what a client reads of a diagnostic first (its range and message). */
function isDiagnostic(d: unknown): boolean {
  if (typeof d !== 'object' || d === null) return false;
  const { range, message } = d as Partial<Diagnostic>;
  const at = (p: unknown): boolean =>
    typeof p === 'object' &&
    p !== null &&
    Number.isInteger((p as { line?: unknown }).line) &&
    Number.isInteger((p as { character?: unknown }).character);
  return typeof message === 'string' && at(range?.start) && at(range?.end);
}
