// The ONEX-contracts family's per-file part: which paths are its (facts.ts) and how one file is read.
import type { FileFamily } from '../../../analysis/files';
import { FAMILY, classifyContract, type ContractFacts, type ContractRole } from './facts';
import { readPyproject } from './pyproject';
import { readContract } from './contractDoc';
import { readArtifacts } from './artifactDoc';
import { passedAllowlists, readAllowlist } from './profiles';
import { ingressOptions, readIngressAllowlist } from './ingressAllowlist';
import { VALIDATOR_IDS, VALIDATORS } from './validators';
import { readTopicBaseline } from './topicNaming';
import { readTopicModule } from './topicPython';
import { readCoreModule, readCoreVersion } from './coreTables';

export const contractFiles: FileFamily<ContractRole, ContractFacts> = {
  name: FAMILY,
  classifier: () => classifyContract,
  indexKey: (role) => role.role,
  read(path, role, text) {
    switch (role.role) {
      case 'pyproject': {
        const { doc, local } = readPyproject(path, text);
        return { facts: { kind: 'pyproject', doc }, local };
      }
      case 'contract': {
        const { doc, local } = readContract(path, text);
        return { facts: { kind: 'contract', doc }, local };
      }
      case 'handler': {
        const { doc, local } = readContract(path, text);
        return { facts: { kind: 'handler', doc }, local };
      }
      case 'artifacts': {
        const { doc, local } = readArtifacts(path, text);
        return { facts: { kind: 'artifacts', doc }, local };
      }
      case 'allowlist':
        return { facts: { kind: 'allowlist', nodeIds: readAllowlist(text) } };
      case 'ingress':
        return { facts: { kind: 'ingress', doc: readIngressAllowlist(text) } };
      case 'baseline':
        return { facts: { kind: 'baseline', lines: readTopicBaseline(text) } };
      case 'topics':
        return { facts: { kind: 'topics', literals: readTopicModule(text) } };
      case 'core':
        return { facts: readCoreModule(path, text) };
      case 'coreMetadata':
        return { facts: { kind: 'coreMetadata', version: readCoreVersion(text) } };
      default: {
        const validators = VALIDATOR_IDS.filter((id) => VALIDATORS[id].marker?.test(text) ?? false);
        return {
          facts: { kind: 'gates', validators, allowlists: passedAllowlists(path, text), ingress: ingressOptions(text) },
        };
      }
    }
  },
};
