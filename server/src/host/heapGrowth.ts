// One bound on V8's old-generation growth for both front ends. V8 lets the old generation grow to
// several times its live size between full collections on a machine with memory to spare; at 30% a
// load of the large bench org ends near its live size (server RSS after the load 285–295 MB; the
// CLI's peak 320–324 MB, 334–356 with V8's own growth), no slower (CHANGELOG). The server gets it as
// a node argument (SERVER_NODE_ARGS); the CLI, started as `node dist/cli.js` by npm bins and CI
// scripts, sets it as it starts (`v8.setFlagsFromString`): V8 reads it whenever a full collection sets
// the next limit.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const HEAP_GROWING_FLAG = '--heap-growing-percent=30';

/**
 * Once the server's loads are done, edits allocate little and keep almost nothing, but what they
 * promote piles up as garbage until the old generation reaches its limit: at 30% over a large org's
 * live heap that is ~70 MB of V8 pages held between full collections (the server's RSS rose ~46 MB
 * over 1,000 edits). A tighter bound while no load runs collects that garbage sooner; loads keep 30%.
 */
export const SETTLED_HEAP_GROWING_FLAG = '--heap-growing-percent=10';

/** Loads under way in this process (a folder's load counts once however often it restarts). */
let loads = 0;

/** A load starts: the old generation grows by the load's bound (the next full collection sets it). */
export function loadStarts(): void {
  if (loads++ === 0) setFlagsFromString(HEAP_GROWING_FLAG);
}

/**
 * A load is done: with none left, the tighter bound, and one full collection of what the load left. Since the query
 * layer packed its links, a large org's live heap (~195 MB) stays under the 224 MB at which the server's old generation
 * is first collected whole, so without it the load's garbage stayed in RSS until V8's memory reducer ran, 10-30 s
 * later (the large bench org: ~320 MB after the load; ~295 MB with it). It pauses the server once (~0.17 s there),
 * when the load's diagnostics have been handed to the connection.
 */
export function loadEnds(): void {
  if (--loads === 0) {
    setFlagsFromString(SETTLED_HEAP_GROWING_FLAG);
    fullCollection();
  }
}

let collect: (() => void) | undefined;
/** V8's `gc()` for this process: the flag exposes it to the contexts made after it is set. */
function fullCollection(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
