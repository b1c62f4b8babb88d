// A minimal registry family used only by tests, written against the public family API and nothing
// else: `*.names.yaml` files each hold a YAML list of names; a name defined twice (in one file or
// across files) is reported at its later definitions (RL950) unless a setting lets it repeat, and hover and definition work on every
// name. Added through `EngineOptions.families` (test code: no section of docs/diagnostics.md); adding a family to the
// registry, as a contributor does, is test/families/toy/addFamily.test.ts.
import type { FamilyQueries, RegistryFamily } from '../../../server/src/engine/engine';
import type { Diagnostic, Location, Position, Range } from '../../../server/src/engine/types';
import { syntaxDiag } from '../../../server/src/engine/codes';
import { parseYamlLit } from '../../../server/src/engine/yaml/yamlLit';
import { contains } from '../../../server/src/engine/text/ranges';
import { NAMES_CODES, diag } from './codes';
import { NAMES_SETTINGS } from './settings';

/** One name of a list, where it is written. */
export interface NameAt {
  name: string;
  range: Range;
}

const FAMILY = 'names';
const LIST = 'list';
/** Every names file has this role (one shared object). */
const ROLE = Object.freeze({ role: 'list' as const });

export const names: RegistryFamily<typeof ROLE, NameAt[]> = {
  name: FAMILY,
  codes: NAMES_CODES,
  settings: NAMES_SETTINGS,
  paths: { names: ['*.names.yaml'], languages: ['yaml'] },
  classifier: () => (path) => (path.endsWith('.names.yaml') ? ROLE : null),
  indexKey: () => LIST,
  read(path, _role, text) {
    const { value, errors } = parseYamlLit(text);
    const local: Diagnostic[] = errors.map((e) => syntaxDiag(path, e));
    const items = value?.kind === 'list' ? value.items : [];
    const facts: NameAt[] = [];
    for (const item of items) {
      if (item.kind === 'str') facts.push({ name: item.value, range: item.range });
      else local.push(diag(path, item.range, 'RL020', 'A name must be a string'));
    }
    return { facts, local };
  },
  unitKeys: () => ['all'],
  unit: (_key, q) => duplicates(q),
  features: {
    hover(file, pos, q) {
      const at = nameAt(q, file, pos);
      if (!at) return null;
      const defs = definitions(q, at.name);
      return {
        range: at.range,
        markdown: `**${at.name}**: defined ${defs.length === 1 ? 'once' : `${defs.length} times`}`,
      };
    },
    definition(file, pos, q) {
      const at = nameAt(q, file, pos);
      return at ? definitions(q, at.name).slice(0, 1) : [];
    },
  },
};

function namesOf(q: FamilyQueries, file: string): NameAt[] {
  return q.files.appliedBy(names, file)?.facts ?? [];
}

function nameAt(q: FamilyQueries, file: string, pos: Position): NameAt | undefined {
  return namesOf(q, file).find((n) => contains(n.range, pos));
}

/** Every definition of a name, in path order then file order. */
function definitions(q: FamilyQueries, name: string): Location[] {
  return q.files.filesOf(FAMILY, LIST).flatMap((file) =>
    namesOf(q, file)
      .filter((n) => n.name === name)
      .map((n) => ({ file, range: n.range })),
  );
}

/** RL950 at every definition of a name after its first (but of the names the settings let repeat). */
function duplicates(q: FamilyQueries): Diagnostic[] {
  const repeatable = new Set(NAMES_SETTINGS.of(q.files.settings()).namesRepeatable);
  const first = new Map<string, Location>();
  const out: Diagnostic[] = [];
  for (const file of q.files.filesOf(FAMILY, LIST)) {
    for (const n of namesOf(q, file)) {
      if (repeatable.has(n.name)) continue;
      const was = first.get(n.name);
      if (!was) {
        first.set(n.name, { file, range: n.range });
        continue;
      }
      out.push(
        diag(file, n.range, 'RL950', `'${n.name}' is already defined at ${was.file}:${was.range.start.line + 1}`, {
          related: [{ ...was, message: 'first definition' }],
        }),
      );
    }
  }
  return out;
}
