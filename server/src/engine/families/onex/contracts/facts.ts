// What the ONEX-contracts family keeps per file: a `pyproject.toml` (its `onex.nodes` entry points),
// a node contract, a handler contract, the artifact registry, or a gate file (`.pre-commit-config.yaml`,
// a CI workflow) reduced to the validators it names, the runtime-profiles allowlists and tenant-ingress
// options it passes, a runtime-profiles allowlist reduced to its node ids, the tenant_scoped_ingress
// allowlist (ingressAllowlist.ts), the topic-naming gate's baseline reduced to its lines (topicNaming.ts), a
// module the gate's Python half scans reduced to the topics it lints (topicPython.ts), or one of omnibase_core's
// modules holding the runtime-profile tables, or its distribution's METADATA, reduced to those tables and its
// version (coreTables.ts).
import type { PyprojectDoc } from './pyproject';
import type { ContractDoc } from './contractDoc';
import type { ArtifactDoc } from './artifactDoc';
import type { ValidatorId } from './validators';
import type { IngressAllowlist, IngressOptions } from './ingressAllowlist';
import type { TopicLiteral } from './topicPython';
import { CORE_MODULE, CORE_METADATA, type CoreModuleFacts } from './coreTables';

/** The family's name: its index keys are read back under it. */
export const FAMILY = 'onex-contracts';

export type ContractRoleName =
  | 'pyproject'
  | 'contract'
  | 'handler'
  | 'artifacts'
  | 'gates'
  | 'allowlist'
  | 'ingress'
  | 'baseline'
  | 'topics'
  | 'core'
  | 'coreMetadata';
export interface ContractRole {
  family: 'onex-contracts';
  role: ContractRoleName;
}

export type ContractFacts =
  | { kind: 'pyproject'; doc: PyprojectDoc }
  | { kind: 'contract'; doc: ContractDoc }
  | { kind: 'handler'; doc: ContractDoc }
  | { kind: 'artifacts'; doc: ArtifactDoc }
  | { kind: 'gates'; validators: ValidatorId[]; allowlists: string[]; ingress: IngressOptions | null }
  | { kind: 'allowlist'; nodeIds: string[] }
  | { kind: 'ingress'; doc: IngressAllowlist }
  | { kind: 'baseline'; lines: string[] }
  | { kind: 'topics'; literals: TopicLiteral[] }
  | CoreModuleFacts
  | { kind: 'coreMetadata'; version: string | null };

const role = (r: ContractRoleName): ContractRole => Object.freeze({ family: FAMILY, role: r });
/** A module the topic-naming gate's Python half scans (classified by the family's layout: topicPython.ts). */
export const TOPICS_ROLE = role('topics');
const ROLES: readonly [RegExp, ContractRole][] = [
  [/(^|\/)pyproject\.toml$/, role('pyproject')],
  [/(^|\/)contract\.yaml$/, role('contract')],
  [/(^|\/)handler_contract\.yaml$/, role('handler')],
  [/(^|\/)artifact_registry\.yaml$/, role('artifacts')],
  [/(^|\/)runtime_profiles_allowlist\.yaml$/, role('allowlist')],
  [/(^|\/)tenant_scoped_ingress_allowlist\.yaml$/, role('ingress')],
  [/(^|\/)scripts\/validation\/topic_naming_baseline\.txt$/, role('baseline')],
  [/(^|\/)(\.pre-commit-config\.yaml|\.github\/workflows\/[^/]+\.ya?ml)$/, role('gates')],
  [CORE_MODULE, role('core')],
  [CORE_METADATA, role('coreMetadata')],
];

/** The registry's glob: a `pyproject.toml` (with an `onex.nodes` table). */
export const REGISTRY_GLOB = '**/pyproject.toml';

/** A version directory (`v1_0_0`): the 2025 format's (the onex family's), which today's repositories flattened away. */
const VERSION_DIR = /(?:^|\/)v\d+_\d+_\d+\//;

export function classifyContract(path: string): ContractRole | null {
  if (VERSION_DIR.test(path)) return null;
  for (const [re, r] of ROLES) if (re.test(path)) return r;
  return null;
}
