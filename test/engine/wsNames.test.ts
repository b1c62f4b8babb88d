// The names reader of a workspace registry (model/wsNames.ts: its developer id and local step names from
// its dicts' keys, python/dictKeys.ts) must give exactly what the whole read gives — `workspaceSource`
// then `buildWorkspace`, by the skeleton and by the full parse — or decline. Proven on every workspace
// registry of the examples, of the small bench org and of cursus init-workspace's templates (where it must
// answer), of /work/real when present, on crafted cases and on 3,000 mutants.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initParsers } from './helpers';
import { treeFacts } from '../../server/src/engine/python/facts';
import { buildOrg, ORGS, renderWorkspaceRegistry } from '../../bench/generate';
import {
  scaffoldWorkspace,
  WORKSPACE_LAYOUTS,
  WORKSPACE_TEMPLATES,
} from '../../server/src/engine/families/cursus/registries/workspaceTemplates';
import { Rng } from '../../bench/rng';
import { mutate, SNIPPETS } from './pythonMutations';
import { requireOf, runInHeap } from './smallHeap';
import { fastNames as fast, wholeNames as whole } from './wsNamesProof';

/** Whether the names reader declines `text`, or gives what both whole reads give (asserted). */
function provenOn(text: string, what: string): boolean {
  const got = fast(text);
  if (got === null) return false;
  assert.deepEqual(got, whole(text), `${what}: the names reader differs from the whole read\n${text}`);
  assert.deepEqual(
    got,
    whole(text, (t) => treeFacts(t, true)),
    `${what}: the names reader differs from the full parse\n${text}`,
  );
  return true;
}

function registriesUnder(root: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir).sort()) {
      const abs = join(dir, e);
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st || e === 'node_modules' || e === '.git') continue;
      if (st.isDirectory()) walk(abs);
      else if (e === 'workspace_registry.py') out.push({ path: abs, text: readFileSync(abs, 'utf8') });
    }
  };
  walk(root);
  return out;
}

const META = 'WORKSPACE_METADATA = {"developer_id": "alice", "version": "1.0.0"}\n';

/** Cases the names reader answers (each also proven equal). */
const ANSWERED = [
  META + 'LOCAL_STEPS = {"A": {"config_class": "AConfig"}, "B": {}}\n',
  // Duplicates: the last occurrence wins its place; WORKSPACE_STEPS adds nothing (cursus never reads it).
  META +
    'LOCAL_STEPS = {"A": {}, "B": {}, "A": {"x": 1}, "C": {}}\nWORKSPACE_STEPS = {"B": {}, "D": {}, "E": {}, "D": {}}\n',
  'WORKSPACE_STEPS = {"Legacy": {}}\nLOCAL_STEPS = {"New": {}}\n',
  'WORKSPACE_STEPS = {"Only": {"description": "legacy name"}}\n',
  // Keys that are no strings are skipped (RL009); a string in parentheses is a string.
  'LOCAL_STEPS = {1: {}, None: {}, (1, 2): {}, ("P"): {}, "Q": {}, True: {}, -2: {}}\n',
  // Metadata variants: the last string `developer_id` wins; other values leave the directory's name.
  'WORKSPACE_METADATA = {"developer_id": "a", "developer_id": 1}\nLOCAL_STEPS = {}\n',
  'WORKSPACE_METADATA = {"developer_id": "a", "developer_id": "b"}\n',
  'WORKSPACE_METADATA = {"developer_id": ("paren"), "version": ("1",)}\n',
  'WORKSPACE_METADATA = {"developer_id": None}\nLOCAL_STEPS = {"A": {}}\n',
  'WORKSPACE_METADATA = {"developer_id": ""}\n',
  'WORKSPACE_METADATA = {"Developer_id": "x", "developer_id ": "y"}\n',
  'WORKSPACE_METADATA = ["developer_id", "x"]\nLOCAL_STEPS = {"A": {}}\n',
  'WORKSPACE_METADATA = {}\nLOCAL_STEPS = {}\nSTEP_OVERRIDES = {"A": {}}\n',
  // Not a dict: no entries (RL031).
  'LOCAL_STEPS = []\nWORKSPACE_STEPS = {"W": {}}\n',
  // Assigned twice: the last assignment is the one.
  'LOCAL_STEPS = {"First": {}}\nLOCAL_STEPS = {"Second": {}}\n',
  // Comments, docstrings, blank lines, CRLF, lone CR, trailing commas, nesting, numbers, unicode.
  '"""Registry.\n\nDoc with LOCAL_STEPS = {"Hidden": {}} inside."""\n# LOCAL_STEPS = {"Commented": {}}\n\nLOCAL_STEPS = {  # c\n    # "Gone": {},\n    "A": {"n": [1, -2, 3.5, True, False, None, (), (1,), ("a", "b"), [[]], {"k": {"k": 1}}],},  # c\n    \'B\': {\'s\': \'it"s\'},\n}  # end\n',
  'LOCAL_STEPS = {\r\n    "A": {},\r\n    "B": {},\r\n}\r\nWORKSPACE_METADATA = {"developer_id": "crlf"}\r\n',
  'LOCAL_STEPS = {\r    "A": {},\r}\r',
  'LOCAL_STEPS = {"Étape😀": {"description": "é😀 # not a comment"}, "A#B": {}}\n',
  'LOCAL_STEPS = {"ANameLongerThanThirtyTwoCharactersForTheCopy": {}, "Thirteen_chars": {}}\n',
  'X = [1, 2]\nY = {"a": {"b": [{}]}}\nLOCAL_STEPS = {"A": {}}\n',
  // A backslash elsewhere in the text (strings are then read character by character).
  '# a \\ in a comment\nLOCAL_STEPS = {"A": {"d": "x"}, \'B\': {}}\n',
];

