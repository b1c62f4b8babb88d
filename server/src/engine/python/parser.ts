// Owns the one tree-sitter Python parser of the process. The host passes the wasm bytes, so the
// engine never touches the file system; parsing never fails (errors become ERROR/MISSING nodes).
import { Language, Parser, type Tree } from 'web-tree-sitter';

export interface WasmBinaries { treeSitter: Uint8Array; python: Uint8Array }

let parser: Parser | null = null;
let loading: Promise<void> | null = null;

/** Idempotent and safe to call concurrently (multi-root servers create engines at once). */
export function initPython(wasm: WasmBinaries): Promise<void> {
  loading ??= (async () => {
    await Parser.init({ wasmBinary: wasm.treeSitter });
    const lang = await Language.load(wasm.python);
    const p = new Parser();
    p.setLanguage(lang);
    parser = p;
  })();
  return loading;
}

/** Parses `text`, hands the tree to `use`, and frees the tree's wasm memory afterwards. */
export function withPythonTree<T>(text: string, use: (tree: Tree) => T): T {
  if (!parser) throw new Error('initPython() must run before parsing');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
