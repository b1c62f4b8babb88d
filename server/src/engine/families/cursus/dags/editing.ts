// Editor features of DAG files: a node name (in `dag.nodes` or an edge) is a reference to the step it
// resolves to (resolve.ts): hover says which step and why, definition goes to the step's registry row,
// references and rename of the step reach every DAG node naming it (the step part of the name only:
// renaming `CradleDataLoading` makes `CradleDataLoading_training` `<new>_training`), and completion in a
// node string offers core's step names and the file's declared nodes.
import type { CompletionResult, HoverResult } from '../../../api';
import type { Location, Position, Range } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { fieldStr } from '../../../model/entries/source';
import { contains } from '../../../text/ranges';
import { LineIndex } from '../../../text/lineIndex';
import { spanAt } from '../../../text/positions';
import { mdCode, mdText } from '../../../render/escape';
import { stepPart, type DagQueries } from './resolve';
import type { DagDoc, NodeRef } from './read';

/** Every node name of a DAG: its declared nodes, then its edges' endpoints. */
export function refsOf(doc: DagDoc): NodeRef[] {
  return [...doc.nodes, ...doc.edges.flatMap((e) => [e.from, e.to])];
}

export function refAt(doc: DagDoc, pos: Position): NodeRef | null {
  return refsOf(doc).find((r) => contains(r.range, pos)) ?? null;
}

/** The step a position names, with the range of the name's step part. */
export function stepRefAt(doc: DagDoc, dags: DagQueries, pos: Position): { name: string; range: Range } | null {
  const ref = refAt(doc, pos);
  const hit = ref ? dags.resolve(ref.name) : null;
  return ref && hit ? { name: hit.step, range: stepPart(ref, hit.prefix) } : null;
}

interface Site {
  file: string;
  range: Range;
  inner: Range;
}

/** The places in one DAG that name a step. */
export function stepSites(file: string, doc: DagDoc, dags: DagQueries, step: string): Site[] {
  const out: Site[] = [];
  for (const ref of refsOf(doc)) {
    const hit = dags.resolve(ref.name);
    if (hit?.step === step) out.push({ file, range: ref.range, inner: stepPart(ref, hit.prefix) });
  }
  return out;
}

export function dagHover(doc: DagDoc, dags: DagQueries, model: RegistryModel, pos: Position): HoverResult | null {
  const ref = refAt(doc, pos);
  if (!ref) return null;
  const hit = dags.resolve(ref.name);
  if (!hit) {
    const why = 'no step of this name or of a prefix before a `_` (cursus reports it missing)';
    const markdown = `DAG node ${mdCode(ref.name)}: ${why}`;
    return { range: ref.range, markdown };
  }
  const entry = model.core.get(hit.step);
  const suffix = ref.name.slice(hit.prefix + 1);
  const fallback = "Resolved by cursus's suffix fallback (`step_catalog/naming.py` `resolve_base_step_name`)";
  const how = hit.prefix === ref.name.length ? '' : `\n\n${fallback}; job type ${mdCode(suffix)}.`;
  const description = entry ? fieldStr(entry, 'description') : null;
  const type = entry ? fieldStr(entry, 'sagemaker_step_type') : null;
  return {
    range: ref.range,
    markdown:
      `DAG node ${mdCode(ref.name)} → step **${mdText(hit.step)}**${type ? ` (${mdCode(type)})` : ''}${how}` +
      (description ? `\n\n${mdText(description)}` : ''),
  };
}

export function dagDefinition(doc: DagDoc, dags: DagQueries, model: RegistryModel, pos: Position): Location[] {
  const ref = refAt(doc, pos);
  const hit = ref ? dags.resolve(ref.name) : null;
  const entry = hit ? model.core.get(hit.step) : undefined;
  return entry ? [{ file: entry.file, range: entry.keyRange }] : [];
}

const IN_STRING = /"([\w-]*)$/;
const KEY_AFTER = /^[\w-]*"\s*:/;

/** Step names (and the file's declared nodes, for edges) inside a string value; null elsewhere. */
export function dagCompletion(
  text: string,
  pos: Position,
  steps: readonly string[],
  doc: DagDoc | null,
): CompletionResult[] | null {
  const line = new LineIndex(text).lineText(pos.line);
  const m = IN_STRING.exec(line.slice(0, pos.character));
  if (!m || KEY_AFTER.test(line.slice(pos.character))) return null;
  const range = spanAt(pos.line, pos.character - (m[1] ?? '').length, pos.line, pos.character);
  const nodes = new Set(doc?.nodes.map((n) => n.name) ?? []);
  return [
    ...[...nodes].map((label): CompletionResult => ({
      label,
      kind: 'value',
      detail: 'node',
      range,
      sortText: `0${label}`,
    })),
    ...steps
      .filter((s) => !nodes.has(s))
      .map((label): CompletionResult => ({ label, kind: 'step', detail: 'step', range, sortText: `1${label}` })),
  ];
}
