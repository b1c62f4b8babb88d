// apcore.yaml as apcore-python 0.19.0's Config.validate judges it (config.py:40-90, 1000-1035): the
// same five errors Config.load raises on this file (checked against the real SDK), and nothing for
// what it accepts (a boolean where Python's isinstance(v, int) holds, an unset field the defaults fill).
import { checkDiagnostics } from '../helpers';

describe('apcore.yaml: Config.validate', () => {
  it('RL074 on required fields the file takes away and on values outside their constraints', async () => {
    await checkDiagnostics(`
      //- /apcore.yaml
      acl:
        default_effect: permit
      #                 ^^^^^^ RL074 Invalid value for 'acl.default_effect': must be 'allow' or 'deny'
      project:
        name:
      # ^^^^ RL074 Missing required field: 'project.name'
      executor:
        default_timeout: -5
      #                  ^^ RL074 Invalid value for 'executor.default_timeout'
        max_call_depth: true
      observability:
        tracing:
          sampling_rate: 1.5
      #                  ^^^ RL074 must be a number in [0.0, 1.0]
      schema: ./schemas
      #       ^^^^^^^^^ RL074 Missing required field: 'schema.root' (the file sets 'schema' to the string './schemas'
    `);
  });

  it('reads the apcore: namespace in namespace mode', async () => {
    await checkDiagnostics(`
      //- /apcore.yaml
      apcore:
        acl: {default_effect: allow}
        executor: {max_module_repeat: 0}
      #                               ^ RL074 must be a positive integer
      other_tool: {acl: {default_effect: whatever}}
    `);
  });
});
