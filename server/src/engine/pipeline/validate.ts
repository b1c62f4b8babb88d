// Stage 5 of the discovery pipeline (seed 003 `validate_module`), statically: the module class must
// assign `input_schema` and `output_schema`, define `execute`, and have a non-empty description (meta
// `description`, else the class's `description` attribute or docstring). RL008 on the class name.
import type { Diagnostic } from '../types';
import type { PyClass } from '../python/facts';
import { diag } from '../codes';
import type { MetaDoc } from './types';

/** The description a module gets: the meta's wins over the code's (YAML > code). */
export function moduleDescription(cls: PyClass, meta: MetaDoc | null): string | null {
  const d = meta?.description ?? cls.strAttrs['description'] ?? cls.docstring;
  return d && d.trim() !== '' ? d.trim() : null;
}

export function validateModule(file: string, id: string, cls: PyClass, meta: MetaDoc | null): Diagnostic[] {
  const missing: string[] = [];
  if (!cls.attributes.includes('input_schema')) missing.push('input_schema');
  if (!cls.attributes.includes('output_schema')) missing.push('output_schema');
  if (!cls.methods.includes('execute')) missing.push('execute()');
  if (!moduleDescription(cls, meta)) missing.push('a description (meta description, description attribute or docstring)');
  if (missing.length === 0) return [];
  return [diag(file, cls.nameRange, 'RL008', `Module '${id}' (class ${cls.name}) is missing ${missing.join(', ')}`)];
}
