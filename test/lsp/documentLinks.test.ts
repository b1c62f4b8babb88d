// Document links over LSP: an ONEX registry.yaml's `path`/`metadata_file` and an interface's
// `contract.entry_point` come back as DocumentLinks with the target's file URI, over the annotated characters (inside the quotes).
import { strict as assert } from 'node:assert';
import type { DocumentLink } from 'vscode-languageserver-types';
import { parseFixture } from '../engine/fixture';
import { show, TestClient } from './client';

const REG = 'src/demo/registry/registry.yaml';
const PREP = 'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml';

const FIXTURE = parseFixture(`
//- /${REG}
nodes:
  - name: "echo_node"
    versions:
      - version: "v1_0_0"
        path: "nodes/echo_node/v1_0_0"
#              ^^^^^^^^^^^^^^^^^^^^^^ link src/demo/nodes/echo_node/v1_0_0/node.onex.yaml
        metadata_file: "node.onex.yaml"
#                       ^^^^^^^^^^^^^^ link src/demo/nodes/echo_node/v1_0_0/node.onex.yaml
      - version: "v1_1_0"
        path: "src/demo/nodes/echo_node/v1_1_0"
        metadata_file: "node.onex.yaml"
//- /src/demo/nodes/echo_node/v1_0_0/node.onex.yaml
name: "echo_node"
version: "1.0.0"
schema_version: "0.1.0"
entrypoint: "python://node.py"
//- /src/demo/nodes/echo_node/v1_0_0/node.py
pass
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {}
//- /${PREP}
step_type: TabularPreprocessing
registry: {sagemaker_step_type: Processing, description: p}
contract:
  entry_point: tabular_preprocessing.py
#              ^^^^^^^^^^^^^^^^^^^^^^^^ link src/cursus/steps/scripts/tabular_preprocessing.py
//- /src/cursus/steps/scripts/tabular_preprocessing.py
def main():
    pass
`);

describe('lsp: document links', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(FIXTURE.files);
    await c.loaded();
  });
  after(() => c.stop());

  for (const file of [REG, PREP]) {
    it(`links the paths of ${file} to the files the loader resolves them to`, async () => {
      const links = await c.request<DocumentLink[]>('textDocument/documentLink', {
        textDocument: { uri: c.uri(file) },
      });
      const want = FIXTURE.annotations
        .filter((a) => a.file === file)
        .map((a) => `${show(a.range)} ${c.uri(a.label.slice('link '.length))}`);
      assert.deepEqual(
        links.map((l) => `${show(l.range)} ${l.target ?? ''}`),
        want,
      );
    });
  }
});
