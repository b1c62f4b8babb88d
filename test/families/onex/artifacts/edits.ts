// The ONEX family's random edits (test/engine/randomEdits.ts): registry entries, metadata, `.wip`
// markers, the `.onextree`, the registry loader's engine, entrypoints; and the names Explain is asked about after each.
import { replaceRandom, type Edit } from '../../../engine/editKit';

const ONEX_REGISTRY = 'src/demo_onex/registry/registry.yaml';
const ONEX_VERSIONS = ['v1_0_0', '1.1.0', 'v1_1_0', '2.0.0', 'bad'];
const ONEX_NAMES = ['echo_node', 'template_node', 'logger_node', 'parity_validator_node'];

/** ONEX names the oracle explains. */
export const ONEX_EXPLAINED = ['echo_node@latest', 'echo_node@1.0.0', 'logger_node@pinned'];

/** Edits of the ONEX example: registry entries, metadata, `.wip` markers, the `.onextree`. */
export const ONEX_EDITS: Edit[] = [
  (files, pick) => {
    const t = replaceRandom(files.get(ONEX_REGISTRY) ?? '', /(version|path|metadata_file|name): "[^"]*"/, pick, (m) => {
      if (m[1] === 'version') return `version: "${pick(ONEX_VERSIONS)}"`;
      if (m[1] === 'name') return `name: "${pick(ONEX_NAMES)}"`;
      if (m[1] === 'metadata_file')
        return `metadata_file: "${pick(['node.onex.yaml', 'cli_tool.yaml', 'missing.yaml'])}"`;
      return `path: "src/demo_onex/nodes/${pick(ONEX_NAMES)}/${pick(['v1_0_0', 'v1_1_0'])}"`;
    });
    return t === null ? null : [ONEX_REGISTRY, t];
  },
  (files, pick) => [
    ONEX_REGISTRY,
    (files.get(ONEX_REGISTRY) ?? '').replace(
      /^ {2}(nodes|total_artifacts): \d+$/m,
      (_, k: string) => `  ${k}: ${pick([3, 4, 6])}`,
    ),
  ],
  (files, pick) => {
    const dir = `src/demo_onex/nodes/${pick(ONEX_NAMES)}/${pick(['v1_0_0', 'v1_1_0'])}`;
    const r = pick([0, 1, 2]);
    if (r === 0) return [`${dir}/.wip`, files.has(`${dir}/.wip`) ? null : ''];
    if (r === 1)
      return [
        `${dir}/node.onex.yaml`,
        files.has(`${dir}/node.onex.yaml`)
          ? null
          : `name: "${pick(ONEX_NAMES)}"\nversion: "1.0.0"\nschema_version: "0.1.0"\n`,
      ];
    const f = `${dir}/node.onex.yaml`;
    return files.has(f)
      ? [
          f,
          (files.get(f) ?? '').replace(
            /^name: .*$/m,
            pick(['name: "{NODE_NAME}"', 'name: {NODE_NAME}', `name: "${pick(ONEX_NAMES)}"`]),
          ),
        ]
      : null;
  },
  (files, pick) => {
    const t = files.get('.onextree');
    if (t === undefined) return null;
    return [
      '.onextree',
      pick([true, false])
        ? t.replace(/^ *- name: (node\.onex\.yaml|cli_tool\.yaml)\n *type: file\n/m, '')
        : `${t}`.replace(
            'children:\n- name: __init__.py',
            'children:\n- name: __init__.py\n  type: file\n- name: extra',
          ),
    ];
  }, // The registry loader's engine reading the `.onextree` (omnibase development) or registry.yaml (main), or none.
  (_files, pick) => [
    'src/demo_onex/nodes/registry_loader_node/v1_0_0/helpers/registry_engine.py',
    pick([null, 'artifacts = tree.find_versioned_artifacts()\n', 'registry = root / "registry" / "registry.yaml"\n']),
  ],
  // An entrypoint set, pointing at a file or at nothing, in a registered or unregistered version.
  (files, pick) => {
    const f = `src/demo_onex/nodes/${pick(ONEX_NAMES)}/${pick(['v1_0_0', 'v1_1_0'])}/node.onex.yaml`;
    const t = files.get(f);
    return t === undefined
      ? null
      : [
          f,
          `${t.replace(/^entrypoint: .*\n/m, '')}entrypoint: ${pick(['python://src/main.py', 'python://node.py', 'python://demo_onex.nodes.echo_node.v1_0_0.node'])}\n`,
        ];
  },
];
