// The apcore family: `apcore.yaml`, the id map, and the module files under the extension roots (SPEC
// §1.6). Where modules may live depends on apcore.yaml's roots, so that is this family's layout. Its
// units are the scan (stages 1–2), each module's entry class and validation (stages 4–5), and each
// binding file's targets (`*.binding.yaml` or `binding.yaml`, which an application loads wherever it keeps them).
import type { StepFamily } from '../../model/member';
import { stepQueries } from '../../model/queries';
import type { HostLink } from '../../types';
import { moduleClasses } from '../../python/facts';
import { readJsModule } from './jsExports';
import { isUnder } from '../../util/paths';
import { rootsFromSettings } from './projectConfig';
import { APCORE_CONFIG_FILES, BUILT_IN_APCORE, DEFAULT_ID_MAP, DEFAULT_ROOT } from './framework';
import { readApcoreConfig } from './apcoreConfig';
import { APCORE_SETTINGS } from './apcoreSettings';
import { readIdMap } from './idMapFile';
import { APCORE_CODES } from './codes';
import { isScanCandidate, rootOf } from './scan';
import { readBindingFile } from './bindingFile';
import { checkBindingTargets } from './bindingTargets';
import { bindingWanted } from './bindingWanted';
import { readAclFile } from './aclFile';
import { moduleScan, type ApcoreFacts } from './moduleScan';
import { APCORE_DISCOVERY } from './discovery/rules';
import { PipelineQueries } from './discovery/stages';
import { apcorePython } from './pythonRelease';
import { assumedFramework } from '../../analysis/frameworkPins';

export { APCORE_DISCOVERY };

export type ApcoreRole = { family: 'apcore'; role: 'config' | 'id-map' | 'module' | 'binding' | 'acl' };
/** Shared by every module file (an extension root may hold thousands). */
const MODULE: ApcoreRole = Object.freeze({ family: 'apcore', role: 'module' });

/**
 * Where apcore modules may live: the possible extension roots, the id map path, the host's links; and
 * where apcore.yaml's `acl.root` keeps ACL files (null without apcore.yaml, or when it is the whole folder).
 */
export interface ApcoreLayout {
  roots: string[];
  idMap: string;
  links: HostLink[];
  aclRoot: string | null;
}

const CODE_FILE = /\.(?:py|ts|js)$/;
/**
 * Binding files: `load_binding_dir`'s default pattern `*.binding.yaml` (apcore-python 0.19.0 `bindings.py:235`,
 * apcore-typescript 0.25.0 `bindings.ts:160,174-178`), and `binding.yaml`, the name of apcore-typescript's example
 * (`examples/bindings/format-date/binding.yaml`), which an application passes to `load_bindings` (any path it reads).
 */
const BINDING_FILE = /(?:^|\/)(?:[^/]*\.)?binding\.yaml$/;
const BINDING: ApcoreRole = Object.freeze({ family: 'apcore', role: 'binding' });
const ACL_FILE: ApcoreRole = Object.freeze({ family: 'apcore', role: 'acl' });
const YAML_FILE = /\.ya?ml$/;

