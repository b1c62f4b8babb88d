// The reading order of a load with documents open: the files of the walk that no open document needed
// wait in a backlog, read in slices once the open documents are analysed, those the open documents
// need (`interest().first`) first; it knows where the last file each open document reads is, so the
// document is analysed (and published) as soon as its reads are all staged.
import type { HostInterest } from '../engine/engine';

/** Files of the backlog read per analysis step: changes queued meanwhile apply between slices. */
export const BACKLOG_SLICE = 2048;

export class Backlog {
  private files: string[] = [];
  private at = 0;
  /** The open documents the backlog is ordered for, and the position of the last file each needs (-1: none). */
  private orderedFor = '';
  private readonly lastNeeded = new Map<string, number>();

  /** Some of it is unread. */
  get unread(): boolean {
    return this.at < this.files.length;
  }

  /**
   * A new backlog; `without`: open documents none of whose reads are in it (no need to order it for
   * them: see `reorder`, which classifies every file of it).
   */
  set(files: string[], without: readonly string[] = []): void {
    this.files = files;
    this.at = 0;
    this.orderedFor = without.length > 0 ? openKey(without) : '';
    this.lastNeeded.clear();
    for (const rel of without) this.lastNeeded.set(rel, -1);
  }

  /**
   * Orders the unread backlog for the open documents (when they changed since: only then is the engine
   * asked, `interestOf`): the files they read first, and where the last file each one reads is.
   */
  reorder(open: ReadonlyMap<string, unknown>, interestOf: () => HostInterest): void {
    const key = openKey(open.keys());
    if (key === this.orderedFor) return;
    const interest = interestOf();
    const rest = this.files.slice(this.at);
    const needed = interest.first(open.keys());
    this.set([...rest.filter(needed), ...rest.filter((rel) => !needed(rel))]);
    this.orderedFor = key;
    for (const rel of open.keys()) {
      const reads = interest.first([rel]);
      let last = this.files.length - 1;
      while (last >= 0 && !reads(this.files[last] as string)) last--;
      this.lastNeeded.set(rel, last);
    }
  }

  /** The next slice to read, and how many of the backlog were read before it. */
  next(): { slice: string[]; left: number } {
    return { slice: this.files.slice(this.at, this.at + BACKLOG_SLICE), left: this.files.length - this.at };
  }

  /**
   * The next slice was read: whether it completed an open document's reads (it is analysed and
   * published before the next slice). A backlog read to its end is let go.
   */
  advance(count: number): boolean {
    const before = this.at;
    this.at += count;
    const completed = [...this.lastNeeded.values()].some((last) => last >= before && last < this.at);
    if (this.at >= this.files.length) this.set([]);
    return completed;
  }

  /** The open documents whose reads the backlog held and are all read now (`admit`: those to count). */
  read(admit: (rel: string) => boolean): string[] {
    return [...this.lastNeeded].filter(([rel, last]) => last < this.at && admit(rel)).map(([rel]) => rel);
  }
}

/** The open documents a backlog is ordered for, as one string. */
function openKey(open: Iterable<string>): string {
  return [...open].sort().join('\n');
}
