// Stages 4–5 for TypeScript and JavaScript modules, as apcore-typescript runs them on what
// `await import(file)` gives (registry/entry-point.ts `resolveEntryPoint`, registry/validation.ts
// `validateModule`), read statically from the file's exports (jsExports.ts): the meta file's
// `entry_point` names an export; else the default export when `isModuleClass` holds for it; else the
// one export for which it holds (an object whose inputSchema and outputSchema are objects, whose
// description is a string and whose execute is a function — a class is a function, so it is only ever
// picked by `entry_point`). What this reading cannot see through is never reported: an export it
// cannot tell may be a module, and then neither "none" nor "ambiguous" is said.
import type { Diagnostic } from '../../types';
import type { PyClass } from '../../python/facts';
import { diag } from '../../model/codes';
import { ZERO_RANGE } from '../../text/ranges';
import { entryPointFixes } from './discovery/entryPoint';
import type { JsExport, JsModule, MemberKind } from '../../model/discovery/jsModule';
import type { MetaDoc } from '../../model/discovery/types';
import type { JsEntryStages } from '../../model/member';

type Verdict = 'yes' | 'no' | 'maybe';

/**
 * A member as `isModuleClass` and `validateModule` want it: present and of one of these kinds (an expression not seen
 * through passes).
 */
function memberIs(e: JsExport, k: MemberKind | undefined, ok: readonly MemberKind[]): Verdict {
  if (k === undefined) return e.open ? 'maybe' : 'no';
  return k === 'unknown' || ok.includes(k) ? 'yes' : 'no';
}

/** `isModuleClass` (entry-point.ts): an object with object schemas, a string description and an execute function. */
function isModuleExport(e: JsExport): Verdict {
  if (e.type === 'unknown') return 'maybe';
  if (e.type !== 'object') return 'no';
  const m = e.members;
  const v = [
    memberIs(e, m['inputSchema'], ['object']),
    memberIs(e, m['outputSchema'], ['object']),
    memberIs(e, m['description'], ['string', 'empty']),
    memberIs(e, m['execute'], ['function']),
  ];
  return v.includes('no') ? 'no' : v.includes('maybe') ? 'maybe' : 'yes';
}

/** The exports `isModuleClass` surely holds for. */
function moduleExports(mod: JsModule): JsExport[] {
  return mod.exports.filter((e) => isModuleExport(e) === 'yes');
}

/** Stage 4: the export apcore-typescript registers for this file, or null (with why, when it is certain). */
export function resolveJsEntry(
  file: string,
  mod: JsModule,
  meta: MetaDoc | null,
): { entry: JsExport | null; diagnostics: Diagnostic[] } {
  if (mod.throwsOnImport) {
    return {
      entry: null,
      diagnostics: [
        diag(
          file,
          mod.throwsOnImport,
          'RL026',
          `module() is called without an 'id': it throws when apcore-typescript imports ${file} (decorator.ts ` +
            '`module`), so resolveEntryPoint fails to import the file and discovery skips it',
        ),
      ],
    };
  }
  // A missing entry_point export is reported on the meta file (checkJsEntryPoint).
  if (meta?.entryPoint)
    return { entry: mod.exports.find((e) => e.name === meta.entryPoint?.cls) ?? null, diagnostics: [] };
  const none = { entry: null, diagnostics: [] };
  const def = mod.exports.find((e) => e.name === 'default');
  const defVerdict = def ? isModuleExport(def) : 'no';
  if (def && defVerdict === 'yes') return { entry: def, diagnostics: [] };
  if (defVerdict === 'maybe') return none;
  const found = moduleExports(mod);
  const unsure = mod.open || mod.exports.some((e) => isModuleExport(e) === 'maybe');
  const first = found[0];
  if (found.length === 1 && first) return { entry: first, diagnostics: [] };
  if (first) {
    return {
      entry: null,
      diagnostics: [
        diag(
          file,
          first.nameRange,
          'RL026',
          `Ambiguous entry point: ${found.map((e) => e.name).join(', ')} are all module objects; ` +
            "apcore-typescript's resolveEntryPoint refuses the file and discovery skips it (export one, make it " +
            'the default export, or set entry_point in the meta file)',
          {
            related: found
              .slice(1)
              .map((e) => ({ file, range: e.nameRange, message: `${e.name} is also a module object` })),
          },
        ),
      ],
    };
  }
  if (unsure) return none;
  const classes = mod.exports.filter((e) => e.via === 'class').map((e) => e.name);
  const hint = classes.length
    ? `; ${classes.join(', ')} ${classes.length > 1 ? 'are classes' : 'is a class'}, which it picks only when ` +
      `the meta file's entry_point names ${classes.length > 1 ? 'one' : 'it'}`
    : '';
  return {
    entry: null,
    diagnostics: [
      diag(
        file,
        ZERO_RANGE,
        'RL026',
        'No module found: no export is an object with inputSchema, outputSchema, description and execute, so ' +
          `apcore-typescript's resolveEntryPoint finds none and discovery skips the file${hint}`,
      ),
    ],
  };
}

