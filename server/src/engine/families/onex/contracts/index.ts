// The ONEX-contracts family (docs/onex-contracts.md): ONEX as its repositories keep it today — the
// `onex.nodes` entry points of `pyproject.toml`, the flat `nodes/<name>/contract.yaml` each resolves to,
// handler contracts and the artifact registry — checked against the validators the repository runs.
// A peer of the 2025-format ONEX family (../onex), which reads registry.yaml and version directories.
import type { Family } from '../../../analysis/family';
import { classifyContract, REGISTRY_GLOB, TOPICS_ROLE, type ContractFacts, type ContractRole } from './facts';
import { BUILT_IN_CORE } from '../framework';
import { contractFiles } from './reader';
import { ONEX_CONTRACT_CODES } from './codes';
import { ONEX_CONTRACT_SETTINGS } from './settings';
import { contractQueries } from './queries';
import { unit, unitKeys } from './checks';
import { contractFeatures } from './features';
import { CORE_MODULES } from './coreTables';
import { topicLayout, topicModuleRoot, type TopicLayout } from './topicPython';

/** The part of the root its files are: no path, so no context of another family is named so. */
const PART = '\0onex-contracts';
const SOURCE_DIR = /(?:^|\/)src\//;

export const onexContracts: Family<ContractRole, ContractFacts, TopicLayout> = {
  ...contractFiles,
  // The modules the topic-naming gate's Python half scans are the family's only in a repository that runs it: where
  // that is takes the gate files and the directories the host reported, and a new walk then finds the modules.
  layout: topicLayout,
  relevance: (layout) => JSON.stringify(layout.roots),
  classifier:
    ({ layout }) =>
    (path) =>
      classifyContract(path) ?? (topicModuleRoot(path, layout) === null ? null : TOPICS_ROLE),
  // Such a module is kept as the topics it holds: its text can go (the modules entry points name are read again).
  factsKeep: (role) => (role.role === 'topics' ? 'strings' : undefined),
  stringsOf: (facts, each) => {
    if (facts.kind === 'topics') for (const t of facts.literals) t.value = each(t.value);
  },
  codes: ONEX_CONTRACT_CODES,
  settings: ONEX_CONTRACT_SETTINGS,
  framework: BUILT_IN_CORE,
  examples: [{ dir: 'onex-contracts', everyLevel: true }],
  paths: {
    names: ['pyproject.toml', '*.yaml', '*.yml', 'topic_naming_baseline.txt'],
    languages: ['yaml', 'toml'],
    markers: ['**/contract.yaml'],
    // Of an installed omnibase_core: the runtime-profile tables' modules, and the validator's default allowlist
    // beside it (validator_runtime_profiles.py:85), which applies where no gate passes its own.
    installed: { omnibase_core: [...CORE_MODULES, 'validation/runtime_profiles_allowlist.yaml'] },
  },
  // Any repository has CI workflows and a pyproject.toml: an ONEX one is counted (`counts`).
  incidental: ['gates', 'pyproject'],
  registryGlobs: () => [REGISTRY_GLOB],
  // Entry points, contracts and the modules they name are read together: a part of their own. An open node or
  // handler contract, or a module the topic-naming gate scans, reads only it (and the modules and contracts the
  // analysis asks for: `wantedFiles`); an open pyproject or artifact registry needs the whole root (trigger globs name
  // any directory).
  parts: {
    of: () => PART,
    readBy: (_path, role) => (['contract', 'handler', 'topics'].includes(role.role) ? [PART] : null),
    below: () => [PART],
  },
  unitKeys,
  unit,
  features: contractFeatures,
  counts(q) {
    const c = contractQueries(q.files);
    return { sources: c.onexPyprojectsQ('').length, entries: c.entriesQ('').length };
  },
  // The artifact registry's trigger globs name directories under `src/` whose files nobody reads: the host
  // reports them while it walks, before the registry is read (a few hundred in omnibase_infra).
  wantsDirectory: (path) => SOURCE_DIR.test(path),
  wantedFiles: (q) => contractQueries(q.files).wantedQ(''),
};
