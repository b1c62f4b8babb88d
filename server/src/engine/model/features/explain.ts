// Explain Resolution (SPEC §3.6): every layer consulted, the winner and why, what it shadows, the
// deciding strategy (§3.3), legacy/derived rows, component locations, and the companion metadata —
// merged fields (YAML wins), each dependency and how it resolved, the dependents — as plain data.
import { bareObject } from '../../util/configData';
import type {
  ComponentHit,
  ComponentKind,
  Dependent,
  ExplainQuery,
  Explanation,
  ExplainSection,
  SourcedLocation,
} from '../../api';
import { MAX_RELATED } from '../../checks/limits';
import { CORE, type ResolutionMode, type Settings, type Strategy } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { definitionLayers, layersFor, resolveName, sourceOf, type ResolutionLayer } from '../entries/resolve';
import { fieldStr, type StepEntry } from '../entries/source';
import type { RegistryModel } from '../entries/registry';
import { closest } from '../../util/editDistance';
import { ZERO_RANGE } from '../../text/ranges';
import { componentFileFor } from '../checks/components';
import {
  builderOf,
  discoversBuilderFiles,
  interfaceDirs,
  rowClass,
  synthesizedFrom,
  SYNTHESIS_BASE,
} from '../entries/rowClasses';
import type { ClassDef } from '../entries/registry';
import { isComponentExempt } from '../entries/fields';
import { codeFields, mergeFields } from '../discovery/mergedFields';
import { entryLocation } from './navigation';
import type { BindingItem } from '../discovery/bindingDoc';

const KINDS: ComponentKind[] = ['builder', 'config', 'spec', 'contract', 'script'];

interface Candidate {
  entry: StepEntry;
  layer: ResolutionLayer;
}

export function explain(ws: StepWorkspace, q: ExplainQuery): Explanation {
  const model = ws.model;
  const context = q.context ?? CORE;
  const mode = q.mode ?? ws.stepSettings.mode;
  const wsDir = ws.dirOfContext(context);
  const layers = layersFor(model, wsDir, mode);
  const candidates: Candidate[] = [];
  const trace = layers.map((layer) => {
    const entry = layer.entries.get(q.step);
    if (entry) candidates.push({ entry, layer });
    return {
      layer: layer.label,
      hit: !!entry,
      file: entry?.file ?? layer.file,
      range: entry ? entryLocation(ws, entry).range : null,
    };
  });
  const unknownContext = context !== CORE && !wsDir;
  const base: Explanation = {
    step: q.step,
    context,
    mode,
    found: false,
    winner: null,
    trace,
    shadowed: [],
    conflicts: [],
    strategy: null,
    legacy: null,
    derived: [],
    components: emptyComponents(),
    searched: emptySearched(model, wsDir),
    dependencies: [],
    dependents: [],
    suggestions: [],
    summary: '',
  };
  base.conflicts = model
    .definitions(q.step)
    .filter((e) => e.wsDir && e.wsDir !== wsDir)
    .map((e) => located(ws, e));
  const hasPrefs = !!q.framework || (q.environmentTags?.length ?? 0) > 0;
  if (hasPrefs && !unknownContext) {
    candidates.length = 0;
    for (const layer of definitionLayers(model, wsDir, q.step))
      candidates.push({ entry: layer.entries.get(q.step) as StepEntry, layer });
  }
  const bound = unknownContext || candidates.length > 0 ? null : ws.bindingOf(q.step);
  if (bound) return boundModule(ws, base, bound, wsDir, mode);
  if (unknownContext || candidates.length === 0) {
    base.suggestions = closest(q.step, ws.stepNames(unknownContext ? CORE : context, mode), 5);
    base.summary = unknownContext
      ? `Unknown context '${context}' (known: ${ws
          .contextInfos()
          .map((c) => c.id)
          .join(', ')})`
      : `Step '${q.step}' not found (workspace: ${context})`;
    return base;
  }
  const decided = decide(candidates, { ...q, mode }, hasPrefs);
  const winner = decided.winner.entry;
  const isModule = winner.layer === 'module';
  const entryClass = isModule ? ws.pipeline.entryClassOf(winner.file) : null;
  const code = codeFields(winner, entryClass?.cls ?? null, entryClass?.code);
  const companions = ws.pipeline.companionsOf(winner);
  const primary = companions[0] ?? null;
  const metaDoc = primary ? ws.metaDoc(primary) : null;
  // A module's fields are what its SDK registers: its code attributes and companion, merged as the SDK merges them.
  // The member that scans modules merges a module's code with its companion (member.ts `DiscoveryRules.registered`).
  const registered = entryClass
    ? ws.discovery.registered((p) => ws.text(p), entryClass.file, entryClass.cls, entryClass.code, metaDoc)
    : null;
  const merged = registered ? registered.merge : mergeFields(code, metaDoc);
  const explanation: Explanation = {
    ...base,
    found: true,
    winner: { ...located(ws, winner), fields: merged.fields },
    shadowed: candidates
      .filter((c) => c !== decided.winner && (!c.entry.wsDir || c.entry.wsDir === wsDir || mode === 'hybrid'))
      .map((c) => located(ws, c.entry)),
    strategy: decided.strategy,
    legacy: isModule ? null : (winner.legacy ?? toLegacy(code)),
    derived: derivedRows(winner),
    components: isModule ? emptyComponents() : components(ws, wsDir, winner),
    searched: searchedFor(model, wsDir, winner, ws.settings, base.searched),
    dependencies: primary ? dependencies(ws, primary) : [],
    dependents: dependents(ws, wsDir, mode, q.step),
    meta: primary
      ? {
          file: primary,
          fromMeta: merged.fromMeta,
          ignored: companions.slice(1),
          boundBy: ws.pipeline.bindingOf(primary)?.rule ?? null,
        }
      : null,
    module: isModule
      ? {
          root: winner.variable,
          entryClass: entryClass
            ? { class: entryClass.cls.name, file: entryClass.file, range: entryClass.cls.nameRange }
            : null,
        }
      : null,
    sections: [
      ...(registered ? [registered.section] : []),
      ...repeatedIdSection(ws, winner.wsDir),
      ...ws
        .allFeatures()
        .flatMap(({ features, q: queries }) => features.explainSections?.(winner.name, wsDir, queries) ?? []),
    ],
  };
  explanation.summary = `'${q.step}' resolves to ${sourceOf(model, winner)} in context '${context}' (${mode})`;
  return explanation;
}

