// What Registry Lens knows of ONEX itself, each fact with the upstream line it is compiled from: the tables of
// omnibase_core's and omnibase_infra's validators (node types, contract fields and indicators, node kinds, topic
// shapes) and the runtime profiles. The project's omnibase_core, installed or checked out, gives its own
// runtime-profile tables in place of these (CORE_TABLES); the others are not in its package as module literals.

/** linter_contract.py:98. */
export const LINTER_NODE_TYPES = ['COMPUTE_GENERIC', 'EFFECT_GENERIC', 'ORCHESTRATOR_GENERIC', 'REDUCER_GENERIC'];
/** linter_contract.py:104 (sorted, as `_suggest_similar_field` sorts them). */
export const LINTER_FIELDS = [
  'capabilities',
  'config',
  'consumed_events',
  'contract_name',
  'contract_version',
  'database_schema',
  'definitions',
  'dependencies',
  'description',
  'descriptor',
  'error_handling',
  'event_bus',
  'handler_id',
  'handler_routing',
  'health_check',
  'idempotency',
  'input_model',
  'input_subscriptions',
  'intent_consumption',
  'intent_emission',
  'io_operations',
  'mcp',
  'metadata',
  'name',
  'node_name',
  'node_type',
  'node_version',
  'operation_bindings',
  'output_model',
  'performance',
  'produced_events',
  'projection_reader',
  'published_events',
  'staleness',
  'state_machine',
  'state_model',
  'supported_rules',
  'tags',
  'time_injection',
  'validation',
  'validation_rules',
  'workflow_coordination',
];
/** linter_contract.py:158. */
export const LINTER_REQUIRED = ['name', 'node_type', 'contract_version', 'input_model', 'output_model'];
/** core scripts/validation/yaml_contract_validator.py:80 (compared upper-cased, :205). */
export const CORE_NODE_TYPES = [
  'COMPUTE',
  'EFFECT',
  'REDUCER',
  'ORCHESTRATOR',
  'RUNTIME_HOST',
  'COMPUTE_GENERIC',
  'EFFECT_GENERIC',
  'REDUCER_GENERIC',
  'ORCHESTRATOR_GENERIC',
  'RUNTIME_HOST_GENERIC',
  'GATEWAY',
  'VALIDATOR',
  'TRANSFORMER',
  'AGGREGATOR',
  'FUNCTION',
  'TOOL',
  'AGENT',
  'MODEL',
  'PLUGIN',
  'SCHEMA',
  'NODE',
  'WORKFLOW',
  'SERVICE',
  'UNKNOWN',
];
/**
 * core enums/enum_node_type.py:131-153: what `onex validate` accepts, by name or value upper-cased
 * (model_yaml_contract.py:124).
 */
export const ENUM_NODE_TYPES = CORE_NODE_TYPES.filter(
  (t) => !['COMPUTE', 'EFFECT', 'REDUCER', 'ORCHESTRATOR', 'RUNTIME_HOST'].includes(t),
);
/** core cli_compliance.py:160 and node_compliance_scan_compute/handler.py:450. */
export const NODE_KINDS = ['COMPUTE', 'REDUCER', 'EFFECT', 'ORCHESTRATOR'];
/** node_compliance_scan_compute/handler.py:55. */
export const SCAN_TOPIC = /^onex\.(cmd|evt)\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*\.v\d+$/;
/** core scripts/validate-contracts.py:178: a YAML file with one of these is validated as a contract. */
export const CORE_INDICATORS = [
  'contract_version',
  'node_type',
  'metadata',
  'inputs',
  'outputs',
  'configuration',
  'description',
];
/** The names the runtime can boot: core constants/constants_runtime_profiles.py:43 (infra runtime_profile.py:94). */
const REGISTERED_RUNTIME_PROFILES: readonly string[] = [
  'local-dev',
  'default',
  'main',
  'effects',
  'workers',
  'projection-api',
  'canary',
  'staging',
  'production',
];
/** The profiles that run a standalone consumer: core constants/constants_runtime_profiles.py:60. */
const CONSUMER_ATTACHED_RUNTIME_PROFILES: readonly string[] = ['main', 'effects', 'workers'];
/** `f"{TOPIC_PREFIX}.cmd."` (validator_runtime_profiles.py:211; TOPIC_PREFIX "onex", utils/util_topic_suffix.py:35). */
const COMMAND_TOPIC_PREFIX = 'onex.cmd.';
/** Archetypes whose subscriptions a consumer lane must drain (validator_runtime_profiles.py:238). */
const CONSUMER_REQUIRING_KINDS = ['reducer', 'effect'];

/** The omnibase_core release the built-in tables are compiled from. */
export const CORE_BUILT_IN_VERSION = '0.46.8';
/** The same, as the front ends name it (analysis/frameworkPins.ts). */
export const BUILT_IN_CORE = { name: 'omnibase_core', version: CORE_BUILT_IN_VERSION } as const;

/**
 * The tables ValidatorRuntimeProfiles imports or holds, as omnibase_core writes them: the module (below the
 * `omnibase_core` package folder) and the name, and the built-in value with its line in 0.46.8. An installed
 * omnibase_core gives its own (onex/contracts/coreTables.ts); these files are all that is read of it.
 */
export const CORE_TABLES = {
  registered: {
    module: 'constants/constants_runtime_profiles.py',
    name: 'REGISTERED_RUNTIME_PROFILES',
    builtIn: REGISTERED_RUNTIME_PROFILES,
    line: 43,
  },
  consumerAttached: {
    module: 'constants/constants_runtime_profiles.py',
    name: 'CONSUMER_ATTACHED_RUNTIME_PROFILES',
    builtIn: CONSUMER_ATTACHED_RUNTIME_PROFILES,
    line: 60,
  },
  consumerRequiring: {
    module: 'validation/validator_runtime_profiles.py',
    name: '_CONSUMER_REQUIRING_KINDS',
    builtIn: CONSUMER_REQUIRING_KINDS,
    line: 238,
  },
  topicPrefix: {
    module: 'utils/util_topic_suffix.py',
    name: 'TOPIC_PREFIX',
    builtIn: [COMMAND_TOPIC_PREFIX.slice(0, -'.cmd.'.length)],
    line: 35,
  },
} as const;
export type CoreTableId = keyof typeof CORE_TABLES;
