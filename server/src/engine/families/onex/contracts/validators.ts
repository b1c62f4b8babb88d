// The validators that read ONEX node contracts. They disagree on the real files (docs/onex-contracts.md),
// so no rule is the format's: each objection names its validator and rule id, and a repository's
// checks report the objections of the validators it runs — the setting `onexContracts.validators`, by
// default those its `.pre-commit-config.yaml` and CI workflows name (the marker of each below), and
// auto-wiring discovery always (the runtime reads every `onex.nodes` entry point).

export const VALIDATOR_IDS = [
  'auto-wiring',
  'contract-linter',
  'handler-routing-gate',
  'core-contracts',
  'compliance-scan',
  'compliance-check',
  'onex-validate',
  'handler-source',
  'runtime-profiles',
  'tenant-ingress',
  'topic-naming',
] as const;
export type ValidatorId = (typeof VALIDATOR_IDS)[number];

/** The directory the topic-naming gate scans, under the repository root (run_topic_lint.sh:60, ci.yml:652). */
export const TOPIC_SCAN = /(^|\/)src\/omnibase_infra\/nodes\//;

export interface ValidatorInfo {
  /** What it is called in messages. */
  title: string;
  /** Where it lives (file:line in its repository). */
  where: string;
  /** Text in a pre-commit configuration or CI workflow that says the repository runs it (null: always run). */
  marker: RegExp | null;
  /** Whether its objections stop the repository (a failing gate, a dropped node); false: it only warns. */
  blocking: boolean;
  /** The contracts it reads, by path (absent: every contract.yaml). */
  reads?: RegExp;
  /** The contracts it skips, by path. */
  skips?: { test(path: string): boolean };
}

export const VALIDATORS: Readonly<Record<ValidatorId, ValidatorInfo>> = {
  'auto-wiring': {
    title: 'auto-wiring discovery',
    where: 'omnibase_infra runtime/auto_wiring/discovery.py:108',
    marker: null,
    blocking: true,
  },
  // infra .pre-commit-config.yaml:505 `scripts/validate.py contracts` → scripts/validate.py:235
  // lint_contracts_in_directory.
  // lints `src/<package>/nodes/` (scripts/validate.py:211).
  'contract-linter': {
    title: 'ContractLinter',
    where: 'omnibase_infra validation/linter_contract.py:548',
    marker: /validate\.py contracts|linter_contract/,
    blocking: true,
    reads: /(^|\/)nodes\//,
  },
  // infra .pre-commit-config.yaml:289.
  'handler-routing-gate': {
    title: 'handler_routing flat-schema gate',
    where: 'omnibase_infra validators/handler_routing_schema.py',
    marker: /validators\.handler_routing_schema/,
    blocking: true,
  },
  // core .pre-commit-config.yaml:714 → scripts/validation/validate-contracts.py:41 (MinimalYamlContract).
  'core-contracts': {
    title: 'validate-contracts.py (MinimalYamlContract)',
    where: 'omnibase_core scripts/validation/validate-contracts.py:41',
    marker: /validate-contracts\.py/,
    blocking: true,
    // validate-contracts.py:229-270: archived directories and invalid-fixture directories are skipped.
    skips: { test: skippedByValidateContracts },
  },
  'compliance-scan': {
    title: 'compliance scan node',
    where: 'omnibase_core nodes/node_compliance_scan_compute/handler.py:130',
    marker: /node_compliance_scan_compute/,
    blocking: true,
  },
  // infra .github/workflows/ci.yml:1402 runs it (warn-only).
  'compliance-check': {
    title: '`onex compliance check`',
    where: 'omnibase_core cli/cli_compliance.py:55',
    marker: /onex compliance check/,
    blocking: false,
    skips: /(^|\/)examples\//,
  },
  'onex-validate': {
    title: '`onex validate` (ModelYamlContract)',
    where: 'omnibase_core models/contracts/model_yaml_contract.py:41',
    marker: /\bonex validate\b/,
    blocking: true,
  },
  // The runtime host loads handler contracts (runtime/handler_contract_source.py:358) whenever it starts.
  'handler-source': {
    title: 'HandlerContractSource',
    where: 'omnibase_infra runtime/handler_contract_source.py:628',
    marker: null,
    blocking: true,
  },
  // core .pre-commit-config.yaml:1694 and .github/workflows/validator-runtime-profiles.yml:89 run it on `src/`,
  // minus its exclude_patterns (validation/contracts/runtime_profiles.validation.yaml).
  'runtime-profiles': {
    title: 'ValidatorRuntimeProfiles',
    where: 'omnibase_core validation/validator_runtime_profiles.py:241',
    marker: /validator_runtime_profiles/,
    blocking: true,
    reads: /(^|\/)src\//,
    skips: /(^|\/)(archived?|__pycache__|\.venv|venv|node_modules)\/|(^|\/)tests\/fixtures\//,
  },
  // infra .pre-commit-config.yaml:309 passes it every changed contract.yaml (`files: (^|/)contract\.yaml$`);
  // .github/workflows/ci.yml:191 runs it on src/omnibase_infra.
  'tenant-ingress': {
    title: 'tenant_scoped_ingress opt-in gate',
    where: 'omnibase_infra validators/tenant_scoped_ingress_schema.py:185',
    marker: /tenant_scoped_ingress_schema/,
    blocking: true,
    skips: /(^|\/)__pycache__\//,
  },
  // infra .pre-commit-config.yaml:726 (hook topic-naming-lint → scripts/validation/run_topic_lint.sh:60) and
  // .github/workflows/ci.yml:652 run `lint_topic_names.py --scan-contracts src/omnibase_infra/nodes`.
  'topic-naming': {
    title: 'Topic Naming Lint',
    where: 'omnibase_infra scripts/validation/lint_topic_names.py:141',
    marker: /run_topic_lint\.sh|lint_topic_names\.py[\s\\]*--scan-contracts/,
    blocking: true,
    reads: TOPIC_SCAN,
  },
};