/**
 * A module only a binding file registers: the registry lists it once the application passes that file to
 * `BindingLoader.load_bindings` (it is no entry of discovery, which never loads binding files).
 */
function boundModule(
  ws: StepWorkspace,
  base: Explanation,
  bound: { file: string; item: BindingItem },
  wsDir: string | null,
  mode: ResolutionMode,
): Explanation {
  const { moduleId, target } = bound.item;
  const range = moduleId?.range ?? ZERO_RANGE;
  const fields = bareObject<unknown>();
  fields['module_id'] = base.step;
  if (target) fields['target'] = target.value;
  return {
    ...base,
    found: true,
    winner: { source: 'binding file', file: bound.file, range, fields },
    hasComponents: false,
    dependents: dependents(ws, wsDir, mode, base.step),
    sections: [
      {
        title: 'Binding',
        rows: [
          {
            label: 'loaded by',
            text: 'BindingLoader.load_bindings, when the application calls it',
            file: bound.file,
            range,
          },
          ...(target ? [{ label: 'target', text: target.value, file: bound.file, range: target.range }] : []),
        ],
      },
    ],
    summary: `'${base.step}' is registered by the binding file ${bound.file}, which discover() never loads`,
  };
}

function decide(
  candidates: Candidate[],
  q: ExplainQuery,
  hasPrefs: boolean,
): { winner: Candidate; strategy: { name: Strategy; reason: string } | null } {
  const first = candidates[0] as Candidate;
  if (candidates.length === 1) return { winner: first, strategy: null };
  if (!hasPrefs) {
    return {
      winner: first,
      strategy: {
        name: 'workspace_priority',
        reason: `${first.layer.label} is consulted before ${candidates
          .slice(1)
          .map((c) => c.layer.label)
          .join(', ')} in ${q.mode} mode`,
      },
    };
  }
  const own = candidates.filter((c) => c.layer.own && c.layer.wsDir);
  if (own.length > 0) {
    const w = own[0] as Candidate;
    return {
      winner: w,
      strategy: { name: 'workspace_priority', reason: `the context's own workspace defines it (${w.layer.label})` },
    };
  }
  if (q.framework) {
    const m = candidates.filter((c) => fieldStr(c.entry, 'framework') === q.framework);
    if (m.length === 1)
      return {
        winner: m[0] as Candidate,
        strategy: {
          name: 'framework_match',
          reason: `only ${(m[0] as Candidate).layer.label} has framework '${q.framework}'`,
        },
      };
  }
  const env = q.environmentTags ?? [];
  if (env.length > 0) {
    const m = candidates.filter((c) => {
      const tags = listField(c.entry, 'environment_tags');
      return tags.length === 0 || tags.some((t) => env.includes(t));
    });
    if (m.length === 1)
      return {
        winner: m[0] as Candidate,
        strategy: {
          name: 'environment_match',
          reason: `only ${(m[0] as Candidate).layer.label} is compatible with environment ${env.join(', ')}`,
        },
      };
  }
  const sorted = [...candidates].sort(
    (a, b) =>
      priority(a.entry) - priority(b.entry) || tieBreak(a) - tieBreak(b) || a.layer.label.localeCompare(b.layer.label),
  );
  const w = sorted[0] as Candidate;
  return {
    winner: w,
    strategy: {
      name: 'priority_based',
      reason: `${w.layer.label} has the lowest priority (${priority(w.entry)}); ties go to core, then workspace id`,
    },
  };
}

