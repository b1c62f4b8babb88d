// The mapping between a folder's URI and the root-relative POSIX paths the engine speaks, on any URI scheme (the web
// worker's folders are `vscode-vfs:`, a test's in-memory file system, `file:`): by the URI's path segments, never a
// path on disk; and which folder a request's URI names.

/** The URI of root-relative `rel` inside the folder at `folderUri`. */
export function uriIn(folderUri: string, rel: string): string {
  return `${folderUri.replace(/(?<!\/)\/+$/, '')}/${rel.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The root-relative path of `uri` inside the folder at `folderUri`; undefined outside it, for the folder itself, and
 * for a segment that is empty, `.`, `..` or names a separator once decoded (`%2F`).
 */
export function relIn(folderUri: string, uri: string): string | undefined {
  const base = `${folderUri.replace(/(?<!\/)\/+$/, '')}/`;
  if (!uri.startsWith(base)) return undefined;
  const rest = uri.slice(base.length).split(/[?#]/, 1)[0] ?? '';
  let segments: string[];
  try {
    segments = rest.split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const bad = (s: string): boolean => s === '' || s === '.' || s === '..' || /[/\\]/.test(s);
  return segments.some(bad) ? undefined : segments.join('/');
}

/** Two folder URIs alike but for a trailing slash. */
export function sameFolder(a: string, b: string): boolean {
  return a.replace(/(?<!\/)\/+$/, '') === b.replace(/(?<!\/)\/+$/, '');
}

/** The folder a request names, by its URI or a document's in it (`locate`); the first folder when it names none. */
export function namedFolder<W extends { readonly uri: string }>(
  all: readonly W[],
  uri: string | undefined,
  locate: (uri: string) => W | undefined,
): W | undefined {
  const named = uri === undefined ? undefined : (all.find((f) => sameFolder(f.uri, uri)) ?? locate(uri));
  return named ?? all[0];
}
