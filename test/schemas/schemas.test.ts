// The JSON schemas of cursus step interfaces and ONEX registries compile in ajv's strict mode, describe
// every key (hover and completion are built from the descriptions), accept files shaped like the real
// ones (test/schemas/fixtures) and reject what the real tools refuse, at the offending node.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { parseAllDocuments } from 'yaml';

const REPO = join(__dirname, '../..');
const FIXTURES = join(__dirname, 'fixtures');
const SCHEMAS = [
  'step-interface',
  'onex-registry',
  'onex-metadata',
  'onex-node',
  'onex-cli-tool',
  'onex-runtime',
  'onex-contract',
] as const;
type SchemaName = (typeof SCHEMAS)[number];

const schemaJson = (name: SchemaName): Record<string, unknown> =>
  JSON.parse(readFileSync(join(REPO, 'schemas', `${name}.schema.json`), 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schemaJson('onex-metadata'));
const validators = new Map<SchemaName, ValidateFunction>();
function validator(name: SchemaName): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    v = ajv.compile(schemaJson(name));
    validators.set(name, v);
  }
  return v;
}

/** The last document of a YAML text (a stamp block may come first), as plain data. */
function yamlValue(text: string): unknown {
  const docs = parseAllDocuments(text);
  const last = Array.isArray(docs) ? docs[docs.length - 1] : undefined;
  assert.ok(last && last.errors.length === 0, 'fixture must be valid YAML');
  return last.toJS();
}

function errorsOf(name: SchemaName, text: string): ErrorObject[] {
  const v = validator(name);
  return v(yamlValue(text)) ? [] : [...(v.errors ?? [])];
}

/** Every `properties` entry of a schema, with the JSON pointer of the schema node. */
function propertiesOf(node: unknown, at: string, out: { at: string; schema: Record<string, unknown> }[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => propertiesOf(n, `${at}/${i}`, out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [prop, schema] of Object.entries(value as Record<string, unknown>))
        out.push({ at: `${at}/properties/${prop}`, schema: schema as Record<string, unknown> });
    }
    propertiesOf(value, `${at}/${key}`, out);
  }
}