/** RL026 for a meta file's `entry_point` on a TypeScript or JavaScript subject: `loaded[className]` must exist. */
export function checkJsEntryPoint(
  doc: MetaDoc,
  subject: string,
  mod: JsModule,
): { entry: JsExport | null; diagnostics: Diagnostic[] } {
  const ep = doc.entryPoint;
  if (!ep) return { entry: null, diagnostics: [] };
  const entry = mod.exports.find((e) => e.name === ep.cls) ?? null;
  if (entry || mod.open) return { entry, diagnostics: [] };
  const names = mod.exports.map((e) => e.name);
  const fixes = entryPointFixes(
    doc.file,
    ep.clsRange,
    moduleExports(mod).map((e) => e.name),
    names,
    (n) => `Change the entry point to '${n}'`,
  );
  const exports = names.length ? ` (it exports ${names.join(', ')})` : ' (it exports nothing)';
  return {
    entry: null,
    diagnostics: [
      diag(
        doc.file,
        ep.range,
        'RL026',
        `Entry point '${ep.cls}' is not exported by ${subject}${exports}: apcore-typescript looks the name after ` +
          "the last ':' up among the module file's exports and skips the module",
        { fixes },
      ),
    ],
  };
}

/** What `validateModule` (validation.ts) misses on the registered export. */
function missing(e: JsExport): string[] {
  const out: string[] = [];
  for (const s of ['inputSchema', 'outputSchema']) {
    const k = e.members[s] ?? e.ctorMembers[s];
    if (memberIs(e, k, ['object']) === 'no') out.push(k === undefined || k === 'nullish' ? s : `an object ${s}`);
  }
  const d = e.members['description'];
  if (memberIs(e, d, ['string']) === 'no')
    out.push(d === 'empty' ? 'a non-empty description (it is empty)' : 'a description string');
  if (memberIs(e, e.members['execute'], ['function']) === 'no') out.push('an execute function');
  return out;
}

/** Stage 5: RL008 on the export when `validateModule` rejects it. */
export function validateJsModule(file: string, id: string, e: JsExport): Diagnostic[] {
  const lacks = missing(e);
  if (lacks.length === 0) return [];
  const cls =
    e.via === 'class' ? '; the class itself is what is registered, so its static members are what is checked' : '';
  return [
    diag(
      file,
      e.nameRange,
      'RL008',
      `Module '${id}' (export ${e.name}, ${e.via}) is missing ${lacks.join(', ')}: apcore-typescript's ` +
        `validateModule rejects it and discovery skips the module${cls}`,
    ),
  ];
}

/** The export in the shape the features read a module's class in (name, ranges, string fields, members). */
export function exportAsClass(e: JsExport): PyClass {
  const strAttrs: Record<string, string> = {};
  for (const k of ['description', 'name', 'version', 'documentation']) {
    const v = e.fields[k];
    if (typeof v === 'string') strAttrs[k] = v;
  }
  const kinds = Object.entries(e.members);
  return {
    name: e.name,
    nameRange: e.nameRange,
    range: e.range,
    bases: [],
    attributes: kinds.filter(([, k]) => k !== 'function').map(([n]) => n),
    strAttrs,
    methods: kinds.filter(([, k]) => k === 'function').map(([n]) => n),
    docstring: null,
  };
}

/** Stages 4–5 for TypeScript and JavaScript module files, as the scan gives them to the step model. */
export const JS_ENTRIES: JsEntryStages = {
  resolve: resolveJsEntry,
  check: checkJsEntryPoint,
  validate: validateJsModule,
  asClass: exportAsClass,
};