/** Cases the names reader declines (whatever the whole read makes of them: syntax errors, escapes, expressions, statements). */
const DECLINED = [
  'LOCAL_STEPS = {"A": {}\n',
  'LOCAL_STEPS = {"A" {}}\n',
  'LOCAL_STEPS = {"A": {},,}\n',
  'LOCAL_STEPS = {"A\\nB": {}}\n',
  'LOCAL_STEPS = {"A\\\\": {}}\n',
  'LOCAL_STEPS = {r"A": {}}\n',
  'LOCAL_STEPS = {u"A": {}}\n',
  'LOCAL_STEPS = {f"A": {}}\n',
  'LOCAL_STEPS = {b"A": {}}\n',
  'LOCAL_STEPS = {"A" "B": {}}\n',
  'LOCAL_STEPS = {"A"\n    "B": {}}\n',
  'LOCAL_STEPS = {"""A""": {}}\n',
  'LOCAL_STEPS = {"A": {"d": "x" "y"}}\n',
  'LOCAL_STEPS = {"A": {"d": f"{x}"}}\n',
  'LOCAL_STEPS = {"A": {"d": x}}\n',
  'LOCAL_STEPS = {"A": {"n": 1e5}}\n',
  'LOCAL_STEPS = {"A": {"n": 0x1F}}\n',
  'LOCAL_STEPS = {"A": {"n": 1_000}}\n',
  'LOCAL_STEPS = {"A": {"n": 1.}}\n',
  'LOCAL_STEPS = {"A": {"n": +1}}\n',
  'LOCAL_STEPS = {"A": {"s": {1, 2}}}\n',
  'LOCAL_STEPS = {**BASE, "A": {}}\n',
  'LOCAL_STEPS = {"A": {}} \\\n',
  'LOCAL_STEPS = {"A":\\\n {}}\n',
  'LOCAL_STEPS = {"A": {}}\f\n',
  'LOCAL_STEPS = ({"A": {}})\n',
  'LOCAL_STEPS = dict(A={})\n',
  'LOCAL_STEPS: Dict[str, Any] = {"A": {}}\n',
  'from typing import Any\nLOCAL_STEPS = {"A": {}}\n',
  'import os\nLOCAL_STEPS = {"A": {}}\n',
  'LOCAL_STEPS = {"A": {}}\nclass C:\n    pass\n',
  'LOCAL_STEPS = {"A": {}}\nNAMES = list(LOCAL_STEPS)\n',
  'LOCAL_STEPS = {"A": {}}; X = 1\n',
  '  LOCAL_STEPS = {"A": {}}\n',
  'LOCAL_STEPS = X = {"A": {}}\n',
  'WORKSPACE_METADATA = {"developer_id": "a\\u00e9"}\n',
  'LOCAL_STEPS = {"A": {}}\n\0',
  '\ufeffLOCAL_STEPS = {"A": {}}\n',
  'r"doc"\nLOCAL_STEPS = {"A": {}}\n',
  '"doc\\n"\nLOCAL_STEPS = {"A": {}}\n',
  '# only a comment\n',
  '',
  'LOCAL_STEPS = {"A\n": {}}\n',
  "LOCAL_STEPS = {'A\r\n': {}}\n",
  '# \\\nLOCAL_STEPS = {"A\n": {}}\n',
  'LOCAL_STEPS = {"A": {"d": "x\ry"}}\n',
  `LOCAL_STEPS = ${'['.repeat(40)}${']'.repeat(40)}\n`,
  'LOCAL_STEPS = {"A": {}} {}\n',
  "WORKSPACE_METADATA = {\"developer_id\": 'a' 'b'}\n",
];

