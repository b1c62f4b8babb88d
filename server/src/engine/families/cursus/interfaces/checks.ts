// The interface family's cross-file checks: per interface file in its context, RL017 (the contract's
// script) and RL018 (`compatible_sources` names that name no step); per layer (core with its extras, or
// one workspace's interfaces), RL032 (one step defined twice).
import type { Diagnostic, Settings } from '../../../types';
import { diag } from './codes';
import type { RegistryModel } from '../../../model/entries/registry';
import type { StepEntry } from '../../../model/entries/source';
import { expectedDir } from '../../../model/checks/components';
import type { TypoQueries } from './typos';
import { lookupFinds, type InterfaceDoc } from './interface';
import { legacyAliasNames, resolveSource, type Resolve } from './links';
import type { DefinedName } from './definedNames';
import { scriptFile } from './script';

/**
 * The cross-file checks of one interface file, in its context. Step names are read one at a time
 * (`resolved`, the engine's tracked per-name resolution; `typos`, per name too), so a step added or
 * removed elsewhere re-checks only the files that list that name or a near miss of it.
 */
export function checkInterface(
  model: RegistryModel,
  settings: Settings,
  doc: InterfaceDoc,
  exists: (path: string) => boolean,
  resolved: (wsDir: string | null, name: string) => StepEntry | null,
  typos: TypoQueries,
): Diagnostic[] {
  const wsDir = doc.wsDir && model.workspaceId(doc.wsDir) !== null ? doc.wsDir : null;
  const aliases = legacyAliasNames(model);
  return [
    ...script(model, wsDir ?? doc.wsDir, doc, exists),
    ...sources((n) => resolved(wsDir, n), settings, aliases, wsDir, doc, typos),
  ];
}

/**
 * RL032: cursus seeds the table with `_EXTRAS`, then writes every interface over it in sorted file order; the last one
 * wins.
 */
export function checkDuplicates(files: DefinedName[][]): Diagnostic[] {
  const byName = new Map<string, DefinedName[]>();
  for (const entries of files) {
    for (const e of entries) {
      const defs = byName.get(e.name);
      if (defs) defs.push(e);
      else byName.set(e.name, [e]);
    }
  }
  const out: Diagnostic[] = [];
  for (const [name, defs] of byName) {
    if (defs.length < 2) continue;
    const winner = defs[defs.length - 1] as DefinedName;
    for (const e of defs.slice(0, -1)) {
      const what = e.synthesized ? 'This interface' : 'This row';
      out.push(
        diag(
          e.file,
          e.keyRange,
          'RL032',
          `Step '${name}' is also defined by ${winner.file.slice(winner.file.lastIndexOf('/') + 1)}; cursus's ` +
            `loader keeps only that one, so ${what.toLowerCase()} is silently replaced`,
          {
            related: [
              { file: winner.file, range: winner.keyRange, message: `the definition of '${name}' cursus keeps` },
            ],
          },
        ),
      );
    }
  }
  return out;
}

/**
 * RL012 when another interface file of the directory is the one `_resolve_interface_path()` finds for
 * the step (a copy such as `x_v2.step.yaml`): then load_interface() does not fail, it loads that
 * file, and this file's contract and spec are never used. `siblings`: the interface files of the layer.
 */
export function lookupFindsOther(d: Diagnostic, doc: InterfaceDoc, siblings: string[]): Diagnostic {
  const dir = doc.file.slice(0, doc.file.lastIndexOf('/') + 1);
  const step = doc.step;
  if (d.code !== 'RL012' || !step) return d;
  const finds = lookupFinds(step);
  const other = siblings.find(
    (f) => f !== doc.file && f.startsWith(dir) && !f.slice(dir.length).includes('/') && finds(f),
  );
  if (!other) return d;
  const base = (f: string): string => f.slice(f.lastIndexOf('/') + 1);
  return {
    ...d,
    message:
      `cursus looks the interface of '${step}' up by its file name and finds ${base(other)}, not ` +
      `${base(doc.file)}: load_interface('${step}') loads that file, so the contract and spec of this one are ` +
      'never used',
  };
}

/** RL017: the script `contract.entry_point` names is in no scripts directory visible from the context. */
function script(
  model: RegistryModel,
  wsDir: string | null,
  doc: InterfaceDoc,
  exists: (path: string) => boolean,
): Diagnostic[] {
  if (!doc.script) return [];
  if (scriptFile(model, wsDir, doc, exists) !== null) return [];
  const dirs = model.searchedDirs(wsDir, 'script');
  const name = doc.script.value;
  const searched =
    dirs.length > 0 ? dirs.join(', ') : `no scripts directory exists (expected ${expectedDir(model, wsDir, 'script')})`;
  return [
    diag(
      doc.file,
      doc.script.range,
      'RL017',
      `Script '${name}' of the contract of '${doc.step ?? '?'}' not found: cursus's script discovery skips the step`,
      { related: [{ file: doc.file, range: doc.script.range, message: `searched ${searched}` }] },
    ),
  ];
}

/** RL018: a `compatible_sources` name that is no step of the context (warning when it looks like a typo of one). */
function sources(
  resolve: Resolve,
  settings: Settings,
  aliases: ReadonlySet<string>,
  wsDir: string | null,
  doc: InterfaceDoc,
  typos: TypoQueries,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of doc.sources) {
    if (resolveSource(resolve, settings, aliases, ref.name).kind !== 'unknown') continue;
    const typoOf = typos.typoOf(wsDir, ref.name);
    const message =
      `'${ref.name}' in compatible_sources of '${ref.dependency}' is no step` +
      `${typoOf ? `. Did you mean '${typoOf}'?` : ''}: cursus's resolver never matches a producer by it ` +
      '(a listed producer scores higher)';
    out.push(
      diag(
        ref.file,
        ref.range,
        'RL018',
        message,
        typoOf
          ? {
              severity: 'warning',
              fixes: [
                {
                  title: `Change to '${typoOf}'`,
                  preferred: true,
                  edits: [{ file: ref.file, edits: [{ range: ref.inner, newText: typoOf }] }],
                },
              ],
            }
          : {},
      ),
    );
  }
  return out;
}
