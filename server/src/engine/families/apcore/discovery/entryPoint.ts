// Stage 4 of the discovery pipeline (apcore-python `registry/entry_point.py` `resolve_entry_point`),
// statically: the module class is the meta file's `entry_point` (`NAME:ClassName` — apcore takes the
// name after the last `:` and looks it up in the module file itself, whatever NAME says), else the id
// map's `class`, else the one class whose body assigns `input_schema` and `output_schema` and defines
// `execute` (duck typing, read from the syntax tree — nothing is imported). RL026 when it is missing,
// not defined in the file, or ambiguous (apcore logs "Failed to resolve entry point" and skips the file).
import type { Diagnostic, Fix, Range } from '../../../types';
import type { PyClass } from '../../../python/facts';
import { diag } from '../codes';
import { ZERO_RANGE } from '../../../text/ranges';
import type { ClassFiles, MappedClass, MetaDoc } from '../../../model/discovery/types';

export function isModuleClass(c: PyClass): boolean {
  return (
    c.attributes.includes('input_schema') && c.attributes.includes('output_schema') && c.methods.includes('execute')
  );
}

/**
 * RL026 for a meta file's `entry_point`: the subject file (the module the meta describes) must define
 * the class. Classes of TypeScript/JavaScript files are not read, so those are not checked. The fixes
 * offer the subject's module classes (or all its classes when none looks like one).
 */
export function checkMetaEntryPoint(
  doc: MetaDoc,
  subject: string | null,
  files: ClassFiles,
): { cls: PyClass | null; diagnostics: Diagnostic[] } {
  const ep = doc.entryPoint;
  if (!ep || !subject?.endsWith('.py')) return { cls: null, diagnostics: [] };
  const classes = files.classes(subject);
  if (classes === null) return { cls: null, diagnostics: [] };
  const cls = classes.find((c) => c.name === ep.cls) ?? null;
  if (cls) return { cls, diagnostics: [] };
  const names = classes.map((c) => c.name);
  const fixes = entryPointFixes(
    doc.file,
    ep.clsRange,
    classes.filter(isModuleClass).map((c) => c.name),
    names,
    (n) => `Change the entry point class to '${n}'`,
  );
  const defines = names.length ? `it defines ${names.join(', ')}` : 'it defines no class';
  return {
    cls: null,
    diagnostics: [
      diag(
        doc.file,
        ep.range,
        'RL026',
        `Entry point class '${ep.cls}' not found in ${subject}: apcore skips the module`,
        {
          fixes,
          related: [
            {
              file: subject,
              range: ZERO_RANGE,
              message: `${defines}; apcore looks the class up in this file, whatever comes before ':'`,
            },
          ],
        },
      ),
    ],
  };
}

/**
 * Fixes naming another entry point in a meta file: the module's candidates, else all its names (preferred when there is
 * one).
 */
export function entryPointFixes(
  file: string,
  clsRange: Range,
  modules: readonly string[],
  names: readonly string[],
  title: (name: string) => string,
): Fix[] {
  const offer = modules.length > 0 ? modules : names;
  return offer.map((n, i) => ({
    title: title(n),
    preferred: i === 0 && offer.length === 1,
    edits: [{ file, edits: [{ range: clsRange, newText: n }] }],
  }));
}

/**
 * The module class of a file without `entry_point`: the id map's class, else the one duck-typed module
 * class. A mapped class apcore ignores (beside an `id`) does not count; when detection then finds no
 * class or another one, RL029 (warning) on the `class` says so.
 */
export function detectEntryClass(
  file: string,
  classes: PyClass[],
  mapped: MappedClass | null,
): { cls: PyClass | null; diagnostics: Diagnostic[] } {
  if (mapped && !mapped.ignored) {
    const cls = classes.find((c) => c.name === mapped.name) ?? null;
    return cls
      ? { cls, diagnostics: [] }
      : {
          cls: null,
          diagnostics: [
            diag(
              mapped.file,
              mapped.range,
              'RL026',
              `Class '${mapped.name}' (from the id map) is not defined in ${file}`,
            ),
          ],
        };
  }
  const detected = detectModuleClass(file, classes);
  if (!mapped || detected.cls?.name === mapped.name) return detected;
  const instead = detected.cls ? `detects ${detected.cls.name} instead` : 'detects no single module class instead';
  const ignoredClass = diag(
    mapped.file,
    mapped.range,
    'RL029',
    `apcore ignores this 'class' because the mapping has an 'id', and ${instead}. ` +
      "Name the class in the module's meta file (entry_point), or drop the 'id'.",
    {
      severity: 'warning',
      related: [
        {
          file: mapped.file,
          range: mapped.range,
          message: 'apcore-python looks the class up by the new id; apcore-typescript never reads it',
        },
      ],
    },
  );
  return { cls: detected.cls, diagnostics: [ignoredClass, ...detected.diagnostics] };
}

/** The one class that assigns input_schema and output_schema and defines execute (apcore's duck typing). */
function detectModuleClass(file: string, classes: PyClass[]): { cls: PyClass | null; diagnostics: Diagnostic[] } {
  const found = classes.filter(isModuleClass);
  const first = found[0];
  if (found.length === 1 && first) return { cls: first, diagnostics: [] };
  if (!first) {
    return {
      cls: null,
      diagnostics: [
        diag(
          file,
          ZERO_RANGE,
          'RL026',
          'No module class found: no class assigns input_schema and output_schema and defines execute (set ' +
            'entry_point in the meta file to name one)',
        ),
      ],
    };
  }
  return {
    cls: null,
    diagnostics: [
      diag(
        file,
        first.nameRange,
        'RL026',
        `Ambiguous entry point: ${found.map((c) => c.name).join(', ')} all look like module classes; set ` +
          'entry_point in the meta file',
        {
          related: found
            .slice(1)
            .map((c) => ({ file, range: c.nameRange, message: `${c.name} is also a module class` })),
        },
      ),
    ],
  };
}