describe('schemas', () => {
  it('every schema compiles in strict mode and describes every key', () => {
    for (const name of SCHEMAS) {
      if (name !== 'onex-metadata') validator(name);
      const props: { at: string; schema: Record<string, unknown> }[] = [];
      propertiesOf(schemaJson(name), '', props);
      assert.ok(props.length > 0, name);
      // A conditional (`if`/`then`) only narrows a key described where it is declared.
      const undocumented = props
        .filter((p) => !/\/(if|then)\//.test(p.at) && typeof p.schema['description'] !== 'string')
        .map((p) => `${name}${p.at}`);
      assert.deepEqual(undocumented, []);
    }
  });

  describe('step-interface', () => {
    for (const file of ['feature_join.step.yaml', 'model_create.step.yaml']) {
      it(`accepts ${file}`, () => {
        assert.deepEqual(errorsOf('step-interface', readFileSync(join(FIXTURES, file), 'utf8')), []);
      });
    }

    it('accepts the smallest interface cursus loads: a step type and a contract; empty sections count as {}', () => {
      assert.deepEqual(errorsOf('step-interface', 'step_type: Tiny\ncontract: {}\nregistry:\nspec:\npatterns:\n'), []);
    });

    it('allows unknown keys, which cursus ignores', () => {
      assert.deepEqual(
        errorsOf('step-interface', 'step_type: Tiny\ncontract: {entry_point: tiny.py}\nowner: ml-team\n'),
        [],
      );
    });

    const rejected: { what: string; text: string; path: string; keyword: string }[] = [
      { what: 'no contract', text: 'step_type: Tiny\n', path: '', keyword: 'required' },
      { what: 'an empty step type', text: 'step_type: ""\ncontract: {}\n', path: '/step_type', keyword: 'minLength' },
      {
        what: 'an unknown node type',
        text: 'step_type: Tiny\nnode_type: middle\ncontract: {}\n',
        path: '/node_type',
        keyword: 'enum',
      },
      {
        what: 'an entry point that is not a .py file',
        text: 'step_type: Tiny\ncontract: {entry_point: tiny.sh}\n',
        path: '/contract/entry_point',
        keyword: 'pattern',
      },
      {
        what: 'an input path outside the container input directories',
        text: 'step_type: Tiny\ncontract:\n  inputs:\n    data: {path: /tmp/data}\n',
        path: '/contract/inputs/data/path',
        keyword: 'pattern',
      },
      {
        what: 'an output path outside the container output directories',
        text: 'step_type: Tiny\ncontract:\n  outputs:\n    out: {path: /opt/ml/processing}\n',
        path: '/contract/outputs/out/path',
        keyword: 'pattern',
      },
      {
        what: 'a non-string environment default (PyYAML reads 5 as an int)',
        text: 'step_type: Tiny\ncontract:\n  env_vars: {optional: {RETRIES: 5}}\n',
        path: '/contract/env_vars/optional/RETRIES',
        keyword: 'type',
      },
      {
        what: 'an unknown dependency type',
        text: 'step_type: Tiny\ncontract: {}\nspec:\n  dependencies:\n    data: {type: dataset}\n',
        path: '/spec/dependencies/data/type',
        keyword: 'enum',
      },
      {
        what: 'compatible_sources given as one string',
        text: 'step_type: Tiny\ncontract: {}\nspec:\n  dependencies:\n    data: {compatible_sources: TabularPreprocessing}\n',
        path: '/spec/dependencies/data/compatible_sources',
        keyword: 'type',
      },
      {
        what: 'an estimator without its SDK class',
        text: 'step_type: Tiny\ncompute: {kind: estimator, framework_version_field: framework_version}\ncontract: {}\n',
        path: '/compute',
        keyword: 'required',
      },
      {
        what: 'a bring-your-own container without its image field',
        text: 'step_type: Tiny\ncompute: {kind: byo_container}\ncontract: {}\n',
        path: '/compute',
        keyword: 'required',
      },
      {
        what: 'an unknown compute kind',
        text: 'step_type: Tiny\ncompute: {kind: lambda}\ncontract: {}\n',
        path: '/compute/kind',
        keyword: 'enum',
      },
      {
        what: 'the shared network mode',
        text: 'step_type: Tiny\ncompute: {network_mode: shared}\ncontract: {}\n',
        path: '/compute/network_mode',
        keyword: 'enum',
      },
      {
        what: 'an unknown build-time requirement',
        text: 'step_type: Tiny\nregistry: {sagemaker_step_type: Processing, requires: boto3}\ncontract: {}\n',
        path: '/registry/requires',
        keyword: 'enum',
      },
      {
        what: 'an unknown step assembly',
        text: 'step_type: Tiny\npatterns: {step_assembly: inline}\ncontract: {}\n',
        path: '/patterns/step_assembly',
        keyword: 'enum',
      },
      {
        what: 'a job argument without its flag',
        text: 'step_type: Tiny\ncontract:\n  job_arguments:\n  - source: job_type\n',
        path: '/contract/job_arguments/0',
        keyword: 'required',
      },
      {
        what: 'a variant dependency with a wrong type',
        text: 'step_type: Tiny\ncontract: {}\nvariants:\n  training:\n    spec:\n      dependencies:\n        data: {required: "yes"}\n',
        path: '/variants/training/spec/dependencies/data/required',
        keyword: 'type',
      },
    ];
    for (const r of rejected) {
      it(`rejects ${r.what} at ${r.path || 'the root'}`, () => {
        const errors = errorsOf('step-interface', r.text);
        assert.ok(
          errors.some((e) => e.instancePath === r.path && e.keyword === r.keyword),
          JSON.stringify(errors.map((e) => `${e.instancePath} ${e.keyword}`)),
        );
      });
    }
  });

  describe('ONEX', () => {
    const accepted: [SchemaName, string][] = [
      ['onex-registry', 'registry.yaml'],
      ['onex-node', 'node.onex.yaml'],
      ['onex-node', 'node_uri.onex.yaml'],
      ['onex-cli-tool', 'cli_tool.yaml'],
      ['onex-runtime', 'runtime.yaml'],
      ['onex-contract', 'contract.yaml'],
    ];
    for (const [schema, file] of accepted) {
      it(`${schema} accepts ${file}`, () => {
        assert.deepEqual(errorsOf(schema, readFileSync(join(FIXTURES, file), 'utf8')), []);
      });
    }

    it('metadata schemas leave name, version and schema_version to the loader check (RL041)', () => {
      for (const schema of ['onex-node', 'onex-cli-tool', 'onex-runtime'] as const)
        assert.deepEqual(errorsOf(schema, 'description: no identity yet\n'), [], schema);
    });

    const rejected: { schema: SchemaName; what: string; text: string; path: string; keyword: string }[] = [
      {
        schema: 'onex-registry',
        what: 'a version without its path',
        text: 'nodes:\n- name: a\n  versions:\n  - {version: v1_0_0, metadata_file: node.onex.yaml}\n',
        path: '/nodes/0/versions/0',
        keyword: 'required',
      },
      {
        schema: 'onex-registry',
        what: 'a version that is neither semver nor a directory name',
        text: 'nodes:\n- name: a\n  versions:\n  - {version: "1_0", path: p, metadata_file: node.onex.yaml}\n',
        path: '/nodes/0/versions/0/version',
        keyword: 'pattern',
      },
      {
        schema: 'onex-registry',
        what: 'an item without versions',
        text: 'cli_tools:\n- name: a\n',
        path: '/cli_tools/0',
        keyword: 'required',
      },
      {
        schema: 'onex-registry',
        what: 'versions given as a mapping',
        text: 'runtimes:\n- name: a\n  versions: {version: v1_0_0}\n',
        path: '/runtimes/0/versions',
        keyword: 'type',
      },
      {
        schema: 'onex-registry',
        what: 'an artifact list that is not a list',
        text: 'adapters: {}\n',
        path: '/adapters',
        keyword: 'type',
      },
      {
        schema: 'onex-registry',
        what: 'a count that is not a number',
        text: 'artifact_summary: {nodes: three}\n',
        path: '/artifact_summary/nodes',
        keyword: 'type',
      },
      {
        schema: 'onex-node',
        what: 'an entrypoint block without its target',
        text: 'entrypoint: {type: python}\n',
        path: '/entrypoint',
        keyword: 'required',
      },
      { schema: 'onex-node', what: 'tags given as one string', text: 'tags: echo\n', path: '/tags', keyword: 'type' },
      {
        schema: 'onex-node',
        what: 'a coverage above 100 percent',
        text: 'test_coverage: 150\n',
        path: '/test_coverage',
        keyword: 'maximum',
      },
      {
        schema: 'onex-node',
        what: 'an unrendered {NODE_NAME} name (a YAML mapping)',
        text: 'name: {NODE_NAME}\n',
        path: '/name',
        keyword: 'type',
      },
      {
        schema: 'onex-cli-tool',
        what: 'a command without a name',
        text: 'commands:\n- {description: runs}\n',
        path: '/commands/0',
        keyword: 'required',
      },
      {
        schema: 'onex-runtime',
        what: 'a component without a name',
        text: 'components:\n- {path: runner.py}\n',
        path: '/components/0',
        keyword: 'required',
      },
      {
        schema: 'onex-contract',
        what: 'error codes given as a number',
        text: 'error_codes: 3\n',
        path: '/error_codes',
        keyword: 'anyOf',
      },
    ];
    for (const r of rejected) {
      it(`${r.schema} rejects ${r.what}`, () => {
        const errors = errorsOf(r.schema, r.text);
        assert.ok(
          errors.some((e) => e.instancePath === r.path && e.keyword === r.keyword),
          JSON.stringify(errors.map((e) => `${e.instancePath} ${e.keyword}`)),
        );
      });
    }
  });
});
