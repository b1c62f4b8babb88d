// The companions family: `*_meta.yaml` files beside the code they describe (SPEC §1.5), and the code
// files they name (subjects, entry points), read for their classes. A companion binds to an entry of
// any family through the shared model; its units are each group of meta files (a workspace's, or a
// bucket of core's: stages 3, 4, 6) and each context's dependency cycles (stage 7). A meta file is read
// by the rules of the member that scans modules, which the registry of families hands it.
import type { DiscoveryRules, StepFacts, StepFamily } from '../../../model/member';
import { stepQueries } from '../../../model/queries';
import { moduleClasses } from '../../../python/facts';
import { isMetaFile, META_SUFFIX } from '../../../model/discovery/metaFiles';
import { subjectCandidates } from '../../../model/discovery/subject';
import { isCoreGroup } from '../../../model/discovery/stages';
import { contextParts } from '../../../model/parts';

export type CompanionRole = { family: 'companions'; role: 'meta' | 'code' };

const CODE_FILE = /\.(?:py|ts|js)$/;
/** One role object per role, shared by every file that has it (10,000 meta files of a large org had one each). */
const META: CompanionRole = Object.freeze({ family: 'companions', role: 'meta' });
const CODE: CompanionRole = Object.freeze({ family: 'companions', role: 'code' });

/** The companions family, reading meta files by the discovery rules it is given. */
export const companionsFamily = (rules: Pick<DiscoveryRules, 'readMeta'>): StepFamily<CompanionRole, StepFacts> => ({
  name: 'companions',
  examples: [{ dir: 'meta-workspace' }],
  paths: { names: ['*.yaml', '*.yml', '*.py', '*.ts', '*.js'], languages: ['yaml', 'python'] },
  step: { lists: { meta: 'meta' } },
  classifier: () => (path) => {
    if (isMetaFile(path)) return META;
    return CODE_FILE.test(path) ? CODE : null;
  },
  registryGlobs: () => [`**/*${META_SUFFIX}`],
  indexKey: (r) => (r.role === 'meta' ? 'meta' : null),
  read(path, r, text) {
    if (r.role === 'meta') {
      const meta = rules.readMeta(path, text);
      return { facts: { meta }, local: meta.diagnostics };
    }
    return path.endsWith('.py') ? { facts: { py: moduleClasses(text, path) } } : {};
  },
  wants: (path, r, q) => r.role === 'meta' || stepQueries(q.files).pipeline.watches(path),
  companionsOf: (path, r) => (r.role === 'meta' ? subjectCandidates(path) : []),
  // A meta file and the code it names are the metadata of the context they lie in; core's groups and cycles report
  // on core's files.
  parts: contextParts(
    () => 'metadata',
    (key) => isCoreGroup(key.slice(key.indexOf(':') + 1)),
  ),
  wantedFiles: (q) => stepQueries(q.files).pipeline.wantedQ(''),
  // `entry_point: NAME:Class` links to the module file apcore looks the class up in: the meta file's subject (NAME is
  // ignored).
  features: {
    documentLinks(file, q) {
      const { step, pipeline } = stepQueries(q.files);
      const ep = step.metaDoc(file)?.entryPoint;
      const subject = ep ? pipeline.bindingOf(file)?.subject : null;
      return ep && subject ? [{ range: ep.inner, target: subject }] : [];
    },
  },
  unitKeys(q) {
    const { pipeline } = stepQueries(q.files);
    return [...pipeline.metaGroupsQ('').map((g) => `metas:${g}`), ...pipeline.cycleScopesQ('').map((s) => `cyc:${s}`)];
  },
  unit(key, q) {
    const { pipeline } = stepQueries(q.files);
    return key.startsWith('metas:')
      ? pipeline.groupDiagnostics(key.slice('metas:'.length))
      : pipeline.cyclesQ(key.slice('cyc:'.length));
  },
});
