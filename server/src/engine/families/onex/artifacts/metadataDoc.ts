// Reads one artifact metadata file (`node.onex.yaml`, `cli_tool.yaml`, …) on its own: name, version,
// entrypoint with their ranges, unrendered `{NODE_NAME}` placeholders, what makes the loaders mark the
// version invalid (not one mapping, no name/version/schema_version: RL041, decided with the `.wip`
// marker by the registry's checks), and schema violations (RL020; placeholders are not re-reported).
import type { Diagnostic, Range } from '../../../types';
import { diag } from './codes';
import { dictEntry, type Lit } from '../../../literal';
import { parseYamlDocs } from '../../../yaml/yamlLit';
import { comparePos } from '../../../text/ranges';
import type { ArtifactList } from './kinds';
import { SCHEMA_OF_LIST, validateOnex } from './schemas';
import type { StrAt } from './registryDoc';

export interface Entrypoint {
  target: string;
  range: Range;
  inner: Range;
  form: 'object' | 'uri' | 'plain';
}
export interface Placeholder {
  key: string;
  text: string;
  range: Range;
}

export interface MetadataDoc {
  file: string;
  list: ArtifactList;
  root: Lit | null;
  name: StrAt | null;
  version: StrAt | null;
  /** Range of the `name` value whatever it is (a placeholder mapping included). */
  nameRange: Range | null;
  entrypoint: Entrypoint | null;
  placeholders: Placeholder[];
  /** Why the loaders would mark the version invalid (unless it is work in progress). */
  invalid: { range: Range; message: string }[];
  description: string | null;
  lifecycle: string | null;
}

const REQUIRED = ['name', 'version', 'schema_version'] as const;
const PLACEHOLDER_KEY = /^[A-Z][A-Z0-9_]*$/;
const PLACEHOLDER_IN_TEXT = /\{[A-Z][A-Z0-9_]*\}/;
const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function readMetadata(
  file: string,
  list: ArtifactList,
  text: string,
): { doc: MetadataDoc; local: Diagnostic[] } {
  const docs = parseYamlDocs(text);
  const local: Diagnostic[] = [];
  for (const d of docs) for (const e of d.errors) local.push(diag(file, e.range, 'RL030', e.message));
  const first = docs.find((d) => d.value !== null) ?? docs[0];
  const root = first?.value ?? null;
  const doc: MetadataDoc = {
    file,
    list,
    root,
    name: null,
    version: null,
    nameRange: null,
    entrypoint: null,
    placeholders: [],
    invalid: [],
    description: null,
    lifecycle: null,
  };
  const contentDocs = docs.filter((d) => d.value !== null);
  if (contentDocs.length > 1) {
    doc.invalid.push({
      range: contentDocs[1]?.marker ?? START,
      message:
        `${contentDocs.length} YAML documents: ` +
        'the loaders read metadata with yaml.safe_load, which fails on more than one',
    });
  }
  if (root?.kind !== 'dict') {
    if (local.length === 0)
      doc.invalid.push({
        range: root?.range ?? START,
        message: 'The metadata is not a YAML mapping: the loaders mark the version invalid',
      });
    return { doc, local };
  }
  doc.placeholders = placeholdersOf(root);
  const text1 = (k: string): StrAt | null => {
    const v = dictEntry(root, k)?.value;
    return v?.kind === 'str' ? { value: v.value, range: v.range, inner: v.inner } : null;
  };
  doc.name = text1('name');
  doc.version = text1('version');
  doc.nameRange = dictEntry(root, 'name')?.value.range ?? null;
  doc.description = text1('description')?.value ?? null;
  doc.lifecycle = text1('lifecycle')?.value ?? null;
  doc.entrypoint = entrypointOf(dictEntry(root, 'entrypoint')?.value);
  const missing = REQUIRED.filter((k) => !dictEntry(root, k));
  if (missing.length > 0) {
    const firstKey = root.entries[0]?.key.range ?? root.range;
    doc.invalid.push({
      range: firstKey,
      message:
        `No ${missing.map((k) => `'${k}'`).join(', ')}: ` +
        'both registry loaders require name, version and schema_version and mark this version invalid',
    });
  }
  const inPlaceholder = (r: Range): boolean =>
    doc.placeholders.some((p) => comparePos(p.range.start, r.start) <= 0 && comparePos(r.end, p.range.end) <= 0);
  for (const p of validateOnex(SCHEMA_OF_LIST[list], root))
    if (!inPlaceholder(p.range)) local.push(diag(file, p.range, 'RL020', p.message));
  return { doc, local };
}

/** `{type, target}`, `python://target` or a plain file name. */
function entrypointOf(v: Lit | undefined): Entrypoint | null {
  if (v?.kind === 'dict') {
    const t = dictEntry(v, 'target')?.value;
    return t?.kind === 'str' ? { target: t.value, range: t.range, inner: t.inner, form: 'object' } : null;
  }
  if (v?.kind !== 'str') return null;
  const uri = /^[a-z]+:\/\//.exec(v.value);
  return {
    target: uri ? v.value.slice(uri[0].length) : v.value,
    range: v.range,
    inner: v.inner,
    form: uri ? 'uri' : 'plain',
  };
}

/** Unrendered template placeholders: `name: {NODE_NAME}` (a flow mapping to YAML) and `{NODE_NAME}` inside strings. */
function placeholdersOf(root: Lit): Placeholder[] {
  const out: Placeholder[] = [];
  const visit = (key: string, v: Lit, depth: number): void => {
    if (depth > 16) return;
    if (v.kind === 'dict') {
      const only = v.entries.length === 1 ? v.entries[0] : undefined;
      if (only && only.key.kind === 'str' && PLACEHOLDER_KEY.test(only.key.value) && only.value.kind === 'none') {
        out.push({ key, text: `{${only.key.value}}`, range: v.range });
        return;
      }
      for (const e of v.entries) if (e.key.kind === 'str') visit(e.key.value, e.value, depth + 1);
    } else if (v.kind === 'list') {
      for (const i of v.items) visit(key, i, depth + 1);
    } else if (v.kind === 'str') {
      const m = PLACEHOLDER_IN_TEXT.exec(v.value);
      if (m) out.push({ key, text: m[0], range: v.range });
    }
  };
  visit('', root, 0);
  return out;
}
