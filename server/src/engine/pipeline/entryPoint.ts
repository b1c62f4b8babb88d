// Stage 4 of the discovery pipeline (seed 003 `resolve_entry_point`), statically: the module class is
// the meta file's `entry_point` (`file.py:ClassName`, relative to the meta file), else the id map's
// `class`, else the one class whose body assigns `input_schema` and `output_schema` and defines
// `execute` (duck typing, read from the syntax tree — nothing is imported). RL026 when it is
// missing, not defined where it is said to be, or ambiguous.
import type { Diagnostic, Range } from '../types';
import type { PyClass } from '../python/facts';
import { diag } from '../codes';
import { ZERO_RANGE } from '../text/ranges';
import type { MetaDoc } from './types';

export function isModuleClass(c: PyClass): boolean {
  return c.attributes.includes('input_schema') && c.attributes.includes('output_schema') && c.methods.includes('execute');
}

/** What stage 4 may ask about files: whether one exists, and the classes of a Python file. */
export interface ClassFiles { exists(file: string): boolean; classes(file: string): PyClass[] | null }

/**
 * RL026 for a meta file's `entry_point`: the file must exist and, when it is Python, define the
 * class (classes of TypeScript/JavaScript files are not read, so only their existence is checked).
 */
export function checkMetaEntryPoint(doc: MetaDoc, files: ClassFiles): { cls: PyClass | null; diagnostics: Diagnostic[] } {
  const ep = doc.entryPoint;
  if (!ep) return { cls: null, diagnostics: [] };
  if (ep.file === null || !files.exists(ep.file)) {
    return { cls: null, diagnostics: [diag(doc.file, ep.range, 'RL026', `Entry point file '${ep.file ?? 'outside the workspace folder'}' not found`)] };
  }
  if (!ep.file.endsWith('.py')) return { cls: null, diagnostics: [] };
  const classes = files.classes(ep.file) ?? [];
  const cls = classes.find((c) => c.name === ep.cls) ?? null;
  if (cls) return { cls, diagnostics: [] };
  const names = classes.map((c) => c.name);
  return { cls: null, diagnostics: [diag(doc.file, ep.range, 'RL026', `Class '${ep.cls}' is not defined in ${ep.file}${names.length ? ` (it defines ${names.join(', ')})` : ' (it defines no class)'}`)] };
}

/** The module class of a file without `entry_point`: the id map's class, else the one duck-typed module class. */
export function detectEntryClass(
  file: string, classes: PyClass[], mapped: { name: string; file: string; range: Range } | null,
): { cls: PyClass | null; diagnostics: Diagnostic[] } {
  if (mapped) {
    const cls = classes.find((c) => c.name === mapped.name) ?? null;
    return cls ? { cls, diagnostics: [] } : { cls: null, diagnostics: [diag(mapped.file, mapped.range, 'RL026', `Class '${mapped.name}' (from the id map) is not defined in ${file}`)] };
  }
  const found = classes.filter(isModuleClass);
  const first = found[0];
  if (found.length === 1 && first) return { cls: first, diagnostics: [] };
  if (!first) {
    return { cls: null, diagnostics: [diag(file, ZERO_RANGE, 'RL026', 'No module class found: no class assigns input_schema and output_schema and defines execute (set entry_point in the meta file to name one)')] };
  }
  return {
    cls: null,
    diagnostics: [diag(file, first.nameRange, 'RL026', `Ambiguous entry point: ${found.map((c) => c.name).join(', ')} all look like module classes; set entry_point in the meta file`, {
      related: found.slice(1).map((c) => ({ file, range: c.nameRange, message: `${c.name} is also a module class` })),
    })],
  };
}
