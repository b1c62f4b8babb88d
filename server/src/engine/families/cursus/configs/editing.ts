// Editor features of config JSONs: a `config_types` value is a reference to its config class (hover
// shows the class, where it is and the steps registering it; definition opens it), and completion offers
// the config classes in a `config_types` value and the class's fields as a key of a `specific` entry.
import type { CompletionResult, HoverResult } from '../../../api';
import type { Location, Position } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { contains } from '../../../text/ranges';
import { LineIndex } from '../../../text/lineIndex';
import { spanAt } from '../../../text/positions';
import { mdCode, mdText } from '../../../render/escape';
import { configClass, findConfigClass, type TextOf } from '../pipelineConfig/classes';
import { readConfig, type ConfigDoc, type TypeEntry } from '../pipelineConfig/read';

function typeAt(doc: ConfigDoc, pos: Position): TypeEntry | null {
  return doc.types.find((t) => t.cls !== null && contains(t.value.range, pos)) ?? null;
}

export function configHover(doc: ConfigDoc, model: RegistryModel, pos: Position): HoverResult | null {
  const t = typeAt(doc, pos);
  if (!t?.cls) return null;
  const def = findConfigClass(model, t.cls);
  if (!def)
    return { range: t.value.range, markdown: `Config class ${mdCode(t.cls)}: not found (cursus cannot load it)` };
  const steps = model.coreByConfig.get(t.cls) ?? [];
  const where = `${mdText(def.file)}:${def.nameRange.start.line + 1}`;
  const by = steps.length > 0 ? `registered by ${steps.map(mdCode).join(', ')}` : 'registered by no step';
  return { range: t.value.range, markdown: `Config class **${mdText(t.cls)}** (${where}), ${by}` };
}

export function configDefinition(doc: ConfigDoc, model: RegistryModel, pos: Position): Location[] {
  const t = typeAt(doc, pos);
  const def = t?.cls ? findConfigClass(model, t.cls) : null;
  return def ? [{ file: def.file, range: def.nameRange }] : [];
}

const IN_STRING = /"(\w*)$/;
const KEY_AFTER = /^\w*"\s*:/;

/** Config class names in a `config_types` value; a class's field names as a key inside a `specific` entry. */
export function configCompletion(
  text: string,
  pos: Position,
  model: RegistryModel,
  textOf: TextOf,
): CompletionResult[] | null {
  const line = new LineIndex(text).lineText(pos.line);
  const m = IN_STRING.exec(line.slice(0, pos.character));
  const doc = m ? readConfig(text, true) : null;
  if (!m || !doc) return null;
  const range = spanAt(pos.line, pos.character - (m[1] ?? '').length, pos.line, pos.character);
  // a key follows `{` or `,`; a value follows `:`
  const before = line.slice(0, pos.character - (m[0] ?? '').length).trimEnd();
  const isKey = KEY_AFTER.test(line.slice(pos.character)) || before.endsWith('{') || before.endsWith(',');
  const entry = doc.specific.find((s) => contains(s.value.range, pos));
  if (entry && isKey) {
    const cls = doc.types.find((t) => t.step === entry.name)?.cls;
    const resolved = cls ? configClass(model, cls, textOf) : null;
    if (!resolved) return null;
    const have = new Set(entry.fields.map((f) => f.name));
    return [...resolved.fields.values()]
      .filter((f) => !have.has(f.name))
      .map((f) => ({
        label: f.name,
        kind: 'field',
        detail: `${f.annotation}${f.required ? ' (required)' : ''}`,
        range,
        sortText: `${f.required ? 0 : 1}${f.name}`,
      }));
  }
  const inTypes = doc.types.some((t) => contains(t.value.range, pos));
  if (!inTypes || isKey) return null;
  return model.visibleClasses(null, 'config').map((c) => ({ label: c.name, kind: 'class', detail: c.file, range }));
}
