// Hover and completion in interface files: keys documented by the schema's descriptions, values from
// its enums, and from the model the step names of `compatible_sources`, the scripts of
// `contract.entry_point` and the config classes of `registry.config_class`. The cursor's key path is
// read from indentation, so a file mid-edit (not valid YAML) still completes.
import type { CompletionResult, HoverResult } from '../../../api';
import type { Position, Range, Settings } from '../../../types';
import { STEP_SETTINGS } from '../../../model/settings';
import type { Lit } from '../../../literal';
import type { RegistryModel } from '../../../model/entries/registry';
import { resolvableNames } from '../../../model/entries/resolve';
import { classCompletions } from '../../../model/features/classCompletion';
import { LineIndex } from '../../../text/lineIndex';
import { contains } from '../../../text/ranges';
import { INTERFACE_SCHEMA } from './schema';
import { typeName } from '../../../schema/walk';
import type { InterfaceDoc } from './interface';
import { mdCode, mdText } from '../../../render/escape';

/** The key under the cursor and its path, from the parsed document. */
export function keyAt(root: Lit | null, pos: Position): { path: string[]; range: Range } | null {
  const walk = (v: Lit, path: string[]): { path: string[]; range: Range } | null => {
    if (v.kind === 'list') {
      for (const [i, item] of v.items.entries()) if (contains(item.range, pos)) return walk(item, [...path, String(i)]);
      return null;
    }
    if (v.kind !== 'dict') return null;
    for (const e of v.entries) {
      if (e.key.kind !== 'str') continue;
      if (contains(e.key.range, pos)) return { path: [...path, e.key.value], range: e.key.range };
      if (contains(e.value.range, pos)) return walk(e.value, [...path, e.key.value]);
    }
    return null;
  };
  return root ? walk(root, []) : null;
}

export function interfaceHover(doc: InterfaceDoc, pos: Position): HoverResult | null {
  const k = keyAt(doc.root, pos);
  if (!k) return null;
  const key = k.path[k.path.length - 1] ?? '';
  const schema = INTERFACE_SCHEMA.resolve(INTERFACE_SCHEMA.at(k.path));
  const description = INTERFACE_SCHEMA.describe(k.path);
  if (!schema)
    return {
      range: k.range,
      markdown: `**${mdText(key)}** — not a key of the step interface schema (cursus ignores it)`,
    };
  const type = schema.type ? typeName(schema) : schema.anyOf ? 'mapping or empty' : 'any';
  return { range: k.range, markdown: `**${mdText(key)}**: ${mdCode(type ?? 'any')}\n\n${description ?? ''}`.trimEnd() };
}

export interface CompletionEnv {
  model: RegistryModel;
  settings: Settings;
  wsDir: string | null;
}

const LIST_ITEM = /^(\s*)-\s*([\w-]*)$/;
const FLOW_ITEM = /^(\s*)([\w-]+):\s*\[(?:[^\]]*,)?\s*([\w-]*)$/;
const VALUE = /^(\s*)(?:-\s+)?([\w-]+):\s+['"]?([\w.-]*)$/;
const KEY = /^(\s*)(\w*)$/;

export function interfaceCompletion(env: CompletionEnv, text: string, pos: Position): CompletionResult[] {
  const lines = new LineIndex(text);
  const before = lines.lineText(pos.line).slice(0, pos.character);
  const word = (len: number): Range => ({ start: { line: pos.line, character: pos.character - len }, end: pos });
  const flow = FLOW_ITEM.exec(before);
  if (flow) {
    const path = [...parentPath(lines, pos.line, (flow[1] ?? '').length), flow[2] ?? ''];
    return valuesFor(env, path, word((flow[3] ?? '').length), true);
  }
  const item = LIST_ITEM.exec(before);
  if (item)
    return valuesFor(env, parentPath(lines, pos.line, (item[1] ?? '').length + 1), word((item[2] ?? '').length), true);
  const value = VALUE.exec(before);
  if (value)
    return valuesFor(
      env,
      [...parentPath(lines, pos.line, (value[1] ?? '').length), value[2] ?? ''],
      word((value[3] ?? '').length),
      false,
    );
  const key = KEY.exec(before);
  if (!key) return [];
  const path = parentPath(lines, pos.line, (key[1] ?? '').length);
  const range = word((key[2] ?? '').length);
  return Object.entries(INTERFACE_SCHEMA.keysAt(path)).map(([k, s], i) => ({
    label: k,
    kind: 'key' as const,
    documentation: INTERFACE_SCHEMA.resolve(s)?.description ?? s.description,
    insertText: `${k}: `,
    range,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** Keys of the mappings that enclose a line at this indentation (list items count as index 0). */
function parentPath(lines: LineIndex, line: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let l = line - 1; l >= 0 && limit > 0; l--) {
    const m = /^(\s*)(-\s+)?([\w-]+):/.exec(lines.lineText(l));
    if (!m) continue;
    const at = (m[1] ?? '').length + (m[2] ?? '').length;
    if (at >= limit) continue;
    path.unshift(m[3] ?? '');
    if (m[2]) path.unshift('0');
    limit = (m[1] ?? '').length;
  }
  return path;
}

function valuesFor(env: CompletionEnv, path: string[], range: Range, listItem: boolean): CompletionResult[] {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  const simple = (labels: string[], kind: CompletionResult['kind'], detail?: string): CompletionResult[] =>
    [...new Set(labels)].sort().map((label) => ({ label, kind, range, ...(detail ? { detail } : {}) }));
  if (key === 'compatible_sources' && listItem)
    return simple(resolvableNames(env.model, env.wsDir, STEP_SETTINGS.of(env.settings).mode), 'step', 'step');
  if (listItem) return [];
  if (key === 'entry_point' && parent === 'contract') {
    const dirs = env.model.searchedDirs(env.wsDir, 'script');
    const scripts = env.model
      .componentFilesOf(env.wsDir, 'script')
      .filter((f) => dirs.some((d) => f.startsWith(d) && !f.slice(d.length).includes('/')))
      .map((f) => f.slice(f.lastIndexOf('/') + 1))
      .filter((f) => f !== '__init__.py');
    return simple(scripts, 'value', 'script');
  }
  if (key === 'config_class' && parent === 'registry')
    return classCompletions(env.model, env.wsDir, 'config', range, () => 'config class');
  if (key === 'sagemaker_step_type') return simple(STEP_SETTINGS.of(env.settings).sagemakerStepTypes, 'value');
  return simple(INTERFACE_SCHEMA.enumAt(path), 'value');
}
