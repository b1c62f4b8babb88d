// The toy family, a test fixture (test/families/toy/addFamily.test.ts adds it as a contributor adds a
// family): `*.registry.json` files each map step names to `{ "class": "..." }`; a step defined in two
// files is reported at the later one (RL960). It declares no `parts`: the default keeps its files and
// its unit out of a first pass that reads none of them.
import type { Family } from '../../analysis/family';
import type { Diagnostic, Location } from '../../types';
import { TOY_CODES, diag } from './codes';
import { readToyRegistry, type ToyStep } from './read';

const FAMILY = 'toy';
const REGISTRY = 'registry';
const ROLE = Object.freeze({ role: REGISTRY });
const SUFFIX = '.registry.json';

export const toy: Family<typeof ROLE, ToyStep[]> = {
  name: FAMILY,
  codes: TOY_CODES,
  paths: { names: [`*${SUFFIX}`] },
  classifier: () => (path) => (path.endsWith(SUFFIX) ? ROLE : null),
  registryGlobs: () => [`**/*${SUFFIX}`],
  indexKey: () => REGISTRY,
  read: (path, _role, text) => readToyRegistry(path, text),
  unitKeys: () => ['steps'],
  unit(_key, q) {
    const first = new Map<string, Location>();
    const out: Diagnostic[] = [];
    for (const file of q.files.filesOf(FAMILY, REGISTRY)) {
      for (const step of q.files.appliedBy(toy, file)?.facts ?? []) {
        const was = first.get(step.name);
        if (!was) first.set(step.name, { file, range: step.range });
        else if (was.file !== file) {
          const message = `'${step.name}' is already defined in ${was.file}`;
          out.push(diag(file, step.range, 'RL960', message, { related: [{ ...was, message: 'first definition' }] }));
        }
      }
    }
    return out;
  },
};
