// What only the host can see, through `check`: roots named by apcore.yaml are walked (a second walk),
// the subject beside a meta file is read even outside every root and component directory, and
// symbolic links are reported — a loop, a link leaving its extension root — and never followed out.
import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { removeTrees, runJson, writeTree } from './helpers';

interface Reported {
  code: string;
  file: string;
  severity: string;
  message: string;
}

const MODULE = (name: string): string =>
  `class ${name}:\n    description = "${name}."\n    input_schema = dict\n    output_schema = dict\n\n    def execute(self, inputs, context):\n        return {}\n`;

describe('cli check: apcore roots, subjects and links', () => {
  after(removeTrees);

  it('walks the roots apcore.yaml names, reads subjects beside meta files, reports link problems', () => {
    const root = writeTree({
      'apcore.yaml': 'extensions:\n  roots: [./mods, {path: ./more, namespace: more}]\n',
      'mods/a.py': MODULE('A'),
      'mods/a_meta.yaml': 'description: a\ndependencies:\n  - module_id: more.b\n  - module_id: more.linked.c\n',
      'more/b.py': MODULE('B'),
      'lib/shared/c.py': MODULE('C'),
      'tools/script.py': 'class Script:\n    pass\n',
      'tools/script_meta.yaml': 'description: the subject is neither a module nor a component\n',
      'tools/orphan_meta.yaml': 'description: no subject\n',
    });
    mkdirSync(join(root, 'more', 'loop'), { recursive: true });
    symlinkSync(join(root, 'more'), join(root, 'more', 'loop', 'back'));
    symlinkSync(join(root, 'lib', 'shared'), join(root, 'more', 'linked'));
    const { json } = runJson(['check', root, '--format', 'json']);
    const diags = (json['diagnostics'] as Reported[]).map((d) => `${d.file} ${d.code} ${d.severity}`);
    assert.deepEqual(diags, [
      'mods/a_meta.yaml RL022 error',
      'more/linked RL030 information',
      'more/loop/back RL030 warning',
      'tools/orphan_meta.yaml RL021 warning',
    ]);
    const messages = (json['diagnostics'] as Reported[]).map((d) => d.message);
    assert.match(
      messages[0] ?? '',
      /'more\.linked\.c'/,
      'the module behind the link that leaves the root is not registered',
    );
    assert.match(messages[1] ?? '', /leaves the extension root more\//);
    assert.match(messages[2] ?? '', /Symbolic link loop/);
  });
});
