// A family with a planted defect only a fresh module graph shows: it keeps the first text it ever read
// of a path in a module-level map, shared by every engine of the process, so after an edit each engine
// of the process (the incremental one and an in-process "fresh" one alike) analyses the stale text.
import type { RegistryFamily } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/types';
import { diagnostics } from '../../server/src/engine/codes';

const CODES = { RL902: { severity: 'error', title: 'flag says bad' } } as const;
const diag = diagnostics(CODES);
/** The planted process-wide cache. */
const firstTexts = new Map<string, string>();

/** `*.flag` files holding `bad` are RL902. */
export const staleFlags: RegistryFamily<{ role: 'flag' }, string> = {
  name: 'stale-flags',
  codes: CODES,
  classifier: () => (path) => (path.endsWith('.flag') ? { role: 'flag' } : null),
  indexKey: () => 'flag',
  read(path, _role, text) {
    if (!firstTexts.has(path)) firstTexts.set(path, text);
    return { facts: (firstTexts.get(path) ?? text).trim() };
  },
  unitKeys: () => ['all'],
  unit(_key, q) {
    const out: Diagnostic[] = [];
    for (const file of q.files.filesOf('stale-flags', 'flag')) {
      if (q.files.appliedBy(staleFlags, file)?.facts === 'bad')
        out.push(
          diag(
            file,
            { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
            'RL902',
            'The flag says bad',
          ),
        );
    }
    return out;
  },
};
