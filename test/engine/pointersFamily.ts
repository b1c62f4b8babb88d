// A tiny registry family written only against the public family API, for the tests that show a new
// family needs no invalidation code and that hosts report the directories it asks about.
import type { RegistryFamily } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/types';
import { diagnostics } from '../../server/src/engine/codes';

/** The family's own code (a test code: the family is registered only by tests). */
const CODES = { RL901: { severity: 'error', title: 'pointed directory missing' } } as const;
const diag = diagnostics(CODES);

/** `*.pointer` files name a directory that must exist; directories ending in `.wip` are asked about. */
export const pointers: RegistryFamily<{ role: 'pointer' }, string> = {
  name: 'pointers',
  codes: CODES,
  classifier: () => (path) => (path.endsWith('.pointer') ? { role: 'pointer' } : null),
  indexKey: () => 'pointer',
  read: (_path, _role, text) => ({ facts: text.trim() }),
  wantsDirectory: (path) => path.endsWith('.wip'),
  unitKeys: () => ['all'],
  unit(_key, q) {
    const out: Diagnostic[] = [];
    for (const file of q.files.filesOf('pointers', 'pointer')) {
      const target = q.files.appliedBy(pointers, file)?.facts ?? '';
      if (!q.files.dirExists(target))
        out.push(
          diag(
            file,
            { start: { line: 0, character: 0 }, end: { line: 0, character: target.length } },
            'RL901',
            `Directory '${target}' does not exist`,
          ),
        );
    }
    return out;
  },
};
