// What Registry Lens knows of apcore itself, each fact with the upstream line it is compiled from: the SDK versions
// mirrored, apcore.yaml's names, defaults and required fields, the module fields' and annotations' defaults of each
// SDK. The one place per framework where facts read from an installed apcore will come in.

/** The SDKs whose behaviour the apcore family mirrors, at the versions it was compiled from. */
export type ApcoreSdk = 'python' | 'typescript';
/** The apcore-python release mirrored (the front ends name it: analysis/frameworkPins.ts). */
export const BUILT_IN_APCORE = { name: 'apcore', version: '0.19.0' } as const;
export const SDK_NAME: Record<ApcoreSdk, string> = {
  python: `apcore-python ${BUILT_IN_APCORE.version}`,
  typescript: 'apcore-typescript 0.25.0',
};
/** apcore's Config default of `acl.root`, relative to apcore.yaml. */
export const DEFAULT_ACL_ROOT = 'acl';

export const APCORE_CONFIG_FILES = ['apcore.yaml', 'apcore.yml'];
export const DEFAULT_ROOT = 'extensions';
export const DEFAULT_ID_MAP = 'id_map.yaml';
/** `extensions.max_depth`: its default and the range Config.validate accepts. */
export const DEFAULT_MAX_DEPTH = 8;
export const MAX_DEPTH_LIMIT = 16;
/** Every field but `extensions.root` has a default; the file can only take one away. */
export const CONFIG_REQUIRED = [
  'version',
  'extensions.root',
  'schema.root',
  'acl.root',
  'acl.default_effect',
  'project.name',
];
/** ModuleAnnotations' fields and defaults: apcore-python module.py:82-93, apcore-typescript module.ts:42-56. */
export const ANNOTATION_DEFAULTS: Record<ApcoreSdk, Record<string, unknown>> = {
  python: {
    readonly: false,
    destructive: false,
    idempotent: false,
    requires_approval: false,
    open_world: true,
    streaming: false,
    cacheable: false,
    cache_ttl: 0,
    cache_key_fields: null,
    paginated: false,
    pagination_style: 'cursor',
    extra: {},
  },
  typescript: {
    readonly: false,
    destructive: false,
    idempotent: false,
    requiresApproval: false,
    openWorld: true,
    streaming: false,
    cacheable: false,
    cacheTtl: 0,
    cacheKeyFields: null,
    paginated: false,
    paginationStyle: 'cursor',
    discoverable: true,
    extra: {},
  },
};

/** What a field is when neither side gives it (the `getattr` defaults and the `?? …` fallbacks). */
export const MODULE_DEFAULTS: Record<string, unknown> = {
  description: '',
  name: null,
  tags: [],
  version: '1.0.0',
  examples: [],
  metadata: {},
  documentation: null,
};
