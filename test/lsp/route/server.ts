// The language server run from source (test/lsp/route.test.ts), as server/src/lsp/main.ts runs the bundle,
// the wasm files read from their packages.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import { CODES_DOC } from '../../../server/src/engine/codes';
import { codeDocLinks } from '../../../server/src/host/codeDocs';
import { startServer } from '../../../server/src/lsp/server';

startServer(
  createConnection(),
  {
    treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
    python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
  },
  codeDocLinks(path.join(__dirname, '..', '..', '..', CODES_DOC)),
);