describe('engine: workspace registry names (fast path of the id and local-name indices)', () => {
  before(initParsers);

  it('answers for every workspace registry of the small bench org, equal to the whole read', () => {
    for (const ws of buildOrg(ORGS.small).workspaces)
      assert.ok(provenOn(renderWorkspaceRegistry(ws), ws.registryPath), `declined ${ws.registryPath}`);
  });

  it("equals the whole read or declines on the example roots' workspace registries", () => {
    const files = registriesUnder(join(__dirname, '../../examples'));
    const answered = files.filter((f) => provenOn(f.text, f.path)).length;
    assert.ok(files.length >= 9 && answered >= files.length - 2, `answered ${answered} of ${files.length}`);
  });

  it('answers the registries cursus init-workspace writes, equal to the whole read, and equals it or declines on those of /work/real when present', () => {
    // The real repositories hold no developer workspace: a user's registries come from cursus's templates (byte for byte).
    const written = WORKSPACE_TEMPLATES.flatMap((template) =>
      WORKSPACE_LAYOUTS.flatMap((layout) =>
        scaffoldWorkspace({
          id: 'dev_one',
          template,
          layout,
          workspacesRoot: 'developer_workspaces/developers',
          coreFiles: [],
        })
          .files.filter((f) => f.file.endsWith('/workspace_registry.py'))
          .map((f) => ({ path: `${template}/${layout}`, text: f.text })),
      ),
    );
    const roots = existsSync('/work/real')
      ? readdirSync('/work/real')
          .map((d) => join('/work/real', d))
          .filter((d) => statSync(d).isDirectory())
      : [];
    const files = [...written, ...roots.flatMap(registriesUnder)];
    assert.equal(written.length, WORKSPACE_TEMPLATES.length * WORKSPACE_LAYOUTS.length);
    const answered = new Set(files.filter((f) => provenOn(f.text, f.path)).map((f) => f.path));
    assert.deepEqual(
      written.filter((f) => !answered.has(f.path)).map((f) => f.path),
      [],
      'every template is answered',
    );
  });

  it('answers the crafted cases it models, equal to the whole read', () => {
    for (const text of ANSWERED) assert.ok(provenOn(text, JSON.stringify(text)), `declined ${JSON.stringify(text)}`);
  });

  it('declines what it does not model', () => {
    for (const text of DECLINED) assert.equal(fast(text), null, `answered ${JSON.stringify(text)}`);
  });

  it('equals the whole read or declines on 3,000 mutated workspace registries', () => {
    const org = buildOrg(ORGS.small);
    const files = [
      ...org.workspaces
        .slice(0, 6)
        .map((ws) =>
          renderWorkspaceRegistry({ ...ws, local: ws.local.slice(0, 3), overrides: ws.overrides.slice(0, 1) }),
        ),
      ...ANSWERED.slice(0, 4),
    ];
    const snippets = [
      ...SNIPPETS,
      '"Dup": {},',
      '"NewStep": {"config_class": "C"},',
      '1: {},',
      '("P"): {},',
      '"developer_id": "mutant",',
      '"developer_id": ("p"),',
      '"k": (1),',
      '"k": -1,',
      '"k": - 1,',
      '"k": 1.5,',
      '"k": (),',
      '"k": {},',
      '"k": "a" "b",',
      '"k": "\\n",',
      'WORKSPACE_STEPS = {"W": {}}',
      'LOCAL_STEPS = {}',
      'WORKSPACE_METADATA = {"developer_id": "m"}',
      'LOCAL_STEPS = []',
      '# c',
      '"""Doc."""',
      '}',
      '},',
      '{',
      'X = (1,)',
    ];
    const rng = new Rng(0x5a3e5);
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      let text = rng.pick(files);
      for (let k = rng.int(1, 3); k > 0; k--) text = mutate(text, rng, snippets);
      if (provenOn(text, `mutant ${n}`)) answered++;
    }
    assert.ok(answered > 1000, `the names reader answered only ${answered} of 3,000 mutants`);
  });

  it('keeps nothing of the text alive in the names it gives', function () {
    this.timeout(60_000); // two child processes
    // 120 registries of 1 MB each (a long comment), their names kept, in a child whose heap holds 64 MB:
    // it runs out of memory exactly when the names keep their texts alive (the control keeps views).
    const run = (views: boolean) =>
      runInHeap(
        64,
        `
      const { workspaceNames } = ${requireOf('server/src/engine/model/entries/wsNames')};
      const held = [];
      for (let i = 0; i < 120; i++) {
        const text = 'LOCAL_STEPS = {"Step_number_' + i + '_of_a_long_name_past_thirty_two": {}, "Step_' + i + '_thirteen": {}}\\n'
          + 'WORKSPACE_METADATA = {"developer_id": "developer_number_' + i + '"}\\n#' + '#'.repeat(1 << 20) + '\\n';
        const names = workspaceNames(text);
        held.push(${views} ? [text.slice(16, 60)] : [...names.local, names.developerId]);
      }
      console.log(JSON.stringify(held[7]));
    `,
      );
    const copied = run(false);
    assert.equal(copied.status, 0, copied.stderr.slice(-400));
    assert.deepEqual(JSON.parse(copied.stdout), [
      'Step_number_7_of_a_long_name_past_thirty_two',
      'Step_7_thirteen',
      'developer_number_7',
    ]);
    assert.notEqual(run(true).status, 0, 'the control (views into the texts) fits the heap: the test tells nothing');
  });
});
