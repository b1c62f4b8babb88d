// The names family's example and its random-edit generator for the oracle (test/engine/randomEdits.ts):
// names added, renamed and removed, lists broken and mended, files coming and going.
import type { Edit } from '../../engine/editKit';

/** A small workspace of the family: two lists sharing a name, one with a duplicate of its own. */
export const NAMES_EXAMPLE: ReadonlyMap<string, string> = new Map([
  ['lists/a.names.yaml', '- alpha\n- beta\n- alpha\n'],
  ['lists/b.names.yaml', '- gamma\n- beta\n'],
  ['other/readme.yaml', 'not: a list\n'],
]);

const WORDS = ['alpha', 'beta', 'gamma', 'delta'];
const FILES = ['lists/a.names.yaml', 'lists/b.names.yaml', 'lists/c.names.yaml', 'deep/new/d.names.yaml'];

export const NAMES_EDITS: Edit[] = [
  // add a name
  (files, pick) => {
    const f = pick(FILES);
    return [f, `${files.get(f) ?? ''}- ${pick(WORDS)}\n`];
  },
  // rename or remove a name
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.names.yaml')));
    if (!f) return null;
    const lines = (files.get(f) ?? '').split('\n');
    const at = pick([...lines.keys()]);
    if (pick([true, false])) lines.splice(at, 1);
    else lines[at] = `- ${pick(WORDS)}`;
    return [f, lines.join('\n')];
  },
  // a mistake: not a string, or not YAML
  (files, pick) => {
    const f = pick(FILES);
    return [f, `${files.get(f) ?? ''}${pick(['- [1, 2]\n', '- {x: 1}\n', '- "unclosed\n', ': bad\n'])}`];
  },
  // a file goes
  (files, pick) => {
    const f = pick(FILES);
    return files.has(f) ? [f, null] : null;
  },
];
