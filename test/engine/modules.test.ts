// apcore modules are first-class entries: workspace symbols find them, references reach them from
// the module_ids that name them, and their class gets the dependents lens — as steps do. Their id
// comes from the path or the id map, so rename is not offered.
import { strict as assert } from 'node:assert';
import { analyze, show } from './helpers';
import { moduleClass } from './pipeline/snippets';

const FIXTURE = `
  //- /extensions/mail/send.py
  ${moduleClass('SendMail', 'Sends mail.', 2)}
  //- /extensions/mail/send_meta.yaml
  description: sends mail
  //- /extensions/text/render.py
  ${moduleClass('Render', 'Renders text.', 2)}
  //- /extensions/text/render_meta.yaml
  dependencies:
    - module_id: mail.send
`;

describe('apcore modules as entries', () => {
  it('workspace symbols find a module by its id (`mail` finds mail.send), at its class', async () => {
    const { engine } = await analyze(FIXTURE);
    const hits = engine
      .workspaceSymbols('mail')
      .map((s) => [s.name, s.kind, s.location.file, show(s.location.range), s.containerName]);
    assert.deepEqual(hits, [['mail.send', 'module', 'extensions/mail/send.py', '0:6-0:14', 'module']]);
  });

  it('references of a module from its class and from a module_id; no rename', async () => {
    const { engine } = await analyze(FIXTURE);
    const fromClass = engine
      .references('extensions/mail/send.py', { line: 0, character: 8 }, true)
      .map((l) => `${l.file} ${show(l.range)}`);
    assert.deepEqual(fromClass, ['extensions/mail/send.py 0:6-0:14', 'extensions/text/render_meta.yaml 1:15-1:24']);
    const fromDep = engine
      .references('extensions/text/render_meta.yaml', { line: 1, character: 18 }, true)
      .map((l) => l.file);
    assert.deepEqual(fromDep, ['extensions/mail/send.py', 'extensions/text/render_meta.yaml']);
    assert.equal(engine.prepareRename('extensions/text/render_meta.yaml', { line: 1, character: 18 }), null);
  });

  it('the module class gets the dependents lens', async () => {
    const { engine } = await analyze(FIXTURE);
    assert.deepEqual(
      engine.codeLenses('extensions/mail/send.py').map((l) => [show(l.range), l.title]),
      [['0:6-0:14', '1 dependent']],
    );
    assert.deepEqual(engine.codeLenses('extensions/text/render.py'), []);
  });
});
