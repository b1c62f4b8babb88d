// The pipeline DAG family (cursus ≥ 2.x): serialized pipeline DAGs (`*.dag.json`, as `cursus dag
// validate` and the compiler load them) and the shared DAG catalogue's index. Each node name refers to
// the core step cursus's catalog resolves it to (resolve.ts), so a DAG is checked against the step
// model (which it reads, never adds to) and its nodes take part in references and rename of steps.
// Units: each DAG's steps (RL039, RL060; only where the tree holds cursus's core registry: a project
// using an installed cursus has its steps outside the tree) and each catalogue index (RL061, RL062);
// a file's own diagnostics are what cursus finds in it alone (read.ts).
import type { Family } from '../../../analysis/family';
import type { FileQueries } from '../../../analysis/files';
import { stepQueries } from '../../../model/queries';
import { routes } from '../../../model/entries/registry';
import { discoversBuilderFiles } from '../../../model/entries/rowClasses';
import { FAMILY, dagClassifier, dagParts, type DagRole } from './roles';
import { DAG_CODES } from './codes';
import { readDag, type DagDoc } from './read';
import { checkCatalog, entryTarget, readCatalog, type CatalogDoc } from './catalog';
import { checkDagSteps } from './checks';
import { frameworkAbsent, PYPROJECT } from './frameworkAbsent';
import { pinOf } from '../../../analysis/frameworkPins';
import { stepPackProjects } from '../packs/stepPacks';
import { cursusWithoutPacks, packsUnread } from '../packs/packRelease';
import { dagQueries, type DagQueries } from './resolve';
import { dagCompletion, dagDefinition, dagHover, stepRefAt, stepSites } from './editing';
import { contains, ZERO_RANGE } from '../../../text/ranges';
import { dagGraph } from './graph';
import { moduleDagQueries } from './python/queries';
import { checkModuleDags, refsDoc, type ModuleChecks } from './python/check';
import type { Diagnostic } from '../../../types';
import type { PyDag, PyDagsDoc } from './python/build';
import type { NodeRef } from './read';
import { readNotebookDags, type NotebookDags } from './python/notebook';
import { pairingQueries, type Pairing, type PairingQueries } from './pairing';
import { pathFrom } from './python/paths';
import { judgePyDag } from './python/judge';
import { DAG_SETTINGS } from './settings';
import { dirOf } from '../../../util/paths';
import { inNodeCall } from './python/calls';
import { LineIndex } from '../../../text/lineIndex';

interface DagFacts {
  dag?: DagDoc | null;
  catalog?: CatalogDoc | null;
  notebook?: NotebookDags | null;
}

/** The unit saying once that the project needs cursus and nothing holds it (RL079). */
const ABSENT = 'cursus-absent';
/** Explain's rows of config resolution at most. */
const MAX_ROWS = 100;
/** The key of a query of no argument. */
const NONE = '';

const dagsOf = (files: FileQueries): DagQueries => {
  const { model } = stepQueries(files);
  return dagQueries(files.db, model);
};