function priority(e: StepEntry): number {
  const v = e.fields.get('priority')?.value;
  return v?.kind === 'num' ? v.value : 100;
}
function tieBreak(c: Candidate): number {
  return c.layer.source === 'core' ? 0 : 1;
}

function listField(e: StepEntry, field: string): string[] {
  const v = e.fields.get(field)?.value;
  return v?.kind === 'list' ? v.items.flatMap((i) => (i.kind === 'str' ? [i.value] : [])) : [];
}

/** Where an entry is defined (a module's class or export, see `entryLocation`), with its source. */
export function located(ws: StepWorkspace, e: StepEntry): SourcedLocation {
  return { source: sourceOf(ws.model, e), ...entryLocation(ws, e) };
}

/** Seed 001 `to_legacy_format`: the STEP_NAMES shape of a definition. */
function toLegacy(fields: Record<string, unknown>): Record<string, unknown> {
  const order = [
    'config_class',
    'builder_step_name',
    'spec_type',
    'sagemaker_step_type',
    'description',
    'framework',
    'job_types',
  ];
  const out = bareObject<unknown>();
  for (const k of order) if (fields[k] !== undefined && fields[k] !== null && fields[k] !== '') out[k] = fields[k];
  for (const [k, v] of Object.entries(fields)) if (!(k in out)) out[k] = v;
  return out;
}

function derivedRows(e: StepEntry): Explanation['derived'] {
  const rows: Explanation['derived'] = [];
  const cfg = fieldStr(e, 'config_class');
  const builder = fieldStr(e, 'builder_step_name');
  const spec = fieldStr(e, 'spec_type');
  if (cfg) rows.push({ registry: 'CONFIG_STEP_REGISTRY', key: cfg, value: e.name });
  if (builder) rows.push({ registry: 'BUILDER_STEP_NAMES', key: e.name, value: builder });
  if (spec) rows.push({ registry: 'SPEC_STEP_TYPES', key: e.name, value: spec });
  return rows;
}

function components(ws: StepWorkspace, wsDir: string | null, e: StepEntry): Record<ComponentKind, ComponentHit | null> {
  const out = emptyComponents();
  const model = ws.model;
  const builder = builderOf(model, e, ws.settings);
  out.builder =
    builder === null
      ? null
      : builder.synthesized
        ? {
            class: builder.name,
            file: builder.iface.file,
            range: builder.iface.keyRange,
            synthesized: { base: SYNTHESIS_BASE, by: model.builderDiscovery()?.file ?? null },
          }
        : hitOf(builder.def);
  const config = rowClass(model, e, 'config', ws.settings);
  out.config = config ? hitOf(config) : null;
  const names = (): Iterable<string> => ws.stepNames(wsDir ? (ws.contextIdOf(wsDir) ?? undefined) : CORE, 'isolated');
  for (const kind of ['spec', 'contract', 'script'] as const) {
    const file = componentFileFor(model, wsDir, kind, e.name, names);
    if (!file) continue;
    // A script is a module, not a class: naming its first class would name an arbitrary one.
    const cls = kind === 'script' ? undefined : ws.classesOf(file)[0];
    out[kind] = { class: cls?.name ?? null, file, range: cls?.nameRange ?? ZERO_RANGE };
  }
  // An interface step's spec and contract are sections of its interface.
  const iface = synthesizedFrom(model, e);
  if (iface)
    for (const kind of ['spec', 'contract'] as const)
      out[kind] = { class: null, file: iface.file, range: iface.keyRange };
  // cursus 1.10.0: the package interface of the step, which its catalog loads them from before any file.
  const loaded = iface ? null : model.packageInterfaceOf(e.name);
  if (loaded)
    for (const kind of ['spec', 'contract'] as const) out[kind] = { class: null, file: loaded, range: ZERO_RANGE };
  return out;
}

const hitOf = (def: ClassDef): ComponentHit => ({ class: def.name, file: def.file, range: def.nameRange });

