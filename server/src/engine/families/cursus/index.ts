// The cursus family: core and workspace registries and their component modules. Its units are the
// core context and each developer workspace (checks/units.ts); its facts are registry sources and
// component classes, which the shared registry model merges.
import type { RegistryFamily } from '../family';
import type { Applied } from '../../analysis/facts';
import { coreSourceFromPython, coreSourceFromYaml, workspaceSource } from '../../model/source';
import { parsePythonFacts } from '../../python/facts';
import { parseYamlLit } from '../../yaml/yamlLit';
import { checkCoreUnit, checkWorkspaceUnit } from '../../checks/units';
import { cursusClassifier, type CursusRole } from './roles';
import { cursusQueries } from './queries';

export const cursus: RegistryFamily = {
  name: 'cursus',
  classifier: ({ settings }) => cursusClassifier(settings),
  indexKey: (r) => {
    const role = r as CursusRole;
    if (role.role === 'ws-registry') return `ws:${role.wsDir}`;
    if (role.role === 'component') return `component:${role.wsDir ?? ''}`;
    return 'core';
  },
  read(path, r, text, settings): Partial<Applied> {
    const role = r as CursusRole;
    if (role.role === 'core-yaml') return withLocal({ source: coreSourceFromYaml(path, parseYamlLit(text), settings) });
    const facts = parsePythonFacts(text, role.role !== 'component', path);
    if (role.role === 'core-py') return withLocal({ source: coreSourceFromPython(path, facts, settings) });
    if (role.role === 'ws-registry') return withLocal({ source: workspaceSource(path, role.wsDir, facts, settings) });
    return { py: facts.classes, classes: facts.classes.map((c) => ({ name: c.name, file: path, range: c.range, nameRange: c.nameRange })) };
  },
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

function withLocal(a: Partial<Applied>): Partial<Applied> {
  return { ...a, local: a.source?.diagnostics ?? [] };
}
