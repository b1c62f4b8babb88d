// Stage 8 as Explain shows it for apcore modules: the code's attributes merged with the companion as
// each SDK merges them, each field with its origin. The expected values are what the real SDKs gave on
// the same files: apcore-python 0.19.0 `Registry.discover()` then `_module_meta[id]` (a3566cb8), and
// apcore-typescript 0.25.0 `mergeModuleMetadata` on the same objects (a2f7d66b).
import { strict as assert } from 'node:assert';
import type { Explanation, ExplainSection } from '../../../server/src/engine/api';
import { analyze, checkExplain } from '../helpers';

/** The default extension root is scanned only beside an apcore.yaml or a companion (pipeline/scan.ts activeRoots). */
const CONFIG = `
      //- /apcore.yaml
      extensions:
        root: extensions
`;

const SCHEMAS = `
      from pydantic import BaseModel


      class In(BaseModel):
          x: str = ""


      class Out(BaseModel):
          y: str = ""
`;

const PY_DEFAULT_ANNOTATIONS = {
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
};

function section(x: Explanation): ExplainSection {
  const s = x.sections?.find((t) => t.title.startsWith('Registered metadata'));
  assert.ok(s, `no merged metadata section: ${JSON.stringify(x.sections?.map((t) => t.title))}`);
  return s;
}

/** A row's label, text and place (`file:line`, 1-based) for comparison. */
function rows(x: Explanation): string[] {
  return section(x).rows.map(
    (r) => `${r.label} | ${r.text}${r.file && r.range ? ` | ${r.file}:${r.range.start.line + 1}` : ''}`,
  );
}

/** The merged value of every key equals the real SDK's: fields given by either side in `winner.fields`, defaults in their row. */
function assertMerged(x: Explanation, real: Record<string, unknown>): void {
  const fields = x.winner?.fields ?? {};
  for (const [k, v] of Object.entries(real)) {
    // (Values read from the workspace are null-prototype objects: compared as JSON.)
    if (k in fields) {
      assert.deepEqual(JSON.parse(JSON.stringify(fields[k])), v, k);
      continue;
    }
    const row = section(x).rows.find((r) => r.label === k);
    assert.ok(row?.text.startsWith(`${JSON.stringify(v)}  (default`), `${k}: ${row?.text}`);
  }
}

