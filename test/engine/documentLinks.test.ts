// Document links (engine `documentLinks`): each family's paths resolve as its loader resolves them, to
// existing root-relative files only, over the characters inside the quotes: ONEX `path`/`metadata_file`
// (to the version's metadata file) and `entrypoint`, an interface's `contract.entry_point` script, the
// id map's `file`, a meta file's `entry_point`.
import { checkDocumentLinks } from './helpers';
import { moduleClass } from './pipeline/snippets';

const META = 'name: "alpha"\nversion: "1.0.0"\nschema_version: "0.1.0"\nentrypoint:\n  type: python\n  target: node.py';

describe('document links', () => {
  it('ONEX: path against the root, else the registry directory parent; metadata_file in the version directory; none when the metadata is missing', async () => {
    await checkDocumentLinks(`
//- /src/demo/registry/registry.yaml
nodes:
  - name: alpha
    versions:
      - version: "1.0.0"
        path: "src/demo/nodes/alpha/v1_0_0"
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^ link src/demo/nodes/alpha/v1_0_0/node.onex.yaml
        metadata_file: node.onex.yaml
#                      ^^^^^^^^^^^^^^ link src/demo/nodes/alpha/v1_0_0/node.onex.yaml
      - version: "1.1.0"
        path: "nodes/alpha/v1_1_0"
#              ^^^^^^^^^^^^^^^^^^ link src/demo/nodes/alpha/v1_1_0/node.onex.yaml
        metadata_file: node.onex.yaml
#                      ^^^^^^^^^^^^^^ link src/demo/nodes/alpha/v1_1_0/node.onex.yaml
      - version: "1.2.0"
        path: "src/demo/nodes/alpha/v1_2_0"
        metadata_file: missing.onex.yaml
      - version: "2.0.0"
        path: "../../../../outside/v2_0_0"
        metadata_file: node.onex.yaml
//- /src/demo/nodes/alpha/v1_0_0/node.onex.yaml
${META}
#         ^^^^^^^ link src/demo/nodes/alpha/v1_0_0/node.py
//- /src/demo/nodes/alpha/v1_0_0/node.py
pass
//- /src/demo/nodes/alpha/v1_1_0/node.onex.yaml
${META.replace('1.0.0', '1.1.0').replace('node.py', 'gone.py')}
//- /src/demo/nodes/alpha/v1_2_0/.wip
`);
  });

  it('interfaces: contract.entry_point links to the script in the scripts directory of its context; a missing script has none', async () => {
    await checkDocumentLinks(`
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {}
//- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
registry: {sagemaker_step_type: Processing, description: p}
contract:
  entry_point: tabular_preprocessing.py
#              ^^^^^^^^^^^^^^^^^^^^^^^^ link src/cursus/steps/scripts/tabular_preprocessing.py
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
registry: {sagemaker_step_type: Training, description: t}
contract:
  entry_point: train.py
//- /src/cursus/steps/scripts/tabular_preprocessing.py
def main():
    pass
`);
  });

  it('apcore id map: file relative to an extension root, else to the map directory; none for a file that is no module', async () => {
    await checkDocumentLinks(`
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
  //- /config/ids.yaml
  mappings:
    - file: mail/send.py
  #         ^^^^^^^^^^^^ link ext/mail/send.py
      id: mail.send
    - file: ../plug/sms.py
  #         ^^^^^^^^^^^^^^ link plug/sms.py
      id: sms
    - file: ../lib/helper.py
    - file: ../../outside.py
`);
  });

  it('meta entry_point: the module file apcore looks the class up in (the subject; the part before the colon is ignored)', async () => {
    await checkDocumentLinks(`
      //- /extensions/two.py
      ${moduleClass('First')}
      ${moduleClass('Second')}
      //- /extensions/two_meta.yaml
      entry_point: "other.py:Second"
      #             ^^^^^^^^^^^^^^^ link extensions/two.py
      description: two
    `);
  });
});
