// A web extension for the browser suites (test/e2e/browser.e2e.mjs, browserExamples.e2e.mjs): a read-only file system
// on the `memfs:` scheme holding the files of files.json ({ "<folder>/<path>": "<text>" }, written beside it by the
// suite), so folders can be opened that lie on no disk and have no file search. With a file `hold` beside it, a slow
// one: every file's read (but the editor's `.vscode` settings) waits until the command memfs.releaseReads runs; when
// `hold` names paths (`<folder>/<path>`, one a line), only theirs wait. A hover asked in a memfs document lets them go.
const vscode = require('vscode');

exports.activate = async (context) => {
  // read, not required: the web worker extension host loads no JSON module
  const json = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'files.json'));
  const files = JSON.parse(new TextDecoder().decode(json));
  const held = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'hold')).then(
    (list) => new TextDecoder().decode(list).split('\n').filter(Boolean),
    () => false,
  );
  /** Whether the read of `p` waits for memfs.releaseReads. */
  const holds = (p) => (held.length === 0 ? !p.includes('/.vscode/') : held.includes(p.slice(1)));
  let release = () => undefined;
  const released = held ? new Promise((resolve) => (release = resolve)) : Promise.resolve();
  context.subscriptions.push(
    vscode.commands.registerCommand('memfs.releaseReads', () => release()),
    // a hover asked in a memfs document lets the held reads go too: every provider is asked at once, so the others'
    // (Registry Lens') is asked while the reads are still held (the UI shows no pending hover to wait for)
    vscode.languages.registerHoverProvider({ scheme: 'memfs' }, { provideHover: () => void release() }),
  );
  const bytes = new Map(Object.entries(files).map(([p, text]) => [`/${p}`, new TextEncoder().encode(text)]));
  const children = new Map([['/', new Set()]]);
  for (const p of bytes.keys()) {
    const parts = p.split('/').slice(1);
    for (let i = 0; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!children.has(dir)) children.set(dir, new Set());
      children.get(dir).add(parts[i]);
    }
  }
  const typeOf = (p) =>
    bytes.has(p) ? vscode.FileType.File : children.has(p) ? vscode.FileType.Directory : vscode.FileType.Unknown;
  const pathOf = (uri) => (uri.path.length > 1 ? uri.path.replace(/\/$/, '') : '/');
  const refuse = (uri) => {
    throw vscode.FileSystemError.NoPermissions(uri);
  };
  const provider = {
    onDidChangeFile: new vscode.EventEmitter().event,
    watch: () => new vscode.Disposable(() => undefined),
    stat(uri) {
      const p = pathOf(uri);
      const type = typeOf(p);
      if (type === vscode.FileType.Unknown) throw vscode.FileSystemError.FileNotFound(uri);
      return { type, ctime: 0, mtime: 0, size: bytes.get(p)?.length ?? 0 };
    },
    readDirectory(uri) {
      const names = children.get(pathOf(uri));
      if (!names) throw vscode.FileSystemError.FileNotADirectory(uri);
      const p = pathOf(uri);
      return [...names].map((name) => [name, typeOf(p === '/' ? `/${name}` : `${p}/${name}`)]);
    },
    async readFile(uri) {
      const b = bytes.get(pathOf(uri));
      if (!b) throw vscode.FileSystemError.FileNotFound(uri);
      if (held !== false && holds(pathOf(uri))) await released;
      return b;
    },
    createDirectory: refuse,
    writeFile: refuse,
    delete: refuse,
    rename: refuse,
  };
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider('memfs', provider, { isCaseSensitive: true, isReadonly: true }),
    // Quick Open finds no file here (no file search): the suite opens one by its path
    vscode.commands.registerCommand('memfs.openFile', async () => {
      const p = await vscode.window.showInputBox({ title: 'memfs: Open File', prompt: '/<folder>/<path>' });
      if (p) await vscode.window.showTextDocument(vscode.Uri.from({ scheme: 'memfs', path: p }));
    }),
  );
};
