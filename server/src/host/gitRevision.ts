// The texts files had at a git revision, for `check --base REV --files` (pre-commit: what the staged
// change brings). git is run without a shell, in the root, reading blobs only (`cat-file`, which applies
// no filter or textconv a repository could configure); a file absent at the revision is null, a
// revision that does not resolve is an error — except HEAD before the first commit (`unborn`: every
// file of the root is new).
import { spawnSync } from 'node:child_process';
import { DEFAULT_MAX_BYTES, stripBom } from './readText';

/** Each root-relative path's text at `rev` (null: absent there), or why none could be read. */
export function textsAtRevision(
  root: string,
  rev: string,
  paths: readonly string[],
  maxBytes = DEFAULT_MAX_BYTES,
): { texts: Map<string, string | null> } | { unborn: true } | { error: string } {
  if (rev.startsWith('-') || /[\0\n]/.test(rev)) return { error: `--base ${JSON.stringify(rev)}: not a revision` };
  const git = (args: string[], input?: string) =>
    spawnSync('git', args, { cwd: root, input, maxBuffer: 1 << 30, windowsHide: true });
  const inRepo = git(['rev-parse', '--is-inside-work-tree']);
  if (inRepo.error || inRepo.status !== 0) return { error: `--base needs a git repository at ${root}` };
  const commit = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (commit.status !== 0) {
    const unborn = rev === 'HEAD' && git(['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0;
    if (unborn) return { unborn: true };
    return { error: `--base ${rev}: no such commit` };
  }
  const sha = commit.stdout.toString().trim();
  const texts = new Map<string, string | null>();
  // One `cat-file --batch` for every path a line can name; `./` makes the path relative to the root.
  const batchable = paths.filter((p) => !/[\n\r]/.test(p));
  const input = batchable.map((p) => `${sha}:./${p}\n`).join('');
  // Sizes first: a blob over the limit is refused before git writes a byte of it.
  const sizes = git(['cat-file', '--batch-check'], input);
  if (sizes.status !== 0) return { error: `git cat-file failed: ${sizes.stderr.toString().trim()}` };
  const over = sizes.stdout
    .toString()
    .split('\n')
    .findIndex((l) => /^[0-9a-f]+ blob (\d+)$/.exec(l) !== null && Number(l.split(' ')[2]) > maxBytes);
  if (over >= 0) return { error: unreadable(batchable[over] ?? '', rev) };
  const out = git(['cat-file', '--batch'], input);
  if (out.status !== 0) return { error: `git cat-file failed: ${out.stderr.toString().trim()}` };
  const buf = out.stdout;
  let at = 0;
  for (const p of batchable) {
    const eol = buf.indexOf(0x0a, at);
    const header = buf.subarray(at, eol).toString();
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      texts.set(p, null);
      continue;
    }
    const size = Number(m[2]);
    const body = buf.subarray(at, at + size);
    at += size + 1;
    if (m[1] !== 'blob') {
      texts.set(p, null);
      continue;
    }
    const text = textOf(body, maxBytes);
    if (text === null) return { error: unreadable(p, rev) };
    texts.set(p, text);
  }
  // A name holding a line break, one at a time.
  for (const p of paths.filter((q) => /[\n\r]/.test(q))) {
    if (
      Number(
        git(['cat-file', '-s', `${sha}:./${p}`])
          .stdout.toString()
          .trim(),
      ) > maxBytes
    )
      return { error: unreadable(p, rev) };
    const one = git(['cat-file', 'blob', `${sha}:./${p}`]);
    const text = one.status === 0 ? textOf(one.stdout, maxBytes) : undefined;
    if (text === null) return { error: unreadable(p, rev) };
    texts.set(p, text ?? null);
  }
  return { texts };
}

/** A blob's text under the reader's policy (readText.ts), or null when over the limit or binary. */
function textOf(body: Buffer, maxBytes: number): string | null {
  return body.length > maxBytes || body.includes(0) ? null : stripBom(body.toString('utf8'));
}

function unreadable(path: string, rev: string): string {
  return `${path} at ${rev}: over the size limit or binary, so what its change brings cannot be told`;
}
