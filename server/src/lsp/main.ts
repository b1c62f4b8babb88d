// Entry point of the bundled language server (dist/server.js): reads the tree-sitter wasm files that
// the build copies beside it, links the codes to the diagnostics reference shipped beside dist/, and serves LSP over
// the transport named on the command line
// (--stdio, --node-ipc, --socket=…, as vscode-languageclient passes it).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import { CODES_DOC } from '../engine/codes';
import { codeDocLinks } from '../host/codeDocs';
import { startServer } from './server';

startServer(
  createConnection(),
  {
    treeSitter: readFileSync(path.join(__dirname, 'web-tree-sitter.wasm')),
    python: readFileSync(path.join(__dirname, 'tree-sitter-python.wasm')),
  },
  codeDocLinks(path.join(__dirname, '..', CODES_DOC)),
);
