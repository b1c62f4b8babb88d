// R16 (issue 42): names and values from the workspace are shown as the text they are — in every hover,
// in completion documentation (markdown, rendered by the client) and in the Explain document (plain
// text for terminals and editors) — never as links, HTML, formatting or the end of their code span.
import { strict as assert } from 'node:assert';
import { analyze } from './helpers';
import { CORE } from './cursusCore';
import { assertInert as inert, readMarkdown } from './markdownChecks';
import { mdCode, mdJsonCell, mdLines, mdText, visible } from '../../server/src/engine/render/escape';
import { renderExplanation } from '../../server/src/engine/render/explainText';
import { Rng } from '../../bench/rng';

const WS = 'developer_workspaces/developers';
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[click](command:workbench.action.terminal.new)',
  'javascript:alert(3)',
];
const DESCRIPTION = 'x` [run me](command:workbench.action.terminal.new) <script>alert(2)</script> `y';
const DEPENDENCIES = ['javascript:alert(3)', '[dep](command:workbench.action.openSettings)'];

/** The reproducer's workspace registry (shared/repro/R16), with the developer id made hostile too. */
const REGISTRY = `//- /${WS}/erin/src/cursus_dev/registry/workspace_registry.py
LOCAL_STEPS = {
    ${JSON.stringify(HOSTILE[0])}: {
        "sagemaker_step_type": "Processing",
        "description": ${JSON.stringify(DESCRIPTION)},
        "dependencies": ${JSON.stringify(DEPENDENCIES)},
        "[k](command:x) | <b>": 1,
    },
    ${JSON.stringify(HOSTILE[1])}: {"sagemaker_step_type": "Processing", "description": "</code></pre><b>bold</b>"},
    ${JSON.stringify(HOSTILE[2])}: {"sagemaker_step_type": "Processing", "description": "j", "builder_step_name": "<b>Nope</b>Builder"},
}
WORKSPACE_METADATA = {"developer_id": "<i>erin</i>"}
`;

