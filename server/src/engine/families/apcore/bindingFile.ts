// An apcore binding file (`*.binding.yaml`) as apcore-python 0.19.0's `BindingLoader.load_bindings`
// reads it (`bindings.py:164-229`, schema modes `:302-390`): `bindings[]` of `{module_id, target, …}`,
// each registered under its `module_id`. Every structural problem the loader raises on is RL070 (an
// error: `BindingFileInvalidError` or a schema-mode error aborts the whole file, so none of its modules
// registers); a missing or unsupported `spec_version` is the warning the loader logs. Targets are checked
// against the repository by bindingTargets.ts. The rules of DECLARATIVE_CONFIG_SPEC v1.0 came with apcore-python
// 0.19.0 (commit f99e658): `spec_version`, one schema mode per entry, both explicit schemas, the `auto_schema`
// values. 0.18.0's loader (`bindings.py:84-108`, `:169-212`) reads no `spec_version` and picks the first mode of an
// if/elif chain — a truthy `auto_schema`, else `input_schema`/`output_schema` (a missing one `{}`), else
// `schema_ref`, else inference — so those are `specDiagnostics`, shown only when the project's release has them.
import type { Range } from '../../types';
import { dictEntry, keyText, type Lit } from '../../literal';
import { syntaxDiag } from '../../codes';
import { diag } from './codes';
import { ZERO_RANGE } from '../../text/ranges';
import { outsideErrorZones, parseYamlLit } from '../../yaml/yamlLit';
import type { BindingDoc } from '../../model/discovery/bindingDoc';

/** `bindings.py:50`. */
const SUPPORTED_SPEC_VERSIONS = ['1.0'];
/** `_AUTO_SCHEMA_VALID_STRINGS` of `bindings.py`. */
const AUTO_SCHEMA_STRINGS = ['permissive', 'strict', 'true'];

export function readBindingFile(file: string, text: string): BindingDoc {
  const facts = parseYamlLit(text, { pyyaml: true });
  const doc: BindingDoc = { file, items: [], diagnostics: [], specDiagnostics: [] };
  for (const e of facts.errors) doc.diagnostics.push(syntaxDiag(file, e));
  if (facts.errors.length === 0) readRoot(doc, facts.value);
  doc.diagnostics = outsideErrorZones(doc.diagnostics, facts.errorZones);
  doc.specDiagnostics = outsideErrorZones(doc.specDiagnostics, facts.errorZones);
  return doc;
}

function readRoot(doc: BindingDoc, root: Lit | null): void {
  const fail = (range: Range, reason: string): void => {
    doc.diagnostics.push(
      diag(
        doc.file,
        range,
        'RL070',
        `${reason}: apcore's BindingLoader raises BindingFileInvalidError, so no module of this file registers`,
      ),
    );
  };
  if (root === null || root.kind === 'none') return fail(ZERO_RANGE, 'The file is empty');
  if (root.kind !== 'dict') return fail(root.range, 'The top level must be a mapping');
  const spec = dictEntry(root, 'spec_version');
  const specValue =
    spec?.value.kind === 'str' ? spec.value.value : spec?.value.kind === 'num' ? String(spec.value.value) : null;
  if (!spec) {
    doc.specDiagnostics.push(
      diag(
        doc.file,
        root.entries[0]?.key.range ?? ZERO_RANGE,
        'RL070',
        "'spec_version' is missing: apcore defaults it to '1.0' with a warning (it becomes mandatory in spec 1.1)",
        { severity: 'warning' },
      ),
    );
  } else if (specValue === null || !SUPPORTED_SPEC_VERSIONS.includes(specValue)) {
    doc.specDiagnostics.push(
      diag(
        doc.file,
        spec.value.range,
        'RL070',
        `spec_version ${specValue === null ? 'is not a version' : `'${specValue}' is newer than supported`} ` +
          `(${SUPPORTED_SPEC_VERSIONS.join(', ')}): apcore proceeds best-effort with a warning`,
        { severity: 'warning' },
      ),
    );
  }
  const list = dictEntry(root, 'bindings');
  if (!list) return fail(root.entries[0]?.key.range ?? root.range, "Missing 'bindings' key");
  if (list.value.kind !== 'list') return fail(list.value.range, "'bindings' must be a list");
  for (const entry of list.value.items) {
    if (entry.kind !== 'dict') {
      fail(entry.range, 'Each binding entry must be a mapping');
      continue;
    }
    const str = (k: string): { value: string; range: Range; inner: Range } | null => {
      const v = dictEntry(entry, k)?.value;
      return v?.kind === 'str' ? { value: v.value, range: v.range, inner: v.inner } : null;
    };
    const has = (k: string): boolean => dictEntry(entry, k) !== undefined;
    if (!has('module_id')) fail(entry.range, "Binding entry missing 'module_id'");
    else if (!has('target')) fail(entry.range, "Binding entry missing 'target'");
    const moduleId = str('module_id');
    const complete = has('module_id') && has('target');
    // The loader reads `schema_ref` only after the modes are checked.
    const modesOk = complete && checkSchemaModes(doc, entry, moduleId?.value ?? '?');
    doc.items.push({ moduleId, target: str('target'), schemaRef: modesOk ? str('schema_ref') : null });
  }
}

/** `_resolve_schema` (`bindings.py:302-390`): one schema mode per binding, each complete; false after an error. */
function checkSchemaModes(doc: BindingDoc, entry: Extract<Lit, { kind: 'dict' }>, id: string): boolean {
  const at = (k: string): Range | undefined => entry.entries.find((e) => keyText(e) === k)?.key.range;
  const modes = [
    at('auto_schema') && 'auto_schema',
    (at('input_schema') ?? at('output_schema')) && 'input_schema/output_schema',
    at('schema_ref') && 'schema_ref',
  ].filter((m): m is string => typeof m === 'string');
  const error = (range: Range, message: string): false => {
    doc.specDiagnostics.push(diag(doc.file, range, 'RL070', message));
    return false;
  };
  if (modes.length > 1) {
    return error(
      at('schema_ref') ?? at('input_schema') ?? at('output_schema') ?? entry.range,
      `Binding '${id}' lists several schema modes (${modes.join(', ')}): apcore raises ` +
        'BindingSchemaModeConflictError, so no module of this file registers',
    );
  }
  const one = at('input_schema') ?? at('output_schema');
  if (one && (!at('input_schema') || !at('output_schema'))) {
    return error(
      one,
      `Binding '${id}': explicit schema mode requires both 'input_schema' and 'output_schema'; apcore raises ` +
        'BindingFileInvalidError, so no module of this file registers',
    );
  }
  const auto = dictEntry(entry, 'auto_schema')?.value;
  if (!auto) return true;
  const valid =
    auto.kind === 'bool' || auto.kind === 'none' || (auto.kind === 'str' && AUTO_SCHEMA_STRINGS.includes(auto.value));
  if (!valid)
    return error(
      auto.range,
      `Binding '${id}': auto_schema must be a boolean or one of ` +
        `${AUTO_SCHEMA_STRINGS.map((s) => `'${s}'`).join(', ')}; apcore raises BindingFileInvalidError, so no ` +
        'module of this file registers',
    );
  if (auto.kind === 'none' || (auto.kind === 'bool' && !auto.value)) {
    return error(
      auto.range,
      `Binding '${id}': auto_schema is explicitly ${auto.kind === 'none' ? 'null' : 'false'} and no other schema ` +
        'is given; apcore raises BindingSchemaInferenceFailedError, so no module of this file registers',
    );
  }
  return true;
}