export const apcore: StepFamily<ApcoreRole, ApcoreFacts, ApcoreLayout> = {
  name: 'apcore',
  // apcore.yaml and the id map; modules in Python, TypeScript or JavaScript.
  paths: {
    names: ['*.yaml', '*.yml', '*.py', '*.ts', '*.js'],
    languages: ['yaml', 'python'],
    // a project's apcore.yaml says it has extension roots (the default root, ./extensions, holds no marker of its own)
    markers: APCORE_CONFIG_FILES.map((f) => `**/${f}`),
  },
  codes: APCORE_CODES,
  settings: APCORE_SETTINGS,
  framework: BUILT_IN_APCORE,
  // Where apcore-python 0.18 and older discover otherwise (pythonRelease.ts).
  followsVersion: ['RL009', 'RL022', 'RL027', 'RL070', 'RL072'],
  examples: [{ dir: 'apcore-extensions' }],
  step: {
    lists: { module: 'module', idMap: 'id-map', binding: 'binding' },
    modules: (files, lists) => moduleScan(files, lists, (p) => files.appliedBy(apcore, p)?.facts ?? null),
    discovery: APCORE_DISCOVERY,
    stages: (db, inputs) => new PipelineQueries(db, inputs),
  },
  layout({ settings, text, links }): ApcoreLayout {
    const file = APCORE_CONFIG_FILES.find((p) => text(p) !== undefined);
    const source = file ? text(file) : undefined;
    const cfg = file && source !== undefined ? readApcoreConfig(file, source) : null;
    const own = APCORE_SETTINGS.of(settings);
    const roots = [...new Set([...rootsFromSettings(own.apcoreRoots), ...(cfg?.roots ?? [])].map((r) => r.path))];
    const idMap = own.apcoreIdMap ?? (cfg?.idMap ? (cfg.idMap.path ?? '') : DEFAULT_ID_MAP);
    return { roots: roots.length > 0 ? roots : [DEFAULT_ROOT], idMap, links, aclRoot: cfg?.aclRoot || null };
  },
  classifier({ layout: l }) {
    return (path) => {
      if (APCORE_CONFIG_FILES.includes(path)) return { family: 'apcore', role: 'config' };
      if (path === l.idMap) return { family: 'apcore', role: 'id-map' };
      if (BINDING_FILE.test(path)) return BINDING;
      if (l.aclRoot !== null && YAML_FILE.test(path) && isUnder(path, l.aclRoot)) return ACL_FILE;
      return CODE_FILE.test(path) && isModuleCandidate(l, path) ? MODULE : null;
    };
  },
  registryGlobs: ({ layout }) => [
    ...APCORE_CONFIG_FILES,
    '**/*.binding.yaml',
    '**/binding.yaml',
    ...(layout.aclRoot === null ? [] : [`${layout.aclRoot === '' ? '' : `${layout.aclRoot}/`}**/*.{yaml,yml}`]),
    ...layout.roots.map((r) => `${r === '' ? '' : `${r}/`}**/*.{py,ts,js}`),
  ],
  indexKey: (r) => r.role,
  read(path, r, text) {
    if (r.role === 'config') {
      const apcoreCfg = readApcoreConfig(path, text);
      return { facts: { apcore: apcoreCfg }, local: apcoreCfg.diagnostics };
    }
    if (r.role === 'acl') return { facts: {}, local: readAclFile(path, text) };
    if (r.role === 'binding') {
      const bindings = readBindingFile(path, text);
      return { facts: { bindings }, local: bindings.diagnostics };
    }
    if (r.role === 'id-map') {
      const idMap = readIdMap(path, text);
      return { facts: { idMap }, local: idMap.diagnostics };
    }
    return path.endsWith('.py')
      ? { facts: { py: moduleClasses(text, path) } }
      : { facts: { js: readJsModule(text, path) } };
  },
  unitKeys: (q) => {
    const s = stepQueries(q.files);
    return [
      'apcore',
      ...s.scan.moduleFilesQ('').map((f) => `mod:${f}`),
      ...s.step.bindingFiles().map((f) => `bind:${f}`),
    ];
  },
  unit(key, q) {
    const { scan, pipeline, step } = stepQueries(q.files);
    if (key.startsWith('bind:')) {
      const doc = step.bindingDoc(key.slice('bind:'.length));
      const f = q.files;
      if (!doc) return [];
      // The binding spec's rules, when the project's apcore-python has them (pythonRelease.ts).
      const spec = doc.specDiagnostics.length > 0 && apcorePython(assumedFramework(f, BUILT_IN_APCORE)).bindingSpec;
      return [
        ...(spec ? doc.specDiagnostics : []),
        ...checkBindingTargets(doc, {
          exists: (p) => f.exists(p),
          dirExists: (p) => f.dirExists(p),
          text: (p) => f.textOf(p),
        }),
      ];
    }
    return key === 'apcore' ? scan.diagnosticsQ('') : pipeline.moduleDiagnosticsQ(key.slice('mod:'.length));
  },
  // The files binding targets name, so their names can be read.
  wantedFiles: (q) => bindingWanted(q.files),
  relevance: (layout) => JSON.stringify([layout.roots, layout.idMap, layout.aclRoot]),
  // Its files are read by every open file, and an open one needs the whole root; they lie only in its
  // configuration, its id map and under its extension roots.
  parts: {
    of: () => null,
    readBy: () => null,
    // A module's unit reports on the id map and the meta file that name it too.
    whole: true,
    below: (dir, { layout }) =>
      [...APCORE_CONFIG_FILES, layout.idMap].some((f) => isUnder(f, dir)) ||
      [...layout.roots, ...(layout.aclRoot === null ? [] : [layout.aclRoot])].some(
        (r) => isUnder(r, dir) || isUnder(dir, r),
      )
        ? null
        : [],
  },
  // An id map item's `file` links to the module it names, as apcore matches it (relative to an extension root, else to
  // the map's directory).
  features: {
    documentLinks(file, q) {
      return stepQueries(q.files).scan.idMapLinksOf(file);
    },
  },
};

/** Under an extension root, passing the scan rules, and not reached through a link that leaves that root. */
function isModuleCandidate(layout: ApcoreLayout, path: string): boolean {
  const root = rootOf(
    path,
    layout.roots.map((r) => ({ path: r })),
  );
  if (!root || !isScanCandidate(root.path === '' ? path : path.slice(root.path.length + 1))) return false;
  return !layout.links.some(
    (l) => isUnder(path, l.path) && isUnder(l.path, root.path) && (l.target === null || !isUnder(l.target, root.path)),
  );
}
