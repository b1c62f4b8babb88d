// The skeleton parse (the fast path of parsePythonFacts for registry files) must give exactly what the
// full parse gives — assignments with every range, classes, no errors — or decline. Proven on the bench
// corpus (every registry file of the small generated org, where it must also answer), on the example
// roots' registry files, and on files mutated by a deterministic mutator (where it may decline, never differ).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keepsTree } from '../../server/src/engine/python/parser';
import { initParsers } from './helpers';
import { parsePythonFacts, skeletonFacts, treeFacts } from '../../server/src/engine/python/facts';
import { plainStatements, skeletonOf } from '../../server/src/engine/python/skeleton';
import { LineIndex, normalizeLoneCr } from '../../server/src/engine/text/lineIndex';
import { buildOrg, ORGS, renderCoreRegistry, renderWorkspaceRegistry, type OrgModel } from '../../bench/generate';
import { Rng } from '../../bench/rng';
import { mutate, SNIPPETS } from './pythonMutations';

const full = (text: string): unknown => treeFacts(text, true);

/** 2,000 mutants of `files` (1–3 mutations each, from `snippets`): each one the skeleton answers equals the full parse, and is passed to `answered`. */
function provenOnMutants(
  files: readonly string[],
  snippets: readonly string[],
  seed: number,
  answered: (text: string) => void,
): void {
  const rng = new Rng(seed);
  for (let n = 0; n < 2000; n++) {
    let text = rng.pick(files);
    for (let k = rng.int(1, 3); k > 0; k--) text = mutate(text, rng, snippets);
    const fast = skeletonFacts(text, true);
    if (fast === null) continue;
    answered(text);
    assert.deepEqual(fast, full(text), `mutant ${n}:\n${text}`);
  }
}

/** Whether the skeleton of `text` is read without a parse (nothing but its literals left in it). */
function plain(text: string): boolean {
  const t = normalizeLoneCr(text);
  const skeleton = skeletonOf(t, new LineIndex(t));
  return !!skeleton && plainStatements(skeleton) !== null;
}

/** A workspace registry as cursus's `init-workspace` writes it (hybrid/setup.py), with a class and a helper below. */
const TEMPLATE = `"""
Local registry for alice workspace.
Simple format following redundancy evaluation guide principles.
"""
from typing import Any, Dict

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS: Dict[str, Dict[str, Any]] = {
    # Add your custom steps here
    # "MyCustomProcessingStep": {
    #     "config_class": "MyCustomProcessingConfig",
    # },
    "AliceStep": {
        "config_class": "AliceStepConfig",  # trailing comment
        "builder_step_name": "AliceStepBuilder",
        "sagemaker_step_type": 'Processing',
        "description": "Alice's step " "in two parts",
        "job_types": ["training", "calibration"],
        "priority": -1_0, "ratio": 1.5e-3, "flag": True, "none": None,
    },
}

# Step overrides (override core step definitions for this workspace)
STEP_OVERRIDES = {}

# Simple workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "alice",
    "version": "1.0.0",
    "tags": ("a", "b"),
}  # end of metadata
NAMES = [name for name in LOCAL_STEPS]


class Helper(object):
    """Helper."""
    kind = "helper"

    def names(self):
        return list(LOCAL_STEPS)
`;

/** Lines that are hard to read right in a registry: entries typed half-way, literals that are not, odd numbers. */
const REGISTRY_SNIPPETS = [
  '"NewStep": {"config_class": "NewStepConfig"},',
  '"NewStep": {',
  '"NewStep": ',
  '"NewStep"',
  '"NewStep": {"a": 1 "b": 2},',
  '"a": 1,,',
  '"k": "unclosed,',
  '"k": """triple',
  '# a comment inside',
  '"k": "a" "b",',
  '"k": ("a"\n    "b"),',
  '"A"\n    "B": {},',
  '"k": f"{x}",',
  '"k": f"plain",',
  '"k": b"bytes",',
  '"k": rb"raw",',
  '"k": x,',
  '"k": os.environ["X"],',
  '"k": {**base},',
  '"k": [*xs],',
  '"k": 1__2,',
  '"k": 0x1_,',
  '"k": 1._5,',
  '"k": 1e_5,',
  '"k": 1_,',
  '"k": 0o8,',
  '"k": - 1,',
  '"k": +1.5e3,',
  '"k": -True,',
  '"k": (1),',
  '"k": (),',
  '"k": (1,),',
  '"k": {1, 2},',
  '"k": {},',
  '"k": [1, 2,],',
  '"k": None,',
  '"k": "\\u00e9\\n",',
  '"k": r"\\d",',
  '"k": "é😀",',
  '"k": "\\\n",',
  '"k": 1 if a else 2,',
  'LOCAL_STEPS = {',
  'LOCAL_STEPS = {}',
  'STEP_OVERRIDES: Dict[str, Any] = {',
  'STEP_NAMES: Dict[str, Dict[str, Any]] = {}',
  'X = Y = {}',
  'X = {}[0]',
  'X = {}.get("a")',
  'X = {} if a else {}',
  'X = {}  # c',
  'X = {} \\',
  'X = (\n    1,\n)',
  'X = [\n]',
  'X := {}',
  'X == {}',
  'X = {k: v for k, v in Y.items()}',
  'X = dict(a=1)',
  'X = {"a": 1}, {"b": 2}',
  'X: Dict = {"a": 1}',
  'x.y = {}',
  'x[0] = {}',
  'X += {}',
  'X = {\n}',
  '}',
  '},',
  ']',
  ')',
  '{',
  'def f():\n    return {}',
  'class C:\n    X = {}',
  'if True:\n    X = {}',
  'from typing import Dict',
  'import os',
];

