// The interface family (cursus 2.x, SPEC §1.8): `*.step.yaml` interface files of core and of each
// developer workspace, and the loader module's literal `_EXTRAS` dict, as registry sources. Each
// interface is one step whose builder is synthesized; the shared model merges them with the literal
// registries. The interfaces are the registry only where the loader module exists (cursus ≥ 2.0):
// before, cursus kept them beside a literal table that alone defines the steps, and they are inert.
// Units: each interface file (its own diagnostics, RL017, RL018) and each layer's duplicates (RL032).
import type { RegistryFamily } from '../family';
import type { Applied } from '../../analysis/facts';
import type { FileQueries } from '../../analysis/files';
import { coreSourceFromPython } from '../../model/source';
import { parsePythonFacts } from '../../python/facts';
import { interfaceClassifier, interfaceRegistryGlobs, type InterfaceRole } from './roles';
import { readInterface, type InterfaceDoc } from './interface';
import { checkDuplicates, checkInterface, lookupFindsOther } from './checks';
import { flowEdgesOf, specsOf } from './flow';
import { typoQueries } from './typos';
import { interfaceCompletion, interfaceHover } from './editing';
import { explainSections } from './explainSections';
import { definedNames } from './definedNames';

export const FAMILY = 'cursus-interfaces';

/** Below the literal tables: an interface of the same name replaces an extras row (the loader seeds the table with them). */
const EXTRAS_PRECEDENCE = -1;

const key = (k: string): string => `${FAMILY}:${k}`;

/** Whether the repository derives its table from interfaces (the loader module is there). */
function interfaceFirst(files: FileQueries): boolean {
  return files.filesOf(key('extras')).length > 0;
}

export const cursusInterfaces: RegistryFamily = {
  name: FAMILY,
  classifier: ({ settings }) => interfaceClassifier(settings),
  registryGlobs: ({ settings }) => interfaceRegistryGlobs(settings),
  indexKey: (r) => {
    const role = r as InterfaceRole;
    if (role.role === 'extras') return 'extras';
    return role.wsDir ? `ws:${role.wsDir}` : 'core';
  },
  read(path, r, text, settings): Partial<Applied> {
    const role = r as InterfaceRole;
    if (role.role === 'extras') {
      const source = { ...coreSourceFromPython(path, parsePythonFacts(text, path), settings, '_EXTRAS'), precedence: EXTRAS_PRECEDENCE };
      return { source, local: source.diagnostics };
    }
    const { source, doc } = readInterface(path, role.wsDir, text, settings);
    return { source, payload: doc };
  },
  coreSources: (files) => (interfaceFirst(files) ? [...files.filesOf(key('extras')), ...files.filesOf(key('core'))] : []),
  workspaceSources: (files, dir) => (interfaceFirst(files) ? files.filesOf(key(`ws:${dir}`)) : []),
  unitKeys(q) {
    if (!interfaceFirst(q.files)) return [];
    const layers = q.files.indexKeysQ('').filter((k) => k === key('core') || k.startsWith(key('ws:'))).map((k) => k.slice(FAMILY.length + 1));
    return [...layers.map((l) => `dups:${l}`), ...layers.flatMap((l) => q.files.filesOf(key(l)).map((f) => `file:${f}`))];
  },
  unit(k, q) {
    const settings = q.files.settings();
    if (k.startsWith('file:')) {
      const file = k.slice('file:'.length);
      const doc = interfaceDoc(q.files, file);
      const source = q.files.source(file);
      if (!doc || !source) return [];
      // Only a file with RL012 reads the layer's file list (a list that changes when files come or go).
      const own = source.diagnostics.some((d) => d.code === 'RL012') ? source.diagnostics.map((d) => lookupFindsOther(d, doc, q.files.filesOf(key(doc.wsDir ? `ws:${doc.wsDir}` : 'core')))) : source.diagnostics;
      return [...own, ...checkInterface(q.model, settings, doc, (p) => q.files.exists(p), (w, n) => q.pipeline.resolved(w, n), typoQueries(q.model.db, q.model))];
    }
    const layer = k.slice('dups:'.length);
    const names = definedNames(q.files);
    return checkDuplicates([...(layer === 'core' ? q.files.filesOf(key('extras')) : []), ...q.files.filesOf(key(layer))].map((f) => names.ofFile(f)));
  },
  features: {
    hover(file, pos, q) {
      const doc = interfaceDoc(q.files, file);
      return doc ? interfaceHover(doc, pos) : null;
    },
    completion(file, pos, q) {
      const doc = interfaceDoc(q.files, file);
      const text = q.files.textOf(file);
      if (!doc || text === undefined) return null;
      const wsDir = doc.wsDir && q.model.workspace(doc.wsDir) ? doc.wsDir : null;
      return interfaceCompletion({ model: q.model, settings: q.files.settings(), wsDir }, text, pos);
    },
    flowEdges(wsDir, q) {
      if (!interfaceFirst(q.files)) return [];
      return flowEdgesOf((n) => q.pipeline.resolved(wsDir, n), q.files.settings(), specsOf(q.files, wsDir, (f) => interfaceDoc(q.files, f)));
    },
    explainSections(entry, wsDir, q) {
      if (!interfaceFirst(q.files)) return [];
      const specs = specsOf(q.files, wsDir, (f) => interfaceDoc(q.files, f));
      const doc = specs.get(entry.name);
      if (!doc) return [];
      const edges = flowEdgesOf((n) => q.pipeline.resolved(wsDir, n), q.files.settings(), specs);
      return explainSections(q.model, wsDir, doc, edges, (p) => q.files.exists(p));
    },
  },
};

/** The facts of an interface file (null for other files). */
export function interfaceDoc(files: FileQueries, file: string): InterfaceDoc | null {
  const facts = files.applied(file);
  const role = facts.role as InterfaceRole | null;
  return role?.family === FAMILY && role.role === 'interface' ? facts.payload as InterfaceDoc | null : null;
}
