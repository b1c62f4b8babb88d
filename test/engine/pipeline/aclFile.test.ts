// ACL files under apcore.yaml's `acl.root` as apcore-python 0.19.0's ACL.load reads them (acl.py:197-262):
// each ACLRuleError at its node (RL075; the messages are the SDK's, checked against it), a valid file
// gets nothing, and without apcore.yaml an `acl/` folder is not read as apcore's.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';

describe('apcore ACL files', () => {
  it('RL075 on what ACL.load raises on, in acl.root', async () => {
    await checkDiagnostics(`
      //- /apcore.yaml
      acl: {root: ./policy}
      //- /policy/ok.yaml
      rules:
        - callers: ["*"]
          targets: [ext.*]
          effect: allow
      //- /policy/bad.yaml
      rules:
        - callers: api.*
      #            ^^^^^ RL075 Rule 0 'callers' must be a list, got str
          targets: ["*"]
          effect: deny
        - callers: []
          targets: []
          effect: permit
      #           ^^^^^^ RL075 Rule 1 has invalid effect 'permit', must be 'allow' or 'deny'
        - callers: []
      #   ^^^^^^^ RL075 Rule 2 missing required key 'targets'
          effect: deny
      //- /policy/none.yaml
      default_effect: deny
      ^^^^^^^^^^^^^^ RL075 ACL config missing required 'rules' key
    `);
  });

  it("an acl/ folder is not apcore's without apcore.yaml", async () => {
    const { engine } = await analyze(`
      //- /acl/x.yaml
      whatever: 1
    `);
    assert.deepEqual(engine.allDiagnostics(), []);
  });
});