describe('escape: workspace text in markdown and in the Explain document (R16)', () => {
  it('a code span is fenced by more backticks than any run inside, padded when the text starts or ends with one', () => {
    const rng = new Rng(0x16);
    for (let n = 0; n < 2000; n++) {
      const s = Array.from({ length: rng.int(1, 12) }, () => rng.pick(['`', '``', ' ', 'a', '|', '\\'])).join('');
      const md = mdCode(s);
      const fence = /^`+/.exec(md)?.[0].length ?? 0;
      assert.ok(Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length)) < fence, md);
      assert.deepEqual(readMarkdown(md).problems, [], md);
      assert.equal(readMarkdown(md).shown, s, md);
    }
    assert.equal(mdCode('a'), '`a`');
    assert.equal(mdCode('`'), '`` ` ``');
    assert.equal(mdCode(DESCRIPTION), `\`\`${DESCRIPTION}\`\``);
  });

  it('text keeps no markdown: every character shows as itself, on one line that starts no block', () => {
    const rng = new Rng(0x42);
    const alphabet = [
      ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
      'a',
      'Z',
      '1',
      '0',
      ' ',
      '  ',
      'www',
      'http://',
      'command:',
      'é',
    ];
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: rng.int(1, 10) }, () => rng.pick(alphabet)).join('');
      const md = mdText(s);
      assert.deepEqual(readMarkdown(md).problems, [], `${s} -> ${md}`);
      assert.equal(readMarkdown(`**${md}**`).shown, s, `${s} -> ${md}`);
      assert.doesNotMatch(md, /^ {0,3}(?:[-+*#>=~|_]|\d+[.)])/, `${s} -> ${md}`);
      assert.doesNotMatch(md, /\n/);
    }
    // what no construct can use is left as it is
    assert.equal(mdText('echo_node v1.0.0 (my-step), a/b; "q"?'), 'echo_node v1.0.0 (my-step), a/b; "q"?');
    assert.equal(mdText('x\ny\u001b[2J\u202e'), 'x\\\\ny\\\\x1b\\[2J\\\\u202e');
  });

  it('a description of several lines keeps its lines, each one text', () => {
    assert.equal(mdLines('first\n    # not a heading\n\n1. not a list'), 'first\n\\# not a heading\n\n1\\. not a list');
  });

  it('a value in a table cell keeps its cell under both readings of an escaped pipe', () => {
    for (const v of ['a|b', 'a\\|b', 'a\\\\|b', '`|`', '|', { '|': ['\\', '|'] }, DESCRIPTION]) {
      inert(`| field | value |\n|---|---|\n| ${mdText('k|\\')} | ${mdJsonCell(v)} |`, [JSON.stringify(v), 'k|\\']);
    }
  });

  it("hover on the reproducer's step names shows each name, field and value as text", async () => {
    const { engine } = await analyze(`${CORE}${REGISTRY}`);
    const file = `${WS}/erin/src/cursus_dev/registry/workspace_registry.py`;
    const lines = REGISTRY.split('\n').slice(1);
    /** The hover one character into the first place `needle` is written in the registry. */
    const at = (needle: string): string => {
      const line = lines.findIndex((l) => l.includes(needle));
      return engine.hover(file, { line, character: (lines[line] ?? '').indexOf(needle) + 1 })?.markdown ?? '';
    };
    inert(at(`${JSON.stringify(HOSTILE[0])}: {`), [
      HOSTILE[0] as string,
      'workspace:<i>erin</i>',
      JSON.stringify(DESCRIPTION),
      JSON.stringify(DEPENDENCIES),
      '[k](command:x) | <b>',
    ]);
    inert(at(`${JSON.stringify(HOSTILE[1])}: {`), [HOSTILE[1] as string, '"</code></pre><b>bold</b>"']);
    inert(at(`${JSON.stringify(HOSTILE[2])}: {`), [HOSTILE[2] as string]);
    // a field key (free metadata) and a builder class that does not exist
    inert(at('[k]'), ['[k](command:x) | <b>', 'free metadata']);
    inert(at('<b>Nope'), ['<b>Nope</b>Builder', 'builder class not found']);
  });

  it("completion shows a core step's description as text in its documentation, and inserts it as text in its snippet", async () => {
    const { engine } =
      await analyze(`${CORE.replace('STEP_NAMES = {', `STEP_NAMES = {\n    "Evil": {"sagemaker_step_type": "Processing", "description": ${JSON.stringify(`${DESCRIPTION}\n# second line $CLIPBOARD \${1:x}`)}},`)}
//- /${WS}/alice/src/cursus_dev/registry/workspace_registry.py
STEP_OVERRIDES = {
${' '.repeat(4)}
}
`);
    const item = engine
      .completion(`${WS}/alice/src/cursus_dev/registry/workspace_registry.py`, { line: 1, character: 4 })
      .find((c) => c.label === 'Evil');
    assert.ok(item?.documentation, 'the core step is offered with its description');
    inert(item.documentation, [DESCRIPTION, '# second line $CLIPBOARD ${1:x}']);
    // in a snippet `$CLIPBOARD` would paste the clipboard and `${1:x}` add a tab stop
    assert.ok(item.insertText?.includes('# second line \\$CLIPBOARD \\${1:x\\}}'), JSON.stringify(item.insertText));
  });

  it('the Explain document writes a line break or an escape sequence in a name out, so each entry stays one line', async () => {
    const name = 'A\nWinner: forged\u001b[2J';
    const { engine } = await analyze(`${CORE}//- /${WS}/erin/src/cursus_dev/registry/workspace_registry.py
LOCAL_STEPS = {${JSON.stringify(name)}: {"sagemaker_step_type": "Processing", "description": "d\\u009b"}}
WORKSPACE_METADATA = {"developer_id": "erin"}
`);
    const text = renderExplanation(engine.explain({ step: name, context: 'erin' }));
    assert.ok(text.includes(`Explain Resolution: ${visible(name)}`), text);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text), JSON.stringify(text));
    assert.ok(!text.split('\n').some((l) => l.startsWith('Winner: forged')), text);
  });
});
