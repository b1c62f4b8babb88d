// Completion inside registry dicts (SPEC §6): field names (and a full-entry snippet), values of
// sagemaker_step_type and conflict_resolution_strategy, classes from the class index for
// builder_step_name/config_class (the workspace's own first), and core step names as STEP_OVERRIDES keys; meta files
// have their own.
// Values are offered wherever a value goes — also in an entry that already has every field, before the
// opening quote (the quotes are inserted), and in a YAML core registry (`field: va`).
import type { CompletionResult } from '../../api';
import type { Position, Range } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { LineIndex } from '../../text/lineIndex';
import { contains } from '../../text/ranges';
import { STEP_FIELDS, STRATEGIES } from '../entries/fields';
import { fieldStr } from '../entries/source';
import { wsDirFor } from './locate';
import { metaCompletion } from './metaCompletion';
import { classCompletions } from './classCompletion';
import { mdLines } from '../../render/escape';

const VALUE_CONTEXT = /["']([A-Z_]+)["']\s*:\s*["']([^"']*)$/i;
const VALUE_UNQUOTED = /["']([A-Z_]+)["']\s*:\s*([A-Z_]*)$/i;
const YAML_VALUE = /^\s*([A-Z_]+):\s*["']?([^"'#\s]*)$/i;
const KEY_IN_QUOTES = /(?:^|[{,])\s*["']([\w -]*)$/;
const KEY_BARE = /(?:^|[{,])\s*([A-Z_]*)$/i;

export function completion(ws: StepWorkspace, file: string, pos: Position): CompletionResult[] {
  if (ws.metaDoc(file)) return metaCompletion(ws, file, pos);
  const text = ws.text(file);
  const src = ws.source(file);
  if (text === undefined || !src) return [];
  const before = new LineIndex(text).lineText(pos.line).slice(0, pos.character);
  const wordRange = (len: number): Range => ({ start: { line: pos.line, character: pos.character - len }, end: pos });
  const wsDir = wsDirFor(ws, file);
  const entry = src.entries.find(
    (e) => e.value.kind === 'dict' && contains(e.value.range, pos) && !contains(e.keyRange, pos),
  );
  const value = VALUE_CONTEXT.exec(before);
  if (value && entry) return valueCompletions(ws, wsDir, value[1] ?? '', wordRange((value[2] ?? '').length));
  if (entry && /\.ya?ml$/.test(file)) {
    const y = YAML_VALUE.exec(before);
    if (y) return valueCompletions(ws, wsDir, y[1] ?? '', wordRange((y[2] ?? '').length));
  }
  const unquoted = VALUE_UNQUOTED.exec(before);
  if (unquoted && entry) {
    return valueCompletions(ws, wsDir, unquoted[1] ?? '', wordRange((unquoted[2] ?? '').length)).map((c) => ({
      ...c,
      insertText: `"${c.label}"`,
    }));
  }
  const quoted = KEY_IN_QUOTES.exec(before);
  const bare = quoted ? null : KEY_BARE.exec(before);
  if (!quoted && !bare) return [];
  const typed = quoted ? (quoted[1] ?? '') : (bare?.[1] ?? '');
  const inQuotes = !!quoted;
  const range = wordRange(typed.length);
  if (entry) {
    return Object.entries(STEP_FIELDS)
      .filter(([f]) => !entry.fields.has(f))
      .map(([f, spec], i) => ({
        label: f,
        kind: 'field' as const,
        detail: spec.type,
        documentation: spec.doc,
        range,
        sortText: String(i).padStart(3, '0'),
        insertText: inQuotes
          ? f
          : `"${f}": ${spec.type === 'str' ? '"$1"' : spec.type === 'int' ? '${1:100}' : '["$1"]'},`,
        snippet: !inQuotes,
      }));
  }
  const variable = src.vars.find((v) => contains(v.value.range, pos));
  if (!variable) return [];
  if (variable.name === 'STEP_OVERRIDES') {
    const overridden = new Set(src.entries.filter((e) => e.layer === 'override').map((e) => e.name));
    return [...ws.model.core.values()]
      .filter((e) => !overridden.has(e.name))
      .map((e) => {
        const description = fieldStr(e, 'description');
        return {
          label: e.name,
          kind: 'step' as const,
          detail: `override core step (${fieldStr(e, 'sagemaker_step_type') ?? '?'})`,
          // documentation is markdown: the description is shown as the text it is
          documentation: description === null ? undefined : mdLines(description),
          range,
          snippet: !inQuotes,
          insertText: inQuotes
            ? e.name
            : `"${snippetText(e.name)}": {\n` +
              `\t"sagemaker_step_type": "${snippetText(fieldStr(e, 'sagemaker_step_type') ?? '')}",\n` +
              '\t"builder_step_name": "${1:' +
              `${snippetText(fieldStr(e, 'builder_step_name') ?? `${e.name}StepBuilder`)}}",\n` +
              `\t"description": "\${2:${snippetText(description ?? '')}}",\n},`,
        };
      });
  }
  if (inQuotes) return [];
  return [
    {
      label: 'new step entry',
      kind: 'snippet',
      detail: 'A complete step definition',
      range,
      snippet: true,
      insertText:
        '"${1:StepName}": {\n\t"config_class": "${1}Config",\n\t"builder_step_name": "${1}StepBuilder",\n' +
        '\t"spec_type": "${1}",\n' +
        '\t"sagemaker_step_type": "${2|Processing,Training,Transform,CreateModel,RegisterModel,Lambda|}",\n' +
        '\t"description": "$3",\n},',
    },
  ];
}

/**
 * Registry text inside a snippet stays text: `$`, `}` and `\\` escaped (a description holding `$CLIPBOARD` would paste
 * the clipboard).
 */
function snippetText(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function valueCompletions(ws: StepWorkspace, wsDir: string | null, field: string, range: Range): CompletionResult[] {
  const simple = (values: string[]): CompletionResult[] =>
    values.map((v) => ({ label: v, kind: 'value' as const, range }));
  if (field === 'sagemaker_step_type') return simple(ws.stepSettings.sagemakerStepTypes);
  if (field === 'conflict_resolution_strategy') return simple(STRATEGIES);
  if (field === 'builder_step_name' || field === 'config_class') {
    const kind = field === 'builder_step_name' ? 'builder' : 'config';
    return classCompletions(ws.model, wsDir, kind, range, (c) => c.file);
  }
  if (field === 'spec_type')
    return ws
      .stepNames(wsDir ? (ws.contextIdOf(wsDir) ?? undefined) : undefined)
      .map((n) => ({ label: n, kind: 'step' as const, range }));
  return [];
}
