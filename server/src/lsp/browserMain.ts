// Entry point of the web extension's language server (dist/browserServer.js, a web worker started by the browser
// client): LSP over the worker's messages, and the tree-sitter wasm fetched from the URLs the client passes in its
// initialization options (a worker has no file system to read them from).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { InitializationOptions } from './protocol';
import { startWebServer, type WebAssets } from './webServer';

/** The worker's scope, as far as the connection uses it (the server is compiled without the DOM's typings). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function assets({ web }: InitializationOptions): Promise<WebAssets> {
  if (web === undefined) throw new Error('the client sent no web options (where the wasm files are)');
  const [treeSitter, python] = await Promise.all([fetchBytes(web.treeSitter), fetchBytes(web.python)]);
  return { wasm: { treeSitter, python }, codeDoc: web.codeDoc };
}

startWebServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), assets);
