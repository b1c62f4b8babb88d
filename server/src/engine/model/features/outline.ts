// Document symbols (registries with their steps, a meta file's keys and dependencies, as an outline),
// workspace symbols (every entry, modules included) and code lenses ("overrides core",
// "shadowed in N workspaces", "also defined in N workspaces", "N dependents" — on a module's class too).
import type { CodeLensResult, DocumentSymbolResult, WorkspaceSymbolResult } from '../../api';
import type { StepWorkspace } from '../stepWorkspace';
import { sourceOf } from '../entries/resolve';
import { fieldStr, type StepEntry } from '../entries/source';
import { entryLocation } from './navigation';
import { subsequence } from '../../util/editDistance';

export function documentSymbols(ws: StepWorkspace, file: string): DocumentSymbolResult[] {
  const src = ws.source(file);
  const meta = ws.metaDoc(file);
  if (meta) {
    return [...meta.fields].map(([k, f]) => ({
      name: k,
      kind: 'field' as const,
      range: { start: f.keyRange.start, end: f.value.range.end },
      selectionRange: f.keyRange,
      children:
        k === 'dependencies'
          ? meta.deps.map((d) => ({
              name: d.moduleId,
              kind: 'module' as const,
              range: d.item,
              selectionRange: d.range,
              detail: d.optional ? 'optional' : undefined,
              children: [],
            }))
          : [],
    }));
  }
  if (!src) {
    return ws.classesOf(file).map((c) => ({
      name: c.name,
      kind: 'class' as const,
      range: c.range,
      selectionRange: c.nameRange,
      children: [],
    }));
  }
  const registries = src.vars.map((v) => {
    const n = src.entries.filter((e) => e.variable === v.name).length;
    return {
      name: v.name,
      kind: 'registry' as const,
      range: v.range,
      selectionRange: v.nameRange,
      detail: `${n} step${n === 1 ? '' : 's'}`,
      children: src.entries.filter((e) => e.variable === v.name).map(stepSymbol),
    };
  });
  // A source whose entry is not a registry variable's (an interface file: one step) lists the step itself.
  return [...registries, ...src.entries.filter((e) => !src.vars.some((v) => v.name === e.variable)).map(stepSymbol)];
}

function stepSymbol(e: StepEntry): DocumentSymbolResult {
  // derived fields have no key of their own
  const written = [...e.fields].filter(([, f]) => show(f.keyRange) !== show(e.keyRange));
  return {
    name: e.name,
    kind: 'step',
    range: e.range,
    selectionRange: e.keyRange,
    detail: fieldStr(e, 'sagemaker_step_type') ?? undefined,
    children: written.map(([k, f]) => ({
      name: k,
      kind: 'field' as const,
      range: { start: f.keyRange.start, end: f.value.range.end },
      selectionRange: f.keyRange,
      children: [],
    })),
  };
}

const show = (r: { start: { line: number; character: number } }): string => `${r.start.line}:${r.start.character}`;

export function workspaceSymbols(ws: StepWorkspace, query: string): WorkspaceSymbolResult[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbolResult[] = [];
  const all: StepEntry[] = [...ws.model.core.values()];
  for (const w of ws.model.sortedWorkspaces()) all.push(...w.local.values(), ...w.overrides.values());
  all.push(...ws.model.modules.values());
  for (const e of all) {
    if (q && !subsequence(q, e.name.toLowerCase())) continue;
    out.push({
      name: e.name,
      kind: e.layer === 'module' ? 'module' : 'step',
      location: entryLocation(ws, e),
      containerName: sourceOf(ws.model, e),
    });
    if (out.length >= 1000) break;
  }
  return out;
}

export function codeLenses(ws: StepWorkspace, file: string): CodeLensResult[] {
  const src = ws.source(file);
  if (!src) return moduleLenses(ws, file);
  const out: CodeLensResult[] = [];
  const context = ws.contextOf(file);
  let flow: { from: string; to: string }[] | null = null;
  for (const e of src.entries) {
    const parts: string[] = [];
    if (e.layer === 'core') {
      const over = [...ws.model.workspaces.values()].filter((w) => w.overrides.has(e.name)).length;
      const shadow = [...ws.model.workspaces.values()].filter((w) => w.local.has(e.name)).length;
      if (over) parts.push(`overridden in ${over} workspace${over > 1 ? 's' : ''}`);
      if (shadow) parts.push(`shadowed in ${shadow} workspace${shadow > 1 ? 's' : ''}`);
    } else if (e.layer === 'override') {
      if (ws.model.core.has(e.name)) parts.push('overrides core');
    } else {
      if (ws.model.core.has(e.name)) parts.push('shadows core');
      const others = (ws.model.localNames.get(e.name)?.size ?? 1) - 1;
      if (others > 0) parts.push(`also defined in ${others} other workspace${others > 1 ? 's' : ''}`);
    }
    const dependents = dependentCount(ws, e.name);
    if (dependents) parts.push(`${dependents} dependent${dependents > 1 ? 's' : ''}`);
    if (e.synthesized) {
      flow ??= ws.allFeatures().flatMap(({ features, q }) => features.flowEdges?.(ws.dirOfContext(context), q) ?? []);
      const consumers = new Set(flow.filter((f) => f.from === e.name).map((f) => f.to)).size;
      const producers = new Set(flow.filter((f) => f.to === e.name).map((f) => f.from)).size;
      parts.push(
        `${consumers} consumer${consumers === 1 ? '' : 's'}`,
        `${producers} producer${producers === 1 ? '' : 's'}`,
      );
    }
    if (parts.length)
      out.push({ range: e.keyRange, title: parts.join(' · '), command: { name: 'explain', args: [e.name, context] } });
  }
  return out;
}

/** A module's lens, on its class: how many entries depend on it. */
function moduleLenses(ws: StepWorkspace, file: string): CodeLensResult[] {
  const mod = ws.scan.moduleOf(file);
  const entry = mod ? ws.model.modules.get(mod.id) : undefined;
  const cls = entry?.file === file ? ws.pipeline.entryClassOf(file) : null;
  if (!mod || !cls || cls.file !== file) return [];
  const n = dependentCount(ws, mod.id);
  return n
    ? [
        {
          range: cls.cls.nameRange,
          title: `${n} dependent${n > 1 ? 's' : ''}`,
          command: { name: 'explain', args: [mod.id, ws.contextOf(file)] },
        },
      ]
    : [];
}

function dependentCount(ws: StepWorkspace, name: string): number {
  return ws.pipeline.dependentsOf(name).filter((m) => ws.pipeline.edgesOf(m).some((x) => x.to === name)).length;
}
