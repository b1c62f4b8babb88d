// Stage 2, id map: `mappings: [{file, id?, class?}]`, files relative to their extension root (or to
// the map's directory); `id` replaces the module id without a namespace; without `id` the file path is
// the id (as apcore makes it) and `class` picks the entry point; RL029 for a map without `mappings`
// (error), for items without a file, with a missing file, or naming no module, and for a `class`
// apcore ignores beside an `id` when detection finds another class (warning).
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';
import { moduleClass } from './snippets';

const ROOTS = `
  //- /apcore.yaml
  extensions:
    roots: [./ext, {path: ./plug, namespace: p}]
  id_map: ./config/ids.yaml
  //- /ext/mail/send.py
  ${moduleClass('Send', 'Send.', 2)}
  //- /plug/sms.py
  ${moduleClass('Sms', 'Sms.', 2)}
  //- /lib/helper.py
  class Helper:
      pass
`;

describe('pipeline 2: id map', () => {
  it('an id replaces the namespaced path id; without an id the file path is the id and the class picks the entry point', async () => {
    const { engine } = await analyze(`${ROOTS}
      //- /config/ids.yaml
      mappings:
        - file: sms.py
          id: notify.sms
        - file: mail/send.py
          class: Send
    `);
    assert.deepEqual(
      engine.list().map((r) => r.name),
      ['mail/send.py', 'notify.sms'],
    );
    assert.deepEqual(
      engine.allDiagnostics().map((d) => [d.code, d.message]),
      [
        [
          'RL009',
          "Invalid module id 'mail/send.py' (from the mapping has no 'id', so apcore uses its file path as the id): it must be lower-case dot-separated segments of letters, digits and '_', each starting with a letter",
        ],
      ],
    );
    assert.equal(engine.explain({ step: 'mail/send.py' }).module?.entryClass?.class, 'Send');
  });

  it('RL029 (warning) on items without a file, with a missing file, naming no module, or repeating a file', async () => {
    await checkDiagnostics(`${ROOTS}
      //- /config/ids.yaml
      mappings:
        - id: orphan
      #   ^^^^^^^^^^ RL029 no 'file'
        - file: ../plug/gone.py
      #         ^^^^^^^^^^^^^^^ RL029 does not exist relative to an extension root (ext/, plug/) or the id map's directory (config/)
        - file: ../lib/helper.py
      #         ^^^^^^^^^^^^^^^^ RL029 is not a module of any extension root
        - file: ../plug/sms.py
          id: notify.sms
        - file: ../plug/sms.py
      #         ^^^^^^^^^^^^^^ RL029 already mapped above
        - just a string
      #   ^^^^^^^^^^^^^ RL029 not {file, id?, class?}
    `);
  });

  it('RL029 (error) when there is no mappings list, and when apcore.yaml names a map that does not exist', async () => {
    const diags = await checkDiagnostics(`${ROOTS}
      //- /config/ids.yaml
      mapping:
      ^^^^^^^ RL029 no 'mappings' list
        - file: ../plug/sms.py
    `);
    assert.equal(diags[0]?.severity, 'error');
    await checkDiagnostics(
      ROOTS.replace(
        'id_map: ./config/ids.yaml',
        'id_map: ./config/ids.yaml\n  #       ^^^^^^^^^^^^^^^^^ RL029 not found',
      ),
    );
  });

  it('RL026 when the mapped class is not defined in the file; a class beside an id is ignored (RL029); an id from the map is checked like any id', async () => {
    await checkDiagnostics(`${ROOTS}
      //- /config/ids.yaml
      mappings:
        - file: ../plug/sms.py
      #         ^^^^^^^^^^^^^^ RL009 Invalid module id '../plug/sms.py' (from the mapping has no 'id', so apcore uses its file path as the id)
          class: SmsSender
      #          ^^^^^^^^^ RL026 Class 'SmsSender' (from the id map) is not defined in plug/sms.py
        - file: ../ext/mail/send.py
          id: Notify.mail
      #       ^^^^^^^^^^^ RL009 Invalid module id 'Notify.mail' (from the id map)
          class: Sender
      #          ^^^^^^ RL029 apcore ignores this 'class' because the mapping has an 'id', and detects Send instead
    `);
  });

  it('a duplicate id through the map is reported at the map node of the later file', async () => {
    await checkDiagnostics(`${ROOTS}
      //- /config/ids.yaml
      mappings:
        - file: ../plug/sms.py
          id: ext.mail.send
      #       ^^^^^^^^^^^^^ RL024 Duplicate module id 'ext.mail.send': ext/mail/send.py already has it
    `);
  });
});
