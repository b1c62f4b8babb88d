// A config class as pydantic builds it, read statically: the class cursus's config discovery finds by
// name (`steps/configs/utils.py` `build_complete_config_classes`: the package's and the workspaces'
// `steps/configs/` modules, core's base classes), and every field of it and of its bases, a subclass's
// declaration first (pydantic's `model_fields` order aside, the last definition wins). A base the tree
// does not hold (other than pydantic's and `abc`'s) leaves the field set incomplete: then only what is
// certain is checked.
import type { ClassDef, RegistryModel } from '../../../model/entries/registry';
import { modelFields, type ModelField } from '../../../python/modelFields';

/** Bases that declare no field of a config. */
const FIELDLESS = new Set(['BaseModel', 'ABC', 'object', 'Generic']);
const MAX_DEPTH = 16;

export interface ResolvedField extends ModelField {
  /** The class declaring it, and where. */
  owner: ClassDef;
}

export interface ConfigClass {
  def: ClassDef;
  /** Every field by name, the most derived declaration. */
  fields: Map<string, ResolvedField>;
  /** Whether every base was read (else a field may exist that `fields` lacks). */
  complete: boolean;
}

export type TextOf = (file: string) => string | undefined;

export function findConfigClass(model: RegistryModel, name: string): ClassDef | null {
  return model.findClass(null, 'config', name) ?? model.findBaseClass(name);
}

export function configClass(model: RegistryModel, name: string, textOf: TextOf): ConfigClass | null {
  const def = findConfigClass(model, name);
  if (!def) return null;
  const fields = new Map<string, ResolvedField>();
  let complete = true;
  const seen = new Set<string>();
  const visit = (d: ClassDef, depth: number): void => {
    if (seen.has(d.name) || depth > MAX_DEPTH) return;
    seen.add(d.name);
    const text = textOf(d.file);
    const cls = text === undefined ? null : modelFields(text, d.name);
    if (!cls) {
      complete = false;
      return;
    }
    for (const f of cls.fields) if (!fields.has(f.name)) fields.set(f.name, { ...f, owner: d });
    for (const b of cls.bases) {
      if (FIELDLESS.has(b)) continue;
      const base = findConfigClass(model, b);
      if (base) visit(base, depth + 1);
      else complete = false;
    }
  };
  visit(def, 0);
  return { def, fields, complete };
}
