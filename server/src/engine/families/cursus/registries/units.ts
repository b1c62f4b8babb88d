// The cursus family's cross-file checks of one context ("unit"): core, or one workspace, as cursus's
// manager loads them. Each runs as a tracked query, so it is re-run exactly when something it read changed.
import type { Diagnostic, Settings } from '../../../types';
import { STEP_SETTINGS } from '../../../model/settings';
import { capRelated, listed, MAX_LISTED, MAX_RELATED } from '../../../checks/limits';
import { diag } from '../../../model/codes';
import type { RegistryModel, WsState } from '../../../model/entries/registry';
import { layersFor, resolveName, sourceOf } from '../../../model/entries/resolve';
import { checkComponents } from '../../../model/checks/components';
import { checkCoreInversions, checkWorkspaceInversions } from '../../../model/checks/derived';
import { pushAll } from '../../../model/entries/source';

const VALID_ID = /^[\w-]+$/;

/**
 * The core context: each entry's own checks, then the inversions. `entry` gives one entry's diagnostics
 * (the cursus family reads it through a query per name, so a core edit re-checks only what it changed).
 */
export function checkCoreUnit(
  model: RegistryModel,
  settings: Settings,
  entry: (name: string) => readonly Diagnostic[] = (n) => checkCoreEntry(model, n, settings),
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const name of model.core.keys()) pushAll(diagnostics, entry(name));
  pushAll(diagnostics, checkCoreInversions(model));
  return diagnostics;
}

/** The checks of one core entry: its component classes and files. */
export function checkCoreEntry(model: RegistryModel, name: string, settings: Settings): Diagnostic[] {
  const e = model.core.get(name);
  return e ? checkComponents(model, e, () => model.core.keys(), settings) : [];
}

export function checkWorkspaceUnit(model: RegistryModel, ws: WsState, settings: Settings): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const file = ws.source.file;
  const names = (): Iterable<string> => new Set([...model.core.keys(), ...ws.local.keys(), ...ws.overrides.keys()]);
  const shared = model.sharedLocalNames(ws.dir);
  for (const e of ws.local.values()) {
    const core = model.core.get(e.name);
    if (core) {
      diagnostics.push(
        diag(
          file,
          e.keyRange,
          'RL003',
          `Local step '${e.name}' shadows the core step of the same name without declaring an override; move it ` +
            'to STEP_OVERRIDES if replacing core is intended',
          {
            related: [{ file: core.file, range: core.keyRange, message: `core definition of '${e.name}'` }],
          },
        ),
      );
    }
    const dirs = shared.get(e.name);
    if (dirs) {
      // Every directory sharing a name holds a workspace defining it; only the ones shown are read.
      const otherDirs = dirs.filter((d) => d !== ws.dir);
      const shown = otherDirs
        .slice(0, Math.max(MAX_LISTED, MAX_RELATED))
        .map((d) => model.workspace(d))
        .filter((w): w is WsState => !!w);
      diagnostics.push(
        diag(
          file,
          e.keyRange,
          'RL002',
          `Step '${e.name}' is also defined locally in workspace${otherDirs.length > 1 ? 's' : ''} ${listed(
            shown.map((w) => w.id),
            "'",
            otherDirs.length,
          )}`,
          {
            related: capRelated(
              shown.slice(0, MAX_RELATED).flatMap((w) => {
                const o = w.local.get(e.name);
                return o ? [{ file: o.file, range: o.keyRange, message: `'${e.name}' in workspace '${w.id}'` }] : [];
              }),
              otherDirs.length,
            ),
          },
        ),
      );
    }
  }
  for (const e of ws.overrides.values()) {
    if (model.core.has(e.name)) continue;
    const near = model.closestCore(e.name);
    diagnostics.push(
      diag(
        file,
        e.keyRange,
        'RL004',
        `Cannot override '${e.name}': core defines no such step` +
          `${near.length ? `. Did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''}`,
        {
          fixes: near.map((n, i) => ({
            title: `Override '${n}' instead`,
            preferred: i === 0,
            edits: [{ file, edits: [{ range: e.keyInner, newText: n }] }],
          })),
        },
      ),
    );
  }
  for (const e of [...ws.local.values(), ...ws.overrides.values()])
    diagnostics.push(...checkComponents(model, e, names, settings));
  diagnostics.push(...checkWorkspaceInversions(model, ws));
  diagnostics.push(...checkIds(model, ws, file));
  if (STEP_SETTINGS.of(settings).mode === 'hybrid') diagnostics.push(...checkCrossWorkspaceRefs(model, ws));
  return diagnostics;
}

function checkIds(model: RegistryModel, ws: WsState, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const range = ws.idRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!VALID_ID.test(ws.id))
    out.push(diag(file, range, 'RL009', `Invalid workspace id '${ws.id}': use only letters, digits, '_' and '-'`));
  const same = model.dirsWithId(ws.id).filter((d) => d !== ws.dir);
  if (same.length > 0) {
    const message = `Workspace id '${ws.id}' is also used by ${listed(same, '')}; ${lostSteps(model, ws)}`;
    out.push(
      diag(file, range, 'RL015', message, {
        related: capRelated(
          same.slice(0, MAX_RELATED).flatMap((d) => {
            const w = model.workspace(d);
            return w
              ? [{ file: w.source.file, range: w.idRange ?? range, message: `workspace '${ws.id}' in ${d}` }]
              : [];
          }),
          same.length,
        ),
      }),
    );
  }
  return out;
}

/**
 * What a repeated id loses: cursus's manager files a registry's steps under its `developer_id`, replacing
 * what an earlier registry filed there (registry/hybrid/manager.py:231-233, 262-272), so the workspace
 * loaded last (path order here) keeps the id and every earlier one's LOCAL_STEPS and STEP_OVERRIDES are lost.
 */
function lostSteps(model: RegistryModel, ws: WsState): string {
  const winner = model.dirOfContext(ws.id);
  const names = (w: WsState | null): string[] => (w ? [...w.local.keys(), ...w.overrides.keys()] : []);
  const steps = (ns: string[]): string => (ns.length ? listed(ns) : 'none');
  if (winner === ws.dir) {
    const lost = model
      .dirsWithId(ws.id)
      .filter((d) => d !== ws.dir)
      .flatMap((d) => names(model.workspace(d)));
    return `cursus keeps this workspace (loaded last in path order) and loses their steps: ${steps(lost)}`;
  }
  // With one other workspace the message has named it already.
  const kept =
    model.dirsWithId(ws.id).length === 2 ? 'that one (loaded last)' : `the one loaded last (${winner ?? ''})`;
  return `cursus keeps ${kept} and loses this one's steps: ${steps(names(ws))}`;
}

/** RL013 (hybrid only): a name used by this workspace that only another workspace provides. */
function checkCrossWorkspaceRefs(model: RegistryModel, ws: WsState): Diagnostic[] {
  const out: Diagnostic[] = [];
  const layers = layersFor(model, ws.dir, 'hybrid');
  for (const ref of ws.depRefs) {
    const hit = resolveName(layers, ref.name);
    if (!hit || hit.layer.own || hit.layer.source === 'core') continue;
    out.push(
      diag(
        ref.file,
        ref.range,
        'RL013',
        `'${ref.name}' resolves only through ${sourceOf(model, hit.entry)}: workspace isolation is crossed ` +
          '(hybrid mode)',
        {
          related: [{ file: hit.entry.file, range: hit.entry.keyRange, message: `'${ref.name}' is defined here` }],
        },
      ),
    );
  }
  return out;
}