/** The companion's dependencies, resolved in the companion's own context (as the diagnostics are). */
function dependencies(ws: StepWorkspace, meta: string): Explanation['dependencies'] {
  const doc = ws.metaDoc(meta);
  const scope = ws.pipeline.scopeOf(meta);
  const layers = layersFor(ws.model, scope, ws.stepSettings.mode);
  const env = {
    context: ws.pipeline.contextName(scope),
    resolve: (n: string) => resolveName(layers, n)?.entry ?? null,
    suggest: () => [],
    versionOf: (e: StepEntry) => ws.pipeline.versionOf(e),
  };
  return (doc?.deps ?? []).map((dep) => {
    const r = ws.discovery.resolveDep(dep, env);
    return {
      name: dep.moduleId,
      resolved: r.entry ? located(ws, r.entry) : null,
      optional: dep.optional,
      version: dep.version?.value ?? null,
      satisfied: r.satisfied,
    };
  });
}

/**
 * Entries of the context whose companion depends on `name` (through their winning definition), and the workspace's own
 * dependencies.
 */
function dependents(ws: StepWorkspace, wsDir: string | null, mode: ResolutionMode, name: string): Dependent[] {
  const out: Dependent[] = [];
  const layers = layersFor(ws.model, wsDir, mode);
  for (const m of ws.pipeline.dependentsOf(name)) {
    const b = ws.pipeline.bindingOf(m);
    const hit = b?.name ? resolveName(layers, b.name) : null;
    if (!b?.name || !hit || ws.pipeline.primaryOf(hit.entry) !== m) continue;
    const edge = ws.pipeline.edgesOf(m).find((e) => e.to === name);
    if (edge)
      out.push({
        name: b.name,
        context: contextOfEntry(ws, hit.entry),
        source: sourceOf(ws.model, hit.entry),
        file: m,
        range: edge.range,
      });
  }
  const own = wsDir ? ws.model.workspaces.get(wsDir) : undefined;
  const context = (wsDir && ws.contextIdOf(wsDir)) || CORE;
  for (const r of own?.depRefs ?? [])
    if (r.name === name)
      out.push({ name: `workspace:${context}`, context, source: `workspace:${context}`, file: r.file, range: r.range });
  return out;
}

/** The context an entry belongs to: its workspace's id, else core. */
function contextOfEntry(ws: StepWorkspace, e: StepEntry): string {
  return e.wsDir ? (ws.contextIdOf(e.wsDir) ?? e.wsDir) : CORE;
}

function emptyComponents(): Record<ComponentKind, ComponentHit | null> {
  return { builder: null, config: null, spec: null, contract: null, script: null };
}

/**
 * Where a row's classes are looked for: an abstract row's also where cursus's base classes are; a
 * builder, where cursus synthesizes every builder, in the interface directories.
 */
function searchedFor(
  model: RegistryModel,
  wsDir: string | null,
  e: StepEntry,
  settings: Settings,
  searched: Record<ComponentKind, string[]>,
): Record<ComponentKind, string[]> {
  const bases = isComponentExempt(e, settings) ? model.baseDirs() : [];
  const builder = discoversBuilderFiles(model) ? searched.builder : interfaceDirs(model, wsDir);
  return { ...searched, builder: [...builder, ...bases], config: [...searched.config, ...bases] };
}

function emptySearched(model: RegistryModel, wsDir: string | null): Record<ComponentKind, string[]> {
  const out = {} as Record<ComponentKind, string[]>;
  for (const k of KINDS) out[k] = model.searchedDirs(wsDir, k);
  return out;
}

/**
 * RL015: which of the workspaces declaring the winner's workspace id cursus keeps. Its manager files each
 * registry's steps under its `developer_id`, replacing what was filed there (registry/hybrid/manager.py:231-233,
 * 262-272): the one loaded last keeps the id (path order here) and the others' steps are lost.
 */
function repeatedIdSection(ws: StepWorkspace, dir: string | null): ExplainSection[] {
  const id = dir ? ws.model.workspaceId(dir) : null;
  const dirs = id === null ? [] : ws.model.dirsWithId(id);
  if (id === null || dirs.length < 2) return [];
  const kept = ws.model.dirOfContext(id);
  return [
    {
      title: `Workspace id '${id}'`,
      rows: dirs.slice(0, MAX_RELATED).map((d) => {
        const file = ws.model.workspace(d)?.source.file;
        const tool = file === undefined ? '' : ws.toolOf(file);
        return {
          label: d === kept ? 'kept' : 'lost',
          text:
            d === kept
              ? `${d}: ${tool}'s manager loads it last (path order), so its steps are the ones filed under '${id}'`
              : `${d}: its steps are replaced by those of ${kept ?? ''}, loaded after it under the same id`,
          file,
        };
      }),
    },
  ];
}
