// The documents the language server is given, for both clients: the languages and file patterns the families read,
// on the scheme of the client's file system (`file` for the Node client; every scheme for the web client, whose
// folders are virtual).

/** A document filter of the language client's selector, as both clients write them. */
interface Filter {
  readonly scheme?: string;
  readonly language: string;
  readonly pattern?: string;
}

export function documentSelector(scheme?: string): Filter[] {
  const on = scheme === undefined ? {} : { scheme };
  return [
    { ...on, language: 'python' },
    { ...on, language: 'yaml' },
    { ...on, language: 'toml' },
    { ...on, language: 'json', pattern: '**/*.dag.json' },
    { ...on, language: 'json', pattern: '**/catalog_index.json' },
    { ...on, language: 'json', pattern: '**/pipeline_config/*.json' },
    { ...on, language: 'json', pattern: '**/pipeline_configs/*.json' },
  ];
}
