// What the web extension's status item says while its server reads the folders on a slow file system: "reading
// 120/800 files", naming in its tooltip what is still being read, then its usual text again. Shown only once a reading
// has lasted a moment, so a fast file system never makes it flicker. Apart from vscode, so a unit test drives it.
import type { ReadingParams } from '../../server/src/lsp/protocol';

/** How long a reading lasts before the status item tells it. */
export const READING_SHOWN_AFTER_MS = 500;

/** What the status item shows while reading; undefined: its usual text. */
export interface ReadingView {
  readonly text: string;
  readonly tooltip: string;
}

/** The timer the delay runs on (the extension's `setTimeout`; a test's, which it fires itself). */
export interface Timer {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const STEPS: Record<ReadingParams['step'], string> = {
  listing: 'listing its files',
  registries: 'its registries',
  rest: 'its other files',
  done: '',
};

/** A URI's part as its user reads it: decoded, or as it is when it is no valid escape. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The folder's name in a URI: its last segment. */
const nameOf = (uri: string): string => decoded(uri.replace(/\/+$/, '').split('/').pop() ?? uri);

/** The status item's view of the folders still being read (none: undefined). */
export function readingView(readings: readonly ReadingParams[]): ReadingView | undefined {
  const busy = readings.filter((r) => r.step !== 'done');
  if (busy.length === 0) return undefined;
  const read = busy.reduce((n, r) => n + r.read, 0);
  const total = busy.reduce((n, r) => n + r.total, 0);
  const text =
    total === 0
      ? '$(sync~spin) Registry Lens: listing files'
      : `$(sync~spin) Registry Lens: reading ${read}/${total} files`;
  const lines = busy.map((r) => {
    const files = r.pending.map((uri) => `  ${relative(r.folder, uri)}`);
    return [`Reading ${nameOf(r.folder)}: ${STEPS[r.step]} (${r.read}/${r.total} files read)`, ...files].join('\n');
  });
  return { text, tooltip: `${lines.join('\n')}\nProblems are shown, and requests answered, once every file is read.` };
}

function relative(folder: string, uri: string): string {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return decoded(uri.startsWith(prefix) ? uri.slice(prefix.length) : uri);
}

/**
 * The readings the server tells, per folder, and what the status item shows: a reading's view only once it has lasted
 * `READING_SHOWN_AFTER_MS` (then each change at once), the usual text as soon as every folder is read.
 */
export class ReadingStatus {
  private readonly readings = new Map<string, ReadingParams>();
  private timer: unknown;
  private shown = false;

  constructor(
    private readonly show: (view: ReadingView | undefined) => void,
    private readonly clock: Timer,
    private readonly delayMs = READING_SHOWN_AFTER_MS,
  ) {}

  told(reading: ReadingParams): void {
    this.readings.set(reading.folder, reading);
    const view = readingView([...this.readings.values()]);
    if (view === undefined) {
      if (this.timer !== undefined) this.clock.clear(this.timer);
      this.timer = undefined;
      if (this.shown) this.show(undefined);
      this.shown = false;
    } else if (this.shown) this.show(view);
    else if (this.timer === undefined)
      this.timer = this.clock.set(() => {
        this.timer = undefined;
        this.shown = true;
        this.show(readingView([...this.readings.values()]));
      }, this.delayMs);
  }
}
