// Stage 5 of the discovery pipeline (apcore-python `registry/validation.py` `validate_module`),
// statically: the module class must assign `input_schema` and `output_schema`, define `execute`, and
// have a non-empty `description` class attribute — `validate_module` reads `getattr(cls,
// "description")`, so neither a docstring nor the meta's `description` makes it pass (apcore logs
// "failed validation" and skips the module). RL008 on the class name.
import type { Diagnostic } from '../../../types';
import type { PyClass } from '../../../python/facts';
import { diag } from '../codes';
import type { MetaDoc } from '../../../model/discovery/types';

/**
 * What `validate_module` misses about the description, or null: read from the class body like the other attributes (a
 * computed value passes).
 */
function descriptionProblem(cls: PyClass): string | null {
  if (!cls.attributes.includes('description'))
    return cls.docstring
      ? 'a description class attribute (a docstring does not count)'
      : 'a description class attribute';
  return cls.strAttrs['description'] === '' ? 'a non-empty description (it is empty)' : null;
}

export function validateModule(file: string, id: string, cls: PyClass): Diagnostic[] {
  const missing: string[] = [];
  if (!cls.attributes.includes('input_schema')) missing.push('input_schema');
  if (!cls.attributes.includes('output_schema')) missing.push('output_schema');
  if (!cls.methods.includes('execute')) missing.push('execute()');
  const description = descriptionProblem(cls);
  if (description) missing.push(description);
  if (missing.length === 0) return [];
  return [
    diag(
      file,
      cls.nameRange,
      'RL008',
      `Module '${id}' (class ${cls.name}) is missing ${missing.join(', ')}: apcore's validate_module rejects it ` +
        'and discovery skips the module',
    ),
  ];
}

/**
 * What stops apcore-python's `discover()` at this module: its companion's `examples` (when present,
 * YAML takes them whole) are read by `merge_examples` as `d["title"]` for each item (schema/annotations.py:39-47),
 * which raises for an item that is not a mapping holding `title`; `_register_in_order` calls it outside any
 * try (registry.py:686), so discovery stops there and no module after this one in the load order registers.
 * RL020 on each such item. apcore-typescript keeps such an example (schema/annotations.ts:56).
 */
export function pythonExampleProblems(meta: MetaDoc, id: string): Diagnostic[] {
  const examples = meta.fields.get('examples')?.value;
  if (examples?.kind !== 'list') return [];
  return examples.items
    .map((item, i) => ({ item, i }))
    .filter(
      ({ item }) => item.kind !== 'dict' || !item.entries.some((e) => e.key.kind === 'str' && e.key.value === 'title'),
    )
    .map(({ item, i }) =>
      diag(
        meta.file,
        item.range,
        'RL020',
        `examples[${i}] has no 'title': apcore-python's merge_examples raises ` +
          `${item.kind === 'dict' ? 'KeyError' : 'TypeError'} registering module '${id}' outside any try, ` +
          'so discover() stops: no module after it in the load order is registered',
      ),
    );
}
