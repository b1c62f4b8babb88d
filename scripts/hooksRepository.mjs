// The release's hooks repository: what a team commits as a git repository of its own (on any git host it
// controls) to use the GitHub Action (`uses: OWNER/REPO@TAG`) and the pre-commit hooks (`repo: URL`, `rev: TAG`)
// without this project's public home. It holds the committed bundle (action/dist/), action.yml,
// .pre-commit-hooks.yaml and a package.json whose bin is the bundle (pre-commit installs the repository as a node
// package: no dependency, nothing built). Written as a gzipped ustar archive by hand, so a release needs no `tar`.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The repository's README: what it is and the two ways to use it. */
function readme(version) {
  return `# Registry Lens ${version}: the GitHub Action and the pre-commit hooks

Commit this folder as a repository of its own and tag it \`v${version}\`.
Nothing here is built or installed from the network: \`action/dist/cli.js\` is the whole tool.

GitHub Action (a workflow step):

\`\`\`yaml
- uses: OWNER/REPO@v${version}
  with:
    sarif-file: registry-lens.sarif
\`\`\`

pre-commit (\`.pre-commit-config.yaml\`):

\`\`\`yaml
repos:
  - repo: https://git.example.com/OWNER/REPO
    rev: v${version}
    hooks:
      - id: registry-lens
\`\`\`
`;
}

/** One 512-byte ustar header. */
function header(name, size, mode) {
  const h = Buffer.alloc(512);
  if (Buffer.byteLength(name) > 100) throw new Error(`a path longer than 100 bytes: ${name}`);
  h.write(name, 0, 100, 'utf8');
  h.write(`${mode.toString(8).padStart(7, '0')}\0`, 100);
  h.write('0000000\0', 108); // uid
  h.write('0000000\0', 116); // gid
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136); // mtime: the epoch, so the archive depends on its contents only
  h.write('        ', 148); // the checksum's own field counts as blanks
  h.write('0', 156); // a regular file
  h.write('ustar\x0000', 257);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** Writes the hooks repository of `root` (a clean clone, its bundle committed) as `out`; returns `out`. */
export function writeHooksRepository(root, out, version) {
  const folder = `registry-lens-hooks-${version}`;
  const bundle = readdirSync(join(root, 'action', 'dist')).sort();
  const pkg = {
    name: 'registry-lens',
    version,
    description: 'Checks step registries (cursus, apcore, ONEX) without running them.',
    license: 'MIT',
    bin: { 'registry-lens': 'action/dist/cli.js' },
    engines: { node: '>=20' },
    files: ['action/dist'],
  };
  const files = [
    { name: 'README.md', data: Buffer.from(readme(version)), mode: 0o644 },
    { name: 'LICENSE', data: readFileSync(join(root, 'LICENSE')), mode: 0o644 },
    { name: 'package.json', data: Buffer.from(`${JSON.stringify(pkg, null, 2)}\n`), mode: 0o644 },
    { name: 'action.yml', data: readFileSync(join(root, 'action.yml')), mode: 0o644 },
    { name: '.pre-commit-hooks.yaml', data: readFileSync(join(root, '.pre-commit-hooks.yaml')), mode: 0o644 },
    ...bundle.map((name) => {
      const file = join(root, 'action', 'dist', name);
      return {
        name: `action/dist/${name}`,
        data: readFileSync(file),
        mode: statSync(file).mode & 0o111 ? 0o755 : 0o644,
      };
    }),
  ];
  const blocks = files.flatMap(({ name, data, mode }) => [
    header(`${folder}/${name}`, data.length, mode),
    data,
    Buffer.alloc((512 - (data.length % 512)) % 512),
  ]);
  writeFileSync(out, gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)])));
  return out;
}
