// Entry point of the web extension's language server (dist/browserServer.js, a web worker started by the browser
// client): the worker's first message brings the tree-sitter wasm files (`WasmMessage`: a worker has no file system to
// read them from), then LSP runs over the worker's messages.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { InitializationOptions, WasmMessage } from './protocol';
import { startWebServer } from './webServer';

type Listener = (event: { data: unknown }) => void;
/** The worker's scope, as far as this module uses it (the server is compiled without the DOM's typings). */
declare const self: {
  addEventListener(type: 'message', listener: Listener): void;
  removeEventListener(type: 'message', listener: Listener): void;
};

const first: Listener = ({ data }) => {
  const wasm = (data as Partial<WasmMessage> | null)?.registryLensWasm;
  if (wasm === undefined) return;
  self.removeEventListener('message', first);
  // The reader listens from the next message on: the protocol's messages come after this one.
  const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
  startWebServer(connection, ({ web }: InitializationOptions) =>
    Promise.resolve({
      wasm: { treeSitter: new Uint8Array(wasm.treeSitter), python: new Uint8Array(wasm.python) },
      codeDoc: web?.codeDoc ?? '',
    }),
  );
};
self.addEventListener('message', first);
