// `npm run bench:env [-- --org interfaces-small --rounds 5]`: what a project's Python environment inside the root
// costs `check` against the same environment outside it, side by side in one run. The project is
// examples/cursus-project (a step pack and DAGs); the environment holds a full cursus-like install: the generated
// interface org's `src/cursus` package (its registry, interfaces, configs, builders, scripts; bench/interfaceOrg.ts)
// in `lib/python3.11/site-packages/cursus` with its dist-info. In the root it is `.venv/` (found there, not walked);
// outside it is given with `--python-env`. Rounds alternate the two, each check a process of its own (cliPeak.ts), so
// machine load falls on both alike; medians are reported, and their ratio (at most 1.2 wanted).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { runCheck, type Run } from './cliPeak';
import { GENERATED } from './generate';
import { option } from './options';
import { workloadOf } from './orgs';
import { fmtMs, median } from './stats';
import { ensureWritten } from './workload';

const SITE = join('lib', 'python3.11', 'site-packages');

/** Writes an environment at `prefix` holding the package folder `cursus` as version 2.9.32. */
function install(prefix: string, cursus: string): void {
  const site = join(prefix, SITE);
  mkdirSync(join(site, 'cursus-2.9.32.dist-info'), { recursive: true });
  writeFileSync(join(prefix, 'pyvenv.cfg'), 'home = /usr/bin\nversion = 3.11.7\n');
  writeFileSync(
    join(site, 'cursus-2.9.32.dist-info', 'METADATA'),
    'Metadata-Version: 2.1\nName: cursus\nVersion: 2.9.32\n',
  );
  writeFileSync(join(site, 'cursus-2.9.32.dist-info', 'top_level.txt'), 'cursus\n');
  cpSync(cursus, join(site, 'cursus'), { recursive: true });
}

function main(): void {
  const args = process.argv.slice(2);
  const org = option(args, '--org', 'interfaces-small');
  const rounds = Number(option(args, '--rounds', '5'));
  const cli = join(__dirname, 'cli.js');
  const g = ensureWritten(join(GENERATED, org), workloadOf(org).generated, org, (s) => console.log(s));
  const example = join(__dirname, '..', 'examples', 'cursus-project');
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-env-bench-'));
  // An activated environment would win over both: the checks find theirs as a user's would.
  delete process.env['VIRTUAL_ENV'];
  delete process.env['CONDA_PREFIX'];
  try {
    const inRoot = join(temp, 'in-root');
    const outside = join(temp, 'outside');
    const env = join(temp, 'env');
    for (const project of [inRoot, outside])
      cpSync(example, project, { recursive: true, filter: (src) => !src.includes(`${sep}.venv`) });
    install(join(inRoot, '.venv'), join(g.root, 'src', 'cursus'));
    install(env, join(g.root, 'src', 'cursus'));
    const peak = join(temp, 'peak');
    const runs = { inRoot: [] as Run[], outside: [] as Run[] };
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so neither always follows the other's warm disk cache.
      const pair = [
        () => runs.inRoot.push(runCheck(cli, [inRoot], peak)),
        () => runs.outside.push(runCheck(cli, ['--python-env', env, outside], peak)),
      ];
      for (const run of round % 2 === 0 ? pair : pair.reverse()) run();
    }
    const a = median(runs.inRoot.map((r) => r.ms));
    const b = median(runs.outside.map((r) => r.ms));
    console.log(`org ${org} (${g.files} files): its src/cursus installed; ${rounds} rounds, medians in ms`);
    console.log(`  .venv in the root:     ${fmtMs(a)} (diagnostics ${runs.inRoot[0]?.diagnostics ?? 0})`);
    console.log(`  --python-env outside:  ${fmtMs(b)} (diagnostics ${runs.outside[0]?.diagnostics ?? 0})`);
    console.log(`  ratio in-root / outside: ${(a / b).toFixed(2)}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main();
