// Resolution of a step name in a context (SPEC §3.2): the ordered layers each mode consults, and the
// first layer that defines the name wins.
import type { ResolutionMode } from '../../types';
import type { RegistryModel, WsState } from './registry';
import type { StepEntry } from './source';

export interface ResolutionLayer {
  /** `override:<id>`, `local:<id>` or `core`. */
  label: string;
  /** How Explain names the provider: `override:<id>`, `workspace:<id>` or `core`. */
  source: string;
  /** Workspace directory, null for core. */
  wsDir: string | null;
  /** Whether the layer belongs to the context's own workspace (or core). */
  own: boolean;
  entries: ReadonlyMap<string, StepEntry>;
  file: string | null;
}

export function layersFor(model: RegistryModel, wsDir: string | null, mode: ResolutionMode): ResolutionLayer[] {
  const coreLayer: ResolutionLayer = {
    label: 'core',
    source: 'core',
    wsDir: null,
    own: true,
    entries: model.core,
    file: model.coreFile(),
  };
  const tail = model.modules.size > 0 ? [coreLayer, modulesLayer(model)] : [coreLayer];
  const ws = wsDir ? model.workspace(wsDir) : null;
  if (!ws) return tail;
  const local = (w: WsState, own: boolean): ResolutionLayer => ({
    label: `local:${w.id}`,
    source: `workspace:${w.id}`,
    wsDir: w.dir,
    own,
    entries: w.local,
    file: w.source.file,
  });
  const over = (w: WsState, own: boolean): ResolutionLayer => ({
    label: `override:${w.id}`,
    source: `override:${w.id}`,
    wsDir: w.dir,
    own,
    entries: w.overrides,
    file: w.source.file,
  });
  if (mode === 'isolated') return [over(ws, true), local(ws, true), ...tail];
  // A workspace whose id an earlier directory already uses is not a context (RL015).
  const others = model
    .sortedWorkspaces()
    .filter((w) => w.dir !== ws.dir && model.dirOfContext(w.id) === w.dir)
    .flatMap((w) => [local(w, false), over(w, false)]);
  return [local(ws, true), over(ws, true), ...others, ...tail];
}

/** Modules are global: every context sees them, after core. */
function modulesLayer(model: RegistryModel): ResolutionLayer {
  return { label: 'modules', source: 'module', wsDir: null, own: true, entries: model.modules, file: null };
}

/** Every definition of a name as a candidate layer (the strategies of SPEC §3.3 run over all of them). */
export function definitionLayers(model: RegistryModel, wsDir: string | null, name: string): ResolutionLayer[] {
  return model.definitions(name).map((e) => {
    const id = e.wsDir ? (model.workspace(e.wsDir)?.id ?? e.wsDir) : null;
    const source = sourceOf(model, e);
    return {
      label: e.layer === 'module' ? 'modules' : id === null ? 'core' : `${e.layer}:${id}`,
      source,
      wsDir: e.wsDir,
      own: e.wsDir === wsDir,
      entries: new Map([[name, e]]),
      file: e.file,
    };
  });
}

export interface Resolution {
  entry: StepEntry;
  layer: ResolutionLayer;
}

export function resolveName(layers: ResolutionLayer[], name: string): Resolution | null {
  for (const layer of layers) {
    const entry = layer.entries.get(name);
    if (entry) return { entry, layer };
  }
  return null;
}

/**
 * The context id of a workspace directory: its workspace id, or `id@dir` when an earlier directory
 * already uses that id (RL015), so that every workspace stays a context of its own.
 */
export function contextIdOf(model: RegistryModel, dir: string): string | null {
  const ws = model.workspace(dir);
  if (!ws) return null;
  return model.dirOfContext(ws.id) === dir ? ws.id : `${ws.id}@${dir}`;
}

/**
 * `core`, `workspace:<context>` or `override:<context>` for an entry (the context id, so two workspaces with one id
 * stay apart).
 */
export function sourceOf(model: RegistryModel, e: StepEntry): string {
  if (e.layer === 'module') return 'module';
  if (!e.wsDir) return 'core';
  const id = contextIdOf(model, e.wsDir) ?? e.wsDir;
  return e.layer === 'override' ? `override:${id}` : `workspace:${id}`;
}

/** Names resolvable in a context and mode. */
export function resolvableNames(model: RegistryModel, wsDir: string | null, mode: ResolutionMode): string[] {
  const names = new Set<string>();
  for (const l of layersFor(model, wsDir, mode)) for (const n of l.entries.keys()) names.add(n);
  return [...names].sort();
}
