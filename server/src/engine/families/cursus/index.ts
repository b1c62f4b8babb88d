// The cursus family: core and workspace registries and their component modules. Its units are the
// core context and each developer workspace (checks/units.ts); its facts are registry sources and
// component classes, which the shared registry model merges.
import type { RegistryFamily } from '../family';
import type { Applied } from '../../analysis/facts';
import { coreSourceFromPython, coreSourceFromYaml, workspaceSource, type RegistrySource } from '../../model/source';
import { moduleClasses, parsePythonFacts, type PyFacts } from '../../python/facts';
import { spliceSource } from '../../model/splice';
import { detachSource } from '../../model/detachSource';
import type { Settings } from '../../types';
import { parseYamlLit } from '../../yaml/yamlLit';
import { checkCoreUnit, checkWorkspaceUnit } from '../../checks/units';
import { cursusClassifier, cursusRegistryGlobs, type CursusRole } from './roles';
import { cursusQueries } from './queries';

export const cursus: RegistryFamily = {
  name: 'cursus',
  classifier: ({ settings }) => cursusClassifier(settings),
  registryGlobs: ({ settings }) => cursusRegistryGlobs(settings),
  indexKey: (r) => {
    const role = r as CursusRole;
    if (role.role === 'ws-registry') return `ws:${role.wsDir}`;
    if (role.role === 'component') return `component:${role.wsDir ?? ''}`;
    return 'core';
  },
  read(path, r, text, settings, previous): Partial<Applied> {
    const role = r as CursusRole;
    if (role.role === 'core-yaml') return withLocal({ source: coreSourceFromYaml(path, parseYamlLit(text), settings) });
    if (role.role === 'ws-registry') {
      // Read whole (25 entries: under a millisecond), its strings copied out of the text, which can go.
      return withLocal({ source: detachSource(readRegistry(path, role, parsePythonFacts(text, path), settings)) });
    }
    if (role.role === 'core-py') {
      // An edit inside one variable's dict is read from the entries it touched (model/splice.ts), else the file whole.
      const was = previous?.payload as ReadFrom | null | undefined;
      const rebuild = (facts: PyFacts): RegistrySource => readRegistry(path, role, facts, settings);
      const spliced = was && was.settings === settings && previous?.source ? spliceSource(was.text, previous.source, text, settings, rebuild) : null;
      const source = spliced ?? rebuild(parsePythonFacts(text, path));
      const from: ReadFrom = { text, settings };
      return { ...withLocal({ source }), payload: from };
    }
    // A component is never an apcore module (the first family to claim a path reads it): its classes need no docstrings.
    return { py: moduleClasses(text, path, true) };
  },
  // A component module's facts are its classes, copied out of its text (python/detach.ts); a workspace
  // registry's are its source, copied likewise (model/detachSource.ts).
  textFree: (r) => (r as CursusRole).role === 'component' || (r as CursusRole).role === 'ws-registry',
  unitKeys: (q) => ['core', ...q.model.contextDirsQ('').map((d) => `ws:${d}`)],
  unit(key, q) {
    if (key === 'core') {
      const entries = cursusQueries(q);
      return checkCoreUnit(q.model, q.files.settings(), (name) => entries.coreEntryQ(name));
    }
    const ws = q.model.workspace(key.slice('ws:'.length));
    return ws ? checkWorkspaceUnit(q.model, ws, q.files.settings()) : [];
  },
};

function readRegistry(path: string, role: CursusRole, facts: PyFacts, settings: Settings): RegistrySource {
  return role.role === 'ws-registry' ? workspaceSource(path, role.wsDir, facts, settings) : coreSourceFromPython(path, facts, settings);
}

/** The text and settings a registry's facts were read from: what the next read of an edit starts from. */
interface ReadFrom { text: string; settings: Settings }

function withLocal(a: Partial<Applied>): Partial<Applied> {
  return { ...a, local: a.source?.diagnostics ?? [] };
}