export const cursusDags: Family<DagRole, DagFacts> = {
  name: FAMILY,
  codes: DAG_CODES,
  settings: DAG_SETTINGS,
  examples: [{ dir: 'cursus-pipelines' }, { dir: 'cursus-project', everyLevel: true }],
  // JSON documents only under these names: the open DAG's unsaved text gets hover, completion and its graph
  paths: {
    names: ['*.dag.json', 'catalog_index.json', '*.ipynb'],
    markers: ['**/*.dag.json'],
    documents: [
      { language: 'json', pattern: '**/*.dag.json' },
      { language: 'json', pattern: '**/catalog_index.json' },
    ],
  },
  classifier: () => dagClassifier,
  parts: dagParts,
  indexKey: (role) => role.role,
  // Any Python module may build a DAG: each is read, whichever family classifies it, and parsed only when it names
  // `PipelineDAG` or `load_shared_dag` (python/readModule.ts).
  sees: (path) => (path.endsWith('.py') ? 'module' : null),
  read(path, role, text) {
    if (role.role === 'notebook') return { facts: { notebook: readNotebookDags(text) } };
    if (role.role === 'catalog') {
      const { doc, local } = readCatalog(path, text);
      return { facts: { catalog: doc }, local };
    }
    const { doc, local } = readDag(path, text);
    return { facts: { dag: doc }, local };
  },
  unitKeys: (q) => [
    ...q.files.filesOf(FAMILY, 'dag').map((f) => `dag:${f}`),
    ...q.files.filesOf(FAMILY, 'module').map((f) => `module:${f}`),
    ...q.files.filesOf(FAMILY, 'notebook').map((f) => `notebook:${f}`),
    ...q.files.filesOf(FAMILY, 'catalog').map((f) => `catalog:${f}`),
    ABSENT,
  ],
  unit(key, q) {
    if (key === ABSENT) {
      if (stepQueries(q.files).model.coreFile() !== null) return [];
      const packs = stepPackProjects({ directories: () => q.files.directoriesInput.get(NONE) });
      const needing = [
        ...q.files.filesOf(FAMILY, 'dag'),
        ...packs.flatMap((p) =>
          q.files.dirFilesInput.get(`${p === '' ? '' : `${p}/`}step_pack/interfaces`).slice(0, 1),
        ),
      ].sort();
      const pyproject = q.files.exists(PYPROJECT) ? q.files.textOf(PYPROJECT) : undefined;
      const searched = q.files.searchedEnvironmentInput.get(NONE);
      return frameworkAbsent(needing, pyproject, pinOf(q.files, 'cursus'), searched);
    }
    if (key.startsWith('catalog:')) {
      const file = key.slice('catalog:'.length);
      const doc = facts(q.files, file)?.catalog;
      return doc ? checkCatalog(file, doc, (p) => q.files.exists(p)) : [];
    }
    if (key.startsWith('notebook:')) {
      const file = key.slice('notebook:'.length);
      const nb = facts(q.files, file)?.notebook;
      if (!nb) return [];
      return checkModuleDags(file, nb.doc, moduleChecks(q.files, file)).map((d) => {
        const cell = nb.cellOf(d.range);
        return cell ? { ...d, cell } : d;
      });
    }
    if (key.startsWith('module:')) {
      const file = key.slice('module:'.length);
      const doc = moduleDagQueries(q.files).doc(file);
      return doc ? checkModuleDags(file, doc, moduleChecks(q.files, file)) : [];
    }
    const file = key.slice('dag:'.length);
    const doc = facts(q.files, file)?.dag;
    const steps = doc ? stepChecks(q.files, file) : null;
    if (!doc || !steps) return [];
    const pairs = pairingOf(q.files);
    return [...steps(doc), ...pairs.check(file, doc.nodes, pairs.pairingsOf(file, []))];
  },
  wantedFiles: (q) => {
    const out = new Set<string>();
    for (const m of dagModules(q.files)) {
      for (const dag of moduleDoc(q.files, m)?.dags ?? []) {
        for (const c of dag.configs) {
          const path = pathFrom(dirOf(m), c.path);
          if (path !== null) out.add(path);
        }
      }
      for (const p of moduleDoc(q.files, m)?.dagFiles ?? []) {
        for (const x of [p.dag, p.config.path]) {
          const path = pathFrom(dirOf(m), x);
          if (path !== null) out.add(path);
        }
      }
    }
    const set = DAG_SETTINGS.of(q.files.settings()).dagPipelineConfig;
    if (set !== null) out.add(set);
    return [...out].sort();
  },
  features: {
    hover(file, pos, q) {
      const doc = nodeDoc(q.files, file);
      return doc ? dagHover(doc, dagsOf(q.files), stepQueries(q.files).model, pos) : null;
    },
    definition(file, pos, q) {
      const f = facts(q.files, file);
      if (f?.catalog) {
        const e = f.catalog.entries.find((x) => x.path && contains(x.path.range, pos));
        const target = e ? entryTarget(file, e) : null;
        return target && q.files.exists(target) ? [{ file: target, range: ZERO_RANGE }] : [];
      }
      const doc = nodeDoc(q.files, file);
      return doc ? dagDefinition(doc, dagsOf(q.files), stepQueries(q.files).model, pos) : [];
    },
    completion(file, pos, q) {
      const text = q.files.textOf(file);
      const f = facts(q.files, file);
      if (text === undefined || f?.catalog !== undefined) return null;
      const steps = [...stepQueries(q.files).model.core.keys()];
      if (dagClassifier(file)?.role !== 'notebook') return dagCompletion(text, pos, steps, f?.dag ?? null);
      const before = new LineIndex(text).lineText(pos.line).slice(0, pos.character);
      return inNodeCall(before) ? dagCompletion(text, pos, steps, nodeDoc(q.files, file)) : null;
    },
    documentLinks(file, q) {
      const doc = facts(q.files, file)?.catalog;
      if (!doc) return [];
      return doc.entries.flatMap((e) => {
        const target = entryTarget(file, e);
        return e.path && target ? [{ range: e.path.inner, target }] : [];
      });
    },
    nameAt(file, pos, q) {
      const doc = nodeDoc(q.files, file);
      return doc ? (stepRefAt(doc, dagsOf(q.files), pos)?.name ?? null) : null;
    },
    stepRefAt(file, pos, q) {
      const doc = nodeDoc(q.files, file);
      return doc ? stepRefAt(doc, dagsOf(q.files), pos) : null;
    },
    explainSections(name, _wsDir, q) {
      const pairs = pairingOf(q.files);
      const rows = [
        ...q.files.filesOf(FAMILY, 'dag').flatMap((file) => {
          const doc = facts(q.files, file)?.dag;
          return doc && stepChecks(q.files, file)
            ? pairs.explainRows(file, doc.nodes, pairs.pairingsOf(file, []), name)
            : [];
        }),
        ...dagModules(q.files).flatMap((file) =>
          (moduleDoc(q.files, file)?.dags ?? []).flatMap((dag) => {
            if (dag.unknown !== null || !stepChecks(q.files, file)) return [];
            const nodes = judgePyDag(file, dag).doc.nodes;
            return pairs.explainRows(file, nodes, configsOf(pairs, file, dag), name);
          }),
        ),
      ];
      return rows.length ? [{ title: 'Config resolution (preview_resolution)', rows: rows.slice(0, MAX_ROWS) }] : [];
    },
    fileGraph(file, q) {
      const doc = facts(q.files, file)?.dag;
      return doc ? dagGraph(file, doc, dagsOf(q.files), stepQueries(q.files).model) : null;
    },
    stepSites(name, q) {
      const dags = dagsOf(q.files);
      const inDags = q.files.filesOf(FAMILY, 'dag').flatMap((file) => {
        const doc = facts(q.files, file)?.dag;
        return doc ? stepSites(file, doc, dags, name) : [];
      });
      // A Python string with a prefix, an escape or a line break is not renamed: its body is not its value.
      const modules = [...q.files.filesOf(FAMILY, 'module'), ...q.files.filesOf(FAMILY, 'notebook')];
      const inModules = modules.flatMap((file) => {
        const doc = nodeDoc(q.files, file);
        return doc ? stepSites(file, doc, dags, name).filter((s) => s.inner !== s.range) : [];
      });
      return [...inDags, ...inModules];
    },
  },
};

