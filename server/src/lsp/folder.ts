// One workspace folder: the mapping between URIs and the root-relative POSIX paths the engine speaks,
// the open documents (they win over disk), and the changes its queue applies (folderQueue.ts) one at a
// time, written here as closures. The disk is the host's feeder (host/feeder.ts): it walks, reads,
// applies watched-path events and feeds the engine; the folder says which documents are open and what
// they hold.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver/node';
import type { RegistryEngine } from '../engine/engine';
import { CORE, type ContextId } from '../engine/types';
import type { CodeHref } from '../host/codeDocs';
import { isInside } from '../host/containment';
import { Feeder, type LoadOptions } from '../host/feeder';
import { mountOf, type LibraryMount } from '../host/frameworkLibrary';
import type { FolderSettings } from '../host/folderSettings';
import type { NotebookText } from './notebookText';
import { uriIn } from './uriPaths';

/** An open document as the folder's queue last applied it (the editor's copy may be newer). */
export interface OpenDocument {
  readonly version: number;
  readonly text: string;
  /** An open notebook's cells, whose text `text` is. */
  readonly notebook?: NotebookText;
}

export class Folder {
  readonly fsPath: string;
  activeContext: ContextId = CORE;
  /** Open documents by root-relative path. */
  readonly open = new Map<string, OpenDocument>();
  readonly feeder: Feeder;

  constructor(
    readonly uri: string,
    readonly name: string,
    readonly codeHref: CodeHref,
  ) {
    this.fsPath = fileURLToPath(uri);
    this.feeder = new Feeder(this.fsPath, this.open);
  }

  get engine(): RegistryEngine {
    if (!this.feeder.ready) throw new Error(`${this.name}: engine used before it was loaded`);
    return this.feeder.engine;
  }
  get ready(): boolean {
    return this.feeder.ready;
  }
  get dirty(): boolean {
    return this.feeder.dirty;
  }
  get settings(): FolderSettings | undefined {
    return this.feeder.settings;
  }

  /** Root-relative POSIX path of a `file:` URI inside this folder. */
  relOf(uri: string): string | undefined {
    const fsPath = uri.startsWith('file:') ? fsPathOf(uri) : undefined;
    if (fsPath === undefined) return undefined;
    const rel = path.relative(this.fsPath, fsPath);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  /** The URI of a root-relative path, or of a library file's real place (an installed framework's file). */
  uriOf(rel: string): string {
    const library = this.feeder.libraryFile(rel);
    if (library !== null) return pathToFileURL(library).href;
    return uriIn(this.uri, rel);
  }

  /**
   * The installed framework a `file:` URI lies in (library code: the editor shows it read-only), by its path as fed or,
   * for an environment outside the root, by its real place; null for any other file.
   */
  libraryOf(uri: string): LibraryMount | null {
    const library = this.feeder.library;
    const rel = this.relOf(uri);
    const inRoot = rel === undefined ? null : mountOf(library, rel);
    const fsPath = uri.startsWith('file:') ? fsPathOf(uri) : undefined;
    return inRoot ?? (fsPath === undefined ? null : (library.mounts.find((m) => isInside(m.dir, fsPath)) ?? null));
  }

  /** (Re)loads settings and every file from disk, the open documents' reads first. */
  load(options: LoadOptions): Promise<void> {
    return this.feeder.load(options);
  }

  /** The change a document's opening or edit queues: its text replaces the disk content. */
  edit(rel: string, doc: OpenDocument): () => void {
    return () => {
      this.open.set(rel, doc);
      this.feeder.stage(rel, doc.text);
    };
  }

  /** The change a document's closing queues: the disk content applies again. */
  close(rel: string): () => void {
    return () => {
      this.open.delete(rel);
      this.feeder.readLater(rel);
    };
  }

  /** The change that makes these the open documents (folders came or went). */
  rehome(open: readonly (readonly [string, OpenDocument])[]): () => void {
    return () => {
      this.open.clear();
      for (const [rel, doc] of open) this.open.set(rel, doc);
    };
  }

  /**
   * A watched-file event at `rel`. A path named through a link the walk does not follow (an editor's watcher may name
   * one) is the walk's to list, or not; an open document keeps its text.
   */
  async watched(rel: string, type: FileChangeType): Promise<void> {
    const feeder = this.feeder;
    if (!this.open.has(rel)) {
      if (type === FileChangeType.Deleted) await feeder.deleted(rel);
      else if (!feeder.reachable(rel)) return;
      else if (type === FileChangeType.Created) await feeder.created(rel);
      else feeder.readLater(rel);
    }
    // Links elsewhere that lead through the path see the change too (an open document's disk copy included).
    await feeder.throughLinks(rel, type === FileChangeType.Changed);
  }
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
