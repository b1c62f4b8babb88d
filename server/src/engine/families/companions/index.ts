// The companions family: `*_meta.yaml` files beside the code they describe (SPEC §1.5), and the code
// files they name (subjects, entry points), read for their classes. A companion binds to an entry of
// any family through the shared model; its units are each group of meta files (a workspace's, or a
// bucket of core's: stages 3, 4, 6) and each context's dependency cycles (stage 7).
import type { RegistryFamily } from '../family';
import { moduleClasses } from '../../python/facts';
import { isMetaFile, loadMeta, META_SUFFIX } from '../../pipeline/metadata';
import { subjectCandidates } from '../../pipeline/subject';

export type CompanionRole = { family: 'companions'; role: 'meta' | 'code' };

const CODE_FILE = /\.(py|ts|js)$/;
/** One role object per role, shared by every file that has it (10,000 meta files of a large org had one each). */
const META: CompanionRole = Object.freeze({ family: 'companions', role: 'meta' });
const CODE: CompanionRole = Object.freeze({ family: 'companions', role: 'code' });

export const companions: RegistryFamily = {
  name: 'companions',
  classifier: () => (path) => {
    if (isMetaFile(path)) return META;
    return CODE_FILE.test(path) ? CODE : null;
  },
  registryGlobs: () => [`**/*${META_SUFFIX}`],
  indexKey: (r) => (r.role === 'meta' ? 'meta' : null),
  read(path, r, text) {
    if (r.role === 'meta') { const meta = loadMeta(path, text); return { meta, local: meta.diagnostics }; }
    return path.endsWith('.py') ? { py: moduleClasses(text, path) } : {};
  },
  wants: (path, r, q) => r.role === 'meta' || q.pipeline.watches(path),
  companionsOf: (path, r) => (r.role === 'meta' ? subjectCandidates(path) : []),
  wantedFiles: (q) => q.pipeline.wantedQ(''),
  unitKeys: (q) => [...q.pipeline.metaGroupsQ('').map((g) => `metas:${g}`), ...q.pipeline.cycleScopesQ('').map((s) => `cyc:${s}`)],
  unit: (key, q) => (key.startsWith('metas:') ? q.pipeline.groupDiagnostics(key.slice('metas:'.length)) : q.pipeline.cyclesQ(key.slice('cyc:'.length))),
};