function facts(files: FileQueries, file: string): DagFacts | null {
  return files.appliedBy(cursusDags, file)?.facts ?? null;
}

/** The DAG a file writes node names in: a DAG file's, or every DAG a Python module builds. */
function nodeDoc(files: FileQueries, file: string): DagDoc | null {
  const dag = facts(files, file)?.dag;
  if (dag) return dag;
  const nb = facts(files, file)?.notebook;
  if (nb) return refsDoc(nb.doc);
  const py: PyDagsDoc | null = file.endsWith('.py') ? moduleDagQueries(files).doc(file) : null;
  return py ? refsDoc(py) : null;
}

/**
 * The step checks of a DAG's nodes in `file`, or null where the project's steps are not known. A project whose cursus
 * is installed, not in the tree: its steps are not ours to know. Before the catalog's suffix fallback (2.5.2) and
 * routed builders, `cursus dag validate` reported every suffixed node missing although the compiler built it: there
 * only a node no step or `_`-prefix names is reported (no config or builder exists for it); components are checked for
 * a cursus that only synthesizes builders (2.5.1 on; its step_catalog/builder_discovery.py).
 */
function stepChecks(files: FileQueries, file: string): ((doc: DagDoc) => Diagnostic[]) | null {
  const { model } = stepQueries(files);
  if (model.coreFile() === null) return null;
  const components = discoversBuilderFiles(model) ? null : (type: string) => routes(model.buildStrategies(), type);
  const older = cursusWithoutPacks(files);
  const packUnread = (name: string): string | null => {
    const at = older === null ? null : stepQueries(files).step.unreadDefinition(name);
    return at === null || older === null ? null : `'${name}' is a step of ${at} only, and ${packsUnread(older)}`;
  };
  return (doc) => checkDagSteps(file, doc, model, dagsOf(files), components, packUnread);
}

/** What a module's DAGs are checked against: the project's steps and the ids of its catalog indexes. */
function moduleChecks(files: FileQueries, file: string): ModuleChecks {
  const indexes = files.filesOf(FAMILY, 'catalog').map((f) => facts(files, f)?.catalog ?? null);
  // An index cursus cannot read fails every load already (RL061): ids are judged only against readable ones.
  const readable = indexes.length > 0 && indexes.every((c) => c !== null);
  const ids = indexes.flatMap((c) => c?.entries.flatMap((e) => (e.id ? [e.id.value] : [])) ?? []);
  const steps = stepChecks(files, file);
  const pairs = pairingOf(files);
  const pairing = steps
    ? (dag: PyDag, nodes: readonly NodeRef[]): Diagnostic[] => pairs.check(file, nodes, configsOf(pairs, file, dag))
    : null;
  return { steps, catalogIds: readable ? new Set(ids) : null, pairing };
}

/** The modules and notebooks whose code may compile a DAG with a config. */
function dagModules(files: FileQueries): string[] {
  return [...files.filesOf(FAMILY, 'module'), ...files.filesOf(FAMILY, 'notebook')];
}

/** The DAGs a module or notebook builds. */
function moduleDoc(files: FileQueries, file: string): PyDagsDoc | null {
  if (file.endsWith('.ipynb')) return facts(files, file)?.notebook?.doc ?? null;
  return file.endsWith('.py') ? moduleDagQueries(files).doc(file) : null;
}

function pairingOf(files: FileQueries): PairingQueries {
  const { model } = stepQueries(files);
  return pairingQueries({
    files,
    model,
    dags: dagsOf(files),
    docOf: (f) => moduleDoc(files, f),
    modules: () => dagModules(files),
  });
}

/** The configs a module's DAG pairs with: those its code compiles it with, else its project's. */
export function configsOf(pairs: PairingQueries, file: string, dag: PyDag): Pairing[] {
  return pairs.pairingsOf(
    file,
    dag.configs.map((c) => ({ path: pathFrom(dirOf(file), c.path), at: c.at })),
  );
}