describe("pipeline 8: a module's registered metadata (merge_module_metadata / mergeModuleMetadata)", () => {
  it('code only: every class attribute literal, annotations over the defaults, unknown annotation keys dropped', async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/code_only.py
      ${SCHEMAS}

      class CodeOnly:
          description = "Code description."
          name = "Code Only"
          tags = ["alpha", "beta"]
          version = "2.1.0"
          annotations = {"readonly": True, "idempotent": True, "bogus": 1}
          examples = [{"title": "code example", "inputs": {"x": "1"}}]
          metadata = {"owner": "team-a", "tier": 1}
          documentation = "Code docs."
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
    `,
      { step: 'code_only' },
      (x) => {
        assertMerged(x, {
          description: 'Code description.',
          name: 'Code Only',
          tags: ['alpha', 'beta'],
          version: '2.1.0',
          annotations: { ...PY_DEFAULT_ANNOTATIONS, readonly: true, idempotent: true },
          examples: [{ title: 'code example', inputs: { x: '1' } }],
          metadata: { owner: 'team-a', tier: 1 },
          documentation: 'Code docs.',
        });
        assert.ok(section(x).title.includes('apcore-python 0.19.0'));
        const r = rows(x);
        assert.ok(r.includes('tags | ["alpha","beta"]  (code) | extensions/code_only.py:16'), r.join('\n'));
        assert.ok(
          r.includes(
            "annotations.bogus | 1  (ignored: not a field of apcore-python 0.19.0's ModuleAnnotations: dropped) | extensions/code_only.py:18",
          ),
          r.join('\n'),
        );
        assert.ok(
          r.includes(
            'input_schema | In  (code: not merged, the definition reads it from the module) | extensions/code_only.py:22',
          ),
          r.join('\n'),
        );
        assert.equal(x.meta, null);
      },
    );
  });

  it('YAML only: its tags, version, annotations, examples (read as examples), metadata and documentation', async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/yaml_only.py
      ${SCHEMAS}

      class YamlOnly:
          description = "Needed by validate_module."
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
      //- /extensions/yaml_only_meta.yaml
      name: Yaml Only
      tags: [gamma]
      version: 3.0.0
      annotations:
        destructive: true
        cache_ttl: 30
      examples:
        - title: yaml example
          inputs: {x: "2"}
      metadata:
        owner: team-b
      documentation: YAML docs.
    `,
      { step: 'yaml_only' },
      (x) => {
        assertMerged(x, {
          description: 'Needed by validate_module.',
          name: 'Yaml Only',
          tags: ['gamma'],
          version: '3.0.0',
          annotations: { ...PY_DEFAULT_ANNOTATIONS, destructive: true, cache_ttl: 30 },
          examples: [{ title: 'yaml example', inputs: { x: '2' }, output: {}, description: null }],
          metadata: { owner: 'team-b' },
          documentation: 'YAML docs.',
        });
        assert.deepEqual(x.meta?.fromMeta, [
          'name',
          'tags',
          'version',
          'annotations',
          'examples',
          'metadata',
          'documentation',
        ]);
        assert.ok(
          rows(x).includes('annotations.cache_ttl | 30  (YAML) | extensions/yaml_only_meta.yaml:6'),
          rows(x).join('\n'),
        );
      },
    );
  });

  it('both, conflicting: an empty YAML description falls back to code, YAML tags win whole, annotations by field, metadata by key', async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/both.py
      ${SCHEMAS}

      class Both:
          description = "Code description wins over an empty YAML one."
          tags = ["alpha", "beta"]
          version = "2.1.0"
          annotations = {"readonly": True, "idempotent": True}
          examples = [{"title": "code example"}]
          metadata = {"owner": "team-a", "tier": 1}
          documentation = "Code docs."
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
      //- /extensions/both_meta.yaml
      description: ""
      tags: [gamma]
      version: 3.0.0
      annotations:
        idempotent: false
        cache_ttl: 60
        requiresApproval: true
        unknown_flag: 1
      examples:
        - title: yaml example
      metadata:
        tier: 2
    `,
      { step: 'both' },
      (x) => {
        assertMerged(x, {
          description: 'Code description wins over an empty YAML one.',
          name: null,
          tags: ['gamma'],
          version: '3.0.0',
          annotations: { ...PY_DEFAULT_ANNOTATIONS, readonly: true, idempotent: false, cache_ttl: 60 },
          examples: [{ title: 'yaml example', inputs: {}, output: {}, description: null }],
          metadata: { owner: 'team-a', tier: 2 },
          documentation: 'Code docs.',
        });
        const r = rows(x);
        for (const want of [
          'description | "Code description wins over an empty YAML one."  (code: YAML\'s "" is falsy: the code\'s value is used) | extensions/both.py:14',
          'tags | ["gamma"]  (YAML: over the code\'s ["alpha","beta"] (line 15)) | extensions/both_meta.yaml:2',
          'annotations.readonly | true  (code) | extensions/both.py:17',
          "annotations.idempotent | false  (YAML: over the code's value) | extensions/both_meta.yaml:5",
          "annotations.requiresApproval | true  (ignored: not a field of apcore-python 0.19.0's ModuleAnnotations: dropped (it reads 'requires_approval')) | extensions/both_meta.yaml:7",
          'metadata | {"owner":"team-a","tier":2}  (merged) | extensions/both.py:19',
          'metadata.owner | "team-a"  (code) | extensions/both.py:19',
          "metadata.tier | 2  (YAML: over the code's value) | extensions/both_meta.yaml:12",
        ])
          assert.ok(r.includes(want), `${want}\nnot in\n${r.join('\n')}`);
      },
    );
  });

  it("YAML tags: [] and examples: [] win over the code's; annotations: {} is every default", async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/empty_tags.py
      ${SCHEMAS}

      class EmptyTags:
          description = "YAML tags: [] wins."
          tags = ["alpha"]
          examples = [{"title": "code example"}]
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
      //- /extensions/empty_tags_meta.yaml
      tags: []
      examples: []
      annotations: {}
    `,
      { step: 'empty_tags' },
      (x) => {
        assertMerged(x, {
          description: 'YAML tags: [] wins.',
          name: null,
          tags: [],
          version: '1.0.0',
          annotations: PY_DEFAULT_ANNOTATIONS,
          examples: [],
          metadata: {},
          documentation: null,
        });
      },
    );
  });

  it('a ModuleAnnotations(...) call reads as its keyword arguments; a version that is no str is the default', async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/call_ann.py
      ${SCHEMAS}
      from apcore.module import ModuleAnnotations


      class CallAnn:
          description = "Annotations as a ModuleAnnotations call."
          annotations = ModuleAnnotations(readonly=True, cache_ttl=5)
          version = 2
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
    `,
      { step: 'call_ann' },
      (x) => {
        assertMerged(x, {
          description: 'Annotations as a ModuleAnnotations call.',
          name: null,
          tags: [],
          version: '1.0.0',
          annotations: { ...PY_DEFAULT_ANNOTATIONS, readonly: true, cache_ttl: 5 },
          examples: [],
          metadata: {},
          documentation: null,
        });
        assert.ok(
          rows(x).includes(
            'version | "1.0.0"  (default: the code\'s 2 is not a str: apcore-python uses the default) | extensions/call_ann.py:18',
          ),
          rows(x).join('\n'),
        );
      },
    );
  });

  it('ModuleExample(...) is the dataclass with its defaults, a dict example stays as written (apcore-python examples/modules/send_email.py)', async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/send_email.py
      from apcore.module import ModuleAnnotations, ModuleExample


      class SendEmailModule:
          input_schema = SendEmailInput
          output_schema = SendEmailOutput
          description = "Send an email message"
          annotations = ModuleAnnotations(
              destructive=True,
              idempotent=False,
          )
          examples = [
              ModuleExample(title="Send a welcome email", inputs={"to": "user@example.com"}),
              {"title": "as a dict"},
          ]

          def execute(self, inputs, context):
              return {}
    `,
      { step: 'send_email' },
      (x) => {
        assertMerged(x, {
          description: 'Send an email message',
          name: null,
          tags: [],
          version: '1.0.0',
          annotations: { ...PY_DEFAULT_ANNOTATIONS, destructive: true, idempotent: false },
          examples: [
            { title: 'Send a welcome email', inputs: { to: 'user@example.com' }, output: {}, description: null },
            { title: 'as a dict' },
          ],
          metadata: {},
          documentation: null,
        });
      },
    );
  });

  it("a value that is no literal is computed at import, not judged; __init__'s self.x is the instance's and wins", async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/computed.py
      ${SCHEMAS}
      BASE = ["base"]


      class Computed:
          description = "Computed attributes."
          tags = BASE + ["extra"]
          metadata = {"set": "on the class"}
          input_schema = In
          output_schema = Out

          def __init__(self):
              self.metadata = {"set": "in init"}
              if BASE:
                  self.documentation = "maybe"

          def execute(self, inputs, context):
              return {}
    `,
      { step: 'computed' },
      (x) => {
        // apcore-python gave tags ["base", "extra"] (computed: not shown) and metadata {"set": "in init"}.
        assert.deepEqual({ ...(x.winner?.fields['metadata'] as object) }, { set: 'in init' });
        assert.equal('tags' in (x.winner?.fields ?? {}), false);
        const r = rows(x);
        assert.ok(
          r.includes('tags | ?  (computed at import: BASE + ["extra"]; not judged) | extensions/computed.py:17'),
          r.join('\n'),
        );
        assert.ok(
          r.includes(
            'documentation | ?  (computed at import: "maybe", set under a condition in __init__; not judged) | extensions/computed.py:25',
          ),
          r.join('\n'),
        );
      },
    );
  });

  it('a base class is named as a possible source of what the class does not set', async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/based.py
      ${SCHEMAS}
      from shared import Base


      class Based(Base):
          description = "Inherits the rest."
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
      //- /extensions/based_meta.yaml
      tags: [x]
    `,
      { step: 'based' },
      (x) => {
        const r = rows(x);
        assert.ok(
          r.includes(
            'bases | Base: an attribute Based does not set may come from a base class (not read) | extensions/based.py:15',
          ),
          r.join('\n'),
        );
        assert.deepEqual(x.winner?.fields['tags'], ['x']);
      },
    );
  });

  it("get_definition adds the whole companion to the metadata when the class's version is the registered one", async () => {
    const text = `${CONFIG}
      //- /extensions/vmatch.py
      class VMatch:
          description = "Same version."
          version = "1.4.0"
          metadata = {"owner": "code"}
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
      //- /extensions/vmatch_meta.yaml
      description: Render
      tags: [a]
      //- /extensions/vmiss.py
      class VMiss:
          description = "YAML's version differs."
          version = "1.4.0"
          input_schema = In
          output_schema = Out

          def execute(self, inputs, context):
              return {}
      //- /extensions/vmiss_meta.yaml
      version: 2.0.0
      tags: [b]
    `;
    // apcore-python gave descriptor.metadata {"owner": "code", "description": "Render", "tags": ["a"]} and {}.
    await checkExplain(text, { step: 'vmatch' }, (x) => {
      const row = section(x).rows.find((r) => r.label === 'metadata (get_definition)');
      assert.ok(
        row?.text.startsWith(
          '{"owner":"code","description":"Render","tags":["a"]}  (merged: the module\'s version 1.4.0',
        ),
        row?.text,
      );
      // The upstream lines are docs/cli.md's to cite, with the SDK's version.
      assert.ok(row?.text.endsWith('adds every key of the companion to its metadata)'), row?.text);
      assert.deepEqual(
        { ...(x.winner?.fields['metadata'] as object) },
        { owner: 'code' },
        "the registered (merged) metadata is the code's",
      );
    });
    await checkExplain(text, { step: 'vmiss' }, (x) => {
      assert.equal(
        section(x).rows.some((r) => r.label === 'metadata (get_definition)'),
        false,
      );
    });
  });

  it('hostile input: a companion with thousands of metadata keys and an __init__ nested 300 deep stay bounded', async () => {
    const nested = Array.from({ length: 300 }, (_, i) => `${' '.repeat(8 + 4 * i)}if x:`).join('\n');
    const keys = Array.from({ length: 2000 }, (_, i) => `  k${i}: ${i}`).join('\n');
    const { engine } = await analyze(
      [
        '//- /apcore.yaml',
        'extensions:',
        '  root: extensions',
        '//- /extensions/deep.py',
        'class Deep:',
        '    description = "d"',
        '    input_schema = In',
        '    output_schema = Out',
        '',
        '    def __init__(self):',
        nested,
        `${' '.repeat(8 + 4 * 300)}self.tags = ["x"]`,
        '',
        '    def execute(self, inputs, context):',
        '        return {}',
        '//- /extensions/deep_meta.yaml',
        'metadata:',
        keys,
      ].join('\n'),
    );
    const x = engine.explain({ step: 'deep' });
    const r = section(x).rows;
    assert.equal(r.filter((row) => row.label.startsWith('metadata.')).length, 51);
    assert.ok(r.some((row) => row.label === 'metadata.…' && row.text.includes('1950 more keys not listed')));
    assert.equal(Object.keys(x.winner?.fields['metadata'] as object).length, 2000, 'the merged value itself is whole');
  });

  it('apcore-typescript 0.25.0: camelCase annotation fields, and a partial code object leaves the other fields undefined', async () => {
    await checkExplain(
      `${CONFIG}
      //- /extensions/both.ts
      export default {
        description: 'Code description wins over an empty YAML one.',
        tags: ['alpha', 'beta'],
        version: '2.1.0',
        annotations: { readonly: true, idempotent: true },
        examples: [{ title: 'code example' }],
        metadata: { owner: 'team-a', tier: 1 },
        documentation: 'Code docs.',
        inputSchema: {},
        outputSchema: {},
        execute() { return {}; },
      };
      //- /extensions/both_meta.yaml
      description: ""
      tags: [gamma]
      version: 3.0.0
      annotations:
        idempotent: false
        cache_ttl: 60
        requiresApproval: true
      examples:
        - title: yaml example
      metadata:
        tier: 2
    `,
      { step: 'both' },
      (x) => {
        const f = x.winner?.fields ?? {};
        assert.ok(section(x).title.includes('apcore-typescript 0.25.0 mergeModuleMetadata'));
        // The real mergeModuleMetadata: the fields missing from the code's object are undefined (JSON drops them).
        assert.deepEqual(JSON.parse(JSON.stringify(f['annotations'])), {
          readonly: true,
          idempotent: false,
          requiresApproval: true,
        });
        assert.deepEqual(Object.keys(f['annotations'] as object).length, 13);
        const examples = f['examples'] as Record<string, unknown>[];
        assert.deepEqual(JSON.parse(JSON.stringify(examples)), [{ title: 'yaml example', inputs: {}, output: {} }]);
        assert.ok('description' in (examples[0] ?? {}) && examples[0]?.['description'] === undefined);
        assert.deepEqual(
          JSON.parse(JSON.stringify([f['description'], f['tags'], f['version'], f['metadata'], f['documentation']])),
          [
            'Code description wins over an empty YAML one.',
            ['gamma'],
            '3.0.0',
            { owner: 'team-a', tier: 2 },
            'Code docs.',
          ],
        );
        const r = rows(x);
        assert.ok(
          r.includes(
            "annotations.cache_ttl | 60  (ignored: not a field of apcore-typescript 0.25.0's ModuleAnnotations: dropped (it reads 'cacheTtl')) | extensions/both_meta.yaml:6",
          ),
          r.join('\n'),
        );
        assert.ok(
          r.some((l) => l.startsWith('annotations.* | undefined  (code: destructive, openWorld, streaming,')),
          r.join('\n'),
        );
      },
    );
  });
});
