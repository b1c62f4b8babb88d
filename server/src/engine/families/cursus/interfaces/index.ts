// The interface family (cursus 2.x, SPEC §1.8): `*.step.yaml` interface files of core and of each
// developer workspace, and the loader module's literal `_EXTRAS` dict, as registry sources. Each
// interface is one step whose builder is synthesized; the shared model merges them with the literal
// registries. The interfaces are the registry only where the loader module exists (cursus ≥ 2.0):
// before, cursus kept them beside a literal table that alone defines the steps, and they are inert.
// Units: each interface file (its own diagnostics, RL017, RL018), each layer's duplicates (RL032) and
// each context's rows without the interface their builder is synthesized from (RL034).
import type { FileQueries } from '../../../analysis/files';
import type { StepFacts, StepFamily } from '../../../model/member';
import { stepQueries } from '../../../model/queries';
import { coreSourceFromPython, type StepEntry } from '../../../model/entries/source';
import { parsePythonFacts } from '../../../python/facts';
import { FAMILY, interfaceClassifier, interfaceParts, interfaceRegistryGlobs, WS_INTERFACES_DIR } from './roles';
import type { InterfaceLayout, InterfaceRole } from './roles';
import { INTERFACE_CODES } from './codes';
import { readInterface, type InterfaceDoc } from './interface';
import { checkDuplicates, checkInterface, lookupFindsOther } from './checks';
import { flowEdgesOf, specsOf } from './flow';
import { typoQueries } from './typos';
import { interfaceCompletion, interfaceHover } from './editing';
import { explainSections } from './explainSections';
import { definedNames, type DefinedName } from './definedNames';
import { checkPackClash, packSection, PACK_PRECEDENCE, type PackageDef } from './packs';
import { isInterfacesDir, stepPackProjects } from '../packs/stepPacks';
import { cursusWithoutPacks } from '../packs/packRelease';
import { scriptFile } from './script';
import { checkSynthesis } from './synthesis';
import { legacyAliasNames } from './links';

/**
 * Below the literal tables: an interface of the same name replaces an extras row (the loader seeds the table with
 * them).
 */
const EXTRAS_PRECEDENCE = -1;

/** The files listed under one of the family's index keys. */
const listed = (files: FileQueries, k: string): string[] => files.filesOf(FAMILY, k);

/** Whether the repository derives its table from interfaces (the loader module is there). */
function interfaceFirst(files: FileQueries): boolean {
  return listed(files, 'extras').length > 0;
}

/** An interface file's facts: its source and its document. */
interface InterfaceFacts extends StepFacts {
  doc?: InterfaceDoc;
}

