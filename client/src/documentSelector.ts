// The documents the language server is given, for both clients: the languages and file patterns the families read,
// on the scheme of the client's file system (`file` for the Node client; every scheme for the web client, whose
// folders are virtual).
import type { DocumentFilter } from 'vscode-languageclient';

export function documentSelector(scheme?: string): DocumentFilter[] {
  const on = scheme === undefined ? {} : { scheme };
  return [
    { ...on, language: 'python' },
    { ...on, language: 'yaml' },
    { ...on, language: 'toml' },
    { ...on, language: 'json', pattern: '**/*.dag.json' },
    { ...on, language: 'json', pattern: '**/catalog_index.json' },
  ];
}