export function isValidatorId(s: string): s is ValidatorId {
  return (VALIDATOR_IDS as readonly string[]).includes(s);
}

/** The validators a repository runs by default: those always run, and those its gate files name. */
export function declaredValidators(named: ReadonlySet<ValidatorId>): ValidatorId[] {
  return VALIDATOR_IDS.filter((id) => VALIDATORS[id].marker === null || named.has(id));
}

/** Whether a validator reads a contract at this path. */
export function reads(id: ValidatorId, path: string): boolean {
  const v = VALIDATORS[id];
  return (!v.reads || v.reads.test(path)) && !(v.skips?.test(path) ?? false);
}

/**
 * validate-contracts.py:229-270's skipped paths: `(^|/)archived/`, `(^|/)tests/.*fixtures/.*(validation/.*invalid|
 * contracts)/` or `(^|/)tests/unit/contracts/.*fixtures/`, each part found at its first place after the one before
 * (which finds a match whenever there is one): that pattern as a regular expression tries every place (cubic time).
 */
function skippedByValidateContracts(path: string): boolean {
  const segment = (part: string): number =>
    path.startsWith(part) ? 0 : ((i) => (i < 0 ? -1 : i + 1))(path.indexOf(`/${part}`));
  const after = (part: string, from: number): number =>
    from < 0 ? -1 : ((i) => (i < 0 ? -1 : i + part.length))(path.indexOf(part, from));
  if (segment('archived/') >= 0) return true;
  const tests = segment('tests/');
  const fixtures = after('fixtures/', tests < 0 ? -1 : tests + 'tests/'.length);
  if (after('contracts/', fixtures) >= 0 || after('invalid/', after('validation/', fixtures)) >= 0) return true;
  const unit = segment('tests/unit/contracts/');
  return after('fixtures/', unit < 0 ? -1 : unit + 'tests/unit/contracts/'.length) >= 0;
}