export const cursusInterfaces: StepFamily<InterfaceRole, InterfaceFacts, InterfaceLayout> = {
  name: FAMILY,
  codes: INTERFACE_CODES,
  examples: [{ dir: 'interface-workspace', everyLevel: true }],
  paths: {
    names: ['*.yaml', '*.py'],
    languages: ['yaml', 'python'],
    markers: ['**/registry/interface_registry_loader.py'],
  },
  // cursus's interface loader reads them; a workspace's lie in its interfaces folder.
  step: {
    tool: 'cursus',
    workspace: { interfaces: WS_INTERFACES_DIR },
    coreSources: (files) =>
      interfaceFirst(files)
        ? [...listed(files, 'extras'), ...listed(files, 'core'), ...mergedPacks(files).flatMap((k) => listed(files, k))]
        : [],
    unreadSources: (files) =>
      interfaceFirst(files) && cursusWithoutPacks(files) !== null
        ? packLayers(files).flatMap((k) => listed(files, k))
        : [],
    workspaceSources: (files, dir) => (interfaceFirst(files) ? listed(files, `ws:${dir}`) : []),
  },
  // A project's own `interfaces/` is a pack unless its `step_pack/interfaces/` exists (the host's directories).
  layout: (reads) => ({ stepPackProjects: stepPackProjects(reads) }),
  wantsDirectory: isInterfacesDir,
  relevance: (layout) => layout.stepPackProjects.join('\n'),
  classifier: ({ settings, layout }) => interfaceClassifier(settings, layout),
  parts: interfaceParts,
  registryGlobs: ({ settings }) => interfaceRegistryGlobs(settings),
  indexKey: layerKey,
  read(path, role, text, settings) {
    if (role.role === 'extras') {
      const source = {
        ...coreSourceFromPython(path, parsePythonFacts(text, path), settings, '_EXTRAS'),
        precedence: EXTRAS_PRECEDENCE,
      };
      return { facts: { source }, local: source.diagnostics };
    }
    const { source, doc } = readInterface(path, role.wsDir, text, settings);
    return { facts: { source: role.pack === undefined ? source : { ...source, precedence: PACK_PRECEDENCE }, doc } };
  },
  unitKeys(q) {
    if (!interfaceFirst(q.files)) return [];
    const layers = q.files.keysOf(FAMILY).filter((k) => k === 'core' || k.startsWith('ws:') || k.startsWith('pack:'));
    const contexts = ['', ...stepQueries(q.files).model.contextDirsQ('')].map((d) => `synth:${d}`);
    return [
      ...layers.map((l) => `dups:${l}`),
      ...layers.flatMap((l) => listed(q.files, l).map((f) => `file:${f}`)),
      ...contexts,
    ];
  },
  unit(k, q) {
    const settings = q.files.settings();
    const { model, resolution, step } = stepQueries(q.files);
    if (k.startsWith('file:')) {
      const file = k.slice('file:'.length);
      const doc = interfaceDoc(q.files, file);
      const source = step.source(file);
      if (!doc || !source) return [];
      // Only a file with RL012 reads the layer's file list (a list that changes when files come or go).
      const layer = layerOf(q.files, file);
      const own = source.diagnostics.some((d) => d.code === 'RL012')
        ? source.diagnostics.map((d) => lookupFindsOther(d, doc, listed(q.files, layer)))
        : source.diagnostics;
      const entry = source.entries[0];
      const clash =
        layer.startsWith('pack:') && entry && cursusWithoutPacks(q.files) === null
          ? checkPackClash(file, { name: entry.name, range: entry.keyRange }, packageDef(q.files, entry.name))
          : [];
      const typos = typoQueries(model.db, model);
      const exists = (p: string): boolean => q.files.exists(p);
      const resolved = (w: string | null, n: string): StepEntry | null => resolution.resolved(w, n);
      return [...own, ...clash, ...checkInterface(model, settings, doc, exists, resolved, typos)];
    }
    if (k.startsWith('synth:'))
      return checkSynthesis(model, k.slice('synth:'.length) || null, settings, (p) => q.files.exists(p));
    const layer = k.slice('dups:'.length);
    const names = definedNames(q.files);
    return checkDuplicates(
      [...(layer === 'core' ? listed(q.files, 'extras') : []), ...listed(q.files, layer)].map((f) => names.ofFile(f)),
    );
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
      const { model } = stepQueries(q.files);
      const wsDir = doc.wsDir && model.workspace(doc.wsDir) ? doc.wsDir : null;
      return interfaceCompletion({ model, settings: q.files.settings(), wsDir }, text, pos);
    },
    // `contract.entry_point` links to the script cursus's script discovery finds (RL017 when none).
    documentLinks(file, q) {
      const doc = interfaceDoc(q.files, file);
      if (!doc?.script) return [];
      const target = scriptFile(stepQueries(q.files).model, doc.wsDir, doc, (p) => q.files.exists(p));
      return target === null ? [] : [{ range: doc.script.inner, target }];
    },
    flowSource: "the 'compatible_sources' of cursus 2.x step interfaces (*.step.yaml), drawn as data flow",
    flowEdges(wsDir, q) {
      if (!interfaceFirst(q.files)) return [];
      const { model, resolution } = stepQueries(q.files);
      const specs = specsOf(q.files, wsDir, (f) => interfaceDoc(q.files, f));
      return flowEdgesOf((n) => resolution.resolved(wsDir, n), q.files.settings(), legacyAliasNames(model), specs);
    },
    explainSections(name, wsDir, q) {
      if (!interfaceFirst(q.files)) return [];
      const pack = cursusWithoutPacks(q.files) === null ? packEntry(q.files, name) : null;
      const pkg = pack ? packageDef(q.files, name) : null;
      const packed = pack && pkg ? [packSection(pack.file, pack.keyRange, pkg)] : [];
      const specs = specsOf(q.files, wsDir, (f) => interfaceDoc(q.files, f));
      const doc = specs.get(name);
      if (!doc) return packed;
      const { model, resolution } = stepQueries(q.files);
      const edges = flowEdgesOf(
        (n) => resolution.resolved(wsDir, n),
        q.files.settings(),
        legacyAliasNames(model),
        specs,
      );
      return [...packed, ...explainSections(model, wsDir, doc, edges, (p) => q.files.exists(p))];
    },
  },
};

/** The index key of a role: the loader's extras, or an interface's layer (a workspace's, a step pack's, core's). */
function layerKey(role: InterfaceRole): string {
  if (role.role === 'extras') return 'extras';
  if (role.pack !== undefined) return `pack:${role.pack}`;
  return role.wsDir ? `ws:${role.wsDir}` : 'core';
}

/** The layer an interface file belongs to (as its role says). */
function layerOf(files: FileQueries, file: string): string {
  const role = files.appliedBy(cursusInterfaces, file)?.role;
  return role ? layerKey(role) : 'core';
}

/** The index keys of the step packs. */
function packLayers(files: FileQueries): string[] {
  return files.keysOf(FAMILY).filter((k) => k.startsWith('pack:'));
}

/** The index keys of the step packs the project's cursus merges: none before step packs. */
function mergedPacks(files: FileQueries): string[] {
  return cursusWithoutPacks(files) === null ? packLayers(files) : [];
}

/** What the package (its interfaces, then its extras) defines under a name. */
function packageDef(files: FileQueries, name: string): PackageDef | null {
  const names = definedNames(files);
  const find = (key: string): DefinedName | undefined => {
    for (const f of listed(files, key)) {
      const def = names.ofFile(f).find((d) => d.name === name);
      if (def) return def;
    }
    return undefined;
  };
  const iface = find('core');
  if (iface) return { def: iface, extras: false };
  const extra = find('extras');
  return extra ? { def: extra, extras: true } : null;
}

/** A step pack's interface entry of a name (the first pack in path order). */
function packEntry(files: FileQueries, name: string): DefinedName | null {
  const names = definedNames(files);
  for (const f of packLayers(files).flatMap((k) => listed(files, k))) {
    const def = names.ofFile(f).find((d) => d.name === name);
    if (def) return def;
  }
  return null;
}

/** The document of an interface file (null for other files). */
export function interfaceDoc(files: FileQueries, file: string): InterfaceDoc | null {
  return files.appliedBy(cursusInterfaces, file)?.facts?.doc ?? null;
}