function registries(org: OrgModel): { path: string; text: string }[] {
  return [
    ...org.workspaces.map((ws) => ({ path: ws.registryPath, text: renderWorkspaceRegistry(ws) })),
    { path: org.corePath, text: renderCoreRegistry(org) },
  ];
}

/** The example roots' registry files (some are planted with mistakes). */
function examples(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir).sort()) {
      const abs = join(dir, e);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/^(workspace_registry|step_names(_original)?|interface_registry_loader)\.py$/.test(e))
        out.push({ path: abs, text: readFileSync(abs, 'utf8') });
    }
  };
  walk(join(__dirname, '../../examples'));
  return out;
}

describe('engine: registry skeleton (fast path for registry files)', () => {
  before(async () => {
    await initParsers();
  });

  it('answers for every registry file of the bench corpus and the workspace template, equal to the full parse', () => {
    for (const f of [...registries(buildOrg(ORGS.small)), { path: 'template', text: TEMPLATE }]) {
      const fast = skeletonFacts(f.text);
      assert.ok(fast, `the fast path declined ${f.path}`);
      assert.deepEqual(fast, full(f.text), f.path);
    }
  });

  it("equals the full parse or declines on the example roots' registry files", () => {
    let answered = 0;
    const files = examples();
    for (const f of files) {
      const fast = skeletonFacts(f.text, true);
      if (fast === null) continue;
      answered++;
      assert.deepEqual(fast, full(f.text), f.path);
    }
    assert.ok(answered >= files.length / 2, `the fast path answered only ${answered} of ${files.length}`);
  });

  it('equals the full parse or declines on 2,000 mutated registry files (1 to 3 mutations each)', () => {
    // Small registries (a few entries each), so a mutation often lands in the statements around the literals.
    const org = buildOrg(ORGS.small);
    const small = { ...org, core: org.core.slice(0, 3) };
    const files = [
      TEMPLATE,
      renderCoreRegistry(small),
      ...org.workspaces
        .slice(0, 6)
        .map((ws) =>
          renderWorkspaceRegistry({ ...ws, local: ws.local.slice(0, 3), overrides: ws.overrides.slice(0, 1) }),
        ),
    ];
    const snippets = [...SNIPPETS, ...REGISTRY_SNIPPETS];
    let answered = 0;
    provenOnMutants(files, snippets, 0x5ce1e7, () => {
      answered++;
    });
    assert.ok(answered > 700, `the fast path answered only ${answered} of 2,000 mutants`);
  });

  it('reads the skeleton of every generated workspace registry without a parse', () => {
    for (const ws of buildOrg(ORGS.small).workspaces) assert.ok(plain(renderWorkspaceRegistry(ws)), ws.registryPath);
  });

  it('reads a skeleton without a parse only when nothing but blank lines, comments, plain docstrings and `NAME = literal` is left, equal to the full parse', () => {
    const answered = [
      '"""Doc."""\n# c\n\nX = {"a": 1}  # c\n',
      "'doc'\nX = {}\n",
      '""""""\nX = []\n',
      '"""a\n\n  b"""\nX = {\n    "k": 1,\n}\n',
      'X = {}\r\n\r\nY = [\r\n    1,\r\n]\r\n',
      'X = {}\rY = {}\r',
      '  # indented comment\n\t# tab\nX = {}\n',
      ' \t \nX = {}\n   \n',
      'X={}',
      'X = {}',
      'X = (1,)\n\nX = {"b": 2}\n',
      'X = {"é😀": "\\u00e9"}\n"""after"""\n',
      '_x9 = {}\n',
      'X = {}\n#',
      '"d"  # c\nX = {}\n',
    ];
    const parsed = [
      '"""a\\nb"""\nX = {}\n',
      'r"doc"\nX = {}\n',
      'u"doc"\nX = {}\n',
      'f"doc"\nX = {}\n',
      'X: Dict = {}\n',
      '  X = {}\n',
      'None = {}\n',
      'print = {}\n',
      'type = {}\n',
      'match = {}\n',
      '_ = {}\n',
      'X = {}; Y = 1\n',
      'import os\nX = {}\n',
      'X = {}\n\f\nY = {}\n',
      '"a" "b"\nX = {}\n',
      '"""unclosed\nX = {}\n',
      '"doc" x\nX = {}\n',
      'X = Y = {}\n',
      'X = {}\nY = 1\n',
      'X = {}\ndef f():\n    pass\n',
      'X = {}\nclass C:\n    pass\n',
      '\ufeffX = {}\n',
      'é = {}\n',
      'X = {}\n"\n',
      "X = {}\n'''\n",
      'X = {} \\\n',
      'X = {}\n  \\\n',
      '"""d""" \\\nX = {}\n',
      '"a\\\nb"\nX = {}\n',
    ];
    for (const text of answered) {
      assert.ok(plain(text), `parsed ${JSON.stringify(text)}`);
      assert.deepEqual(skeletonFacts(text), full(text), JSON.stringify(text));
    }
    for (const text of parsed) {
      assert.ok(!plain(text), `not parsed ${JSON.stringify(text)}`);
      const fast = skeletonFacts(text, true);
      if (fast) assert.deepEqual(fast, full(text), JSON.stringify(text));
    }
  });

  it('equals the full parse or declines on 2,000 mutated generated workspace registries, mostly read without a parse', () => {
    const org = buildOrg(ORGS.small);
    const files = org.workspaces
      .slice(0, 6)
      .map((ws) =>
        renderWorkspaceRegistry({ ...ws, local: ws.local.slice(0, 2), overrides: ws.overrides.slice(0, 1) }),
      );
    // What may stand between the literals of a generated registry.
    const snippets = [
      '"""Doc."""',
      "'''a\nb'''",
      '"doc"',
      "'doc'",
      '"""a\\b"""',
      'r"""d"""',
      'b"d"',
      '# c',
      '  # c',
      '\t# c',
      '',
      ' ',
      '\t',
      '\f',
      '\r',
      ';',
      '\\',
      'X = {}',
      'X={"a": 1}',
      'X = [1, 2]',
      'X = (1,)',
      'X: T = {}',
      'type = {}',
      'None = {}',
      'X = {} # c',
      'X = {};',
      '"""',
      "'''",
      '"',
      'import os',
      'x = 1',
      'def f(): pass',
    ];
    let withoutParse = 0;
    provenOnMutants(files, snippets, 0x91a1e, (text) => {
      if (plain(text)) withoutParse++;
    });
    assert.ok(withoutParse > 500, `only ${withoutParse} of 2,000 mutants were read without a parse`);
  });

  it('keeps no tree for a file read whole, and reparses a file being edited incrementally from its tree', () => {
    const key = 'skeleton.test/workspace_registry.py';
    parsePythonFacts(TEMPLATE, key);
    assert.equal(keepsTree(key), false, 'the skeleton parse kept a tree');
    // Typing: a mistake goes to the full parse (and recovery), which keeps its tree; the fix reparses that tree.
    const broken = TEMPLATE.replace('"AliceStepConfig",', '"AliceStepConfig"');
    assert.ok(parsePythonFacts(broken, key).errors.length > 0);
    assert.equal(keepsTree(key), true);
    assert.deepEqual(parsePythonFacts(TEMPLATE, key), full(TEMPLATE));
    assert.equal(keepsTree(key), true, 'the fixed file left its tree');
  });

  it('parses no skeleton that is large and most of the file (a literal it could not leave out)', () => {
    const core = renderCoreRegistry(buildOrg(ORGS.small));
    const named = `${core.replace('"Processing",', 'PROCESSING,')}\nEXTRA = {"a": 1}\n`;
    assert.equal(skeletonFacts(named), null);
    assert.deepEqual(skeletonFacts(named, true), full(named));
    assert.ok(skeletonFacts(core));
  });

  it('declines what the full parse must read', () => {
    for (const text of [
      'X = {"a": 1 "b": 2}\n',
      'X = {"a": 1__2}\n',
      'X = {"a": 1}\ndef f(:\n    pass\n',
      'X = {"a": 1}\nY = {\n',
      'X = {"a": f"{x}"}\n',
      'X = {"a": x}\n',
      'X = Y = {"a": 1}\n',
      'X = {"a": 1}[0]\n',
      'X = {"a": 1}\0\n',
      'X = {\n    "A"\n    "B": {},\n}\n',
      'Y = 1\n',
    ])
      assert.equal(skeletonFacts(text, true), null, JSON.stringify(text));
  });
});
