// What a server published, beside what a fresh `registry-lens check` of the same tree gives: a server
// that followed changes (or read its folder in steps) must end where a fresh analysis is.
import { spawnSync } from 'node:child_process';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CLI } from '../cli/helpers';
import type { TestClient } from './client';

/** Every file's diagnostics as a fresh `registry-lens check` of `root` gives them, by root-relative path. */
export function freshCheck(root: string): Record<string, string[]> {
  const r = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const fresh: Record<string, string[]> = {};
  for (const d of (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; message: string }[] })
    .diagnostics)
    (fresh[d.file] ??= []).push(`${d.code} ${d.message}`);
  for (const list of Object.values(fresh)) list.sort();
  return fresh;
}

/** Every file's diagnostics as the server published them and as a fresh `registry-lens check` of the same tree gives them. */
export function againstFresh(c: TestClient): { server: Record<string, string[]>; fresh: Record<string, string[]> } {
  const fresh = freshCheck(c.root);
  const server: Record<string, string[]> = {};
  const prefix = `${c.uri('')}/`;
  for (const [uri, ds] of c.diagnostics)
    if (ds.length > 0)
      server[decodeURIComponent(uri.slice(prefix.length))] = ds.map(
        (d: Diagnostic) => `${String(d.code)} ${d.message}`,
      );
  for (const list of Object.values(server)) list.sort();
  return { server, fresh };
}
