// The bench judges the issue's server-level targets on the org they are set for, and tells a baseline
// saved on another machine apart from one saved here (its ratios then measure the machine, not the code),
// and an idle machine from a busy one by the CPU time that was not the bench's.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  baselineTable,
  loadBaseline,
  loadWarning,
  machineOf,
  mainTable,
  saveBaseline,
  type Env,
} from '../../bench/report';
import type { OrgResult } from '../../bench/scenarios';
import type { ServerResult } from '../../bench/serverScenario';

const HERE = machineOf('AMD EPYC', 2, 24 * 2 ** 30, '6.18.44');
const THERE = machineOf('Intel Xeon', 2, 24 * 2 ** 30, '6.1.0');

const server1 = (): ServerResult => server(5000, 290, 10, 20);

function server(coldMs: number, rssMb: number, editMs: number, coreMs: number, openFileMs = coldMs / 2): ServerResult {
  const edits = Array.from({ length: 20 }, () => editMs);
  return {
    org: 'large',
    coldMs,
    openFileMs,
    rssAfterLoadMb: rssMb,
    starts: [{ coldMs, openFileMs, rssAfterLoadMb: rssMb }],
    rssAfterEditsMb: rssMb,
    rssIdleMb: rssMb,
    filesWithDiagnostics: 10,
    edits: { meta: edits, registry: edits, core: [coreMs, coreMs, coreMs] },
    gapMs: 250,
    load: { start: 0, end: 0 },
  };
}

function result(org: string, floorMs: number, sv?: ServerResult): OrgResult {
  const samples = [1, 2, 3, 4];
  return {
    org,
    family: 'cursus',
    summary: org,
    entries: 100,
    editKinds: ['field'],
    secondaryKinds: [],
    centralLabel: 'core',
    componentLabel: 'builder',
    relevantFiles: 10,
    relevantBytes: 1000,
    runs: 1,
    floorMs: [floorMs],
    floorWalkMs: [1],
    floorReadMs: [1],
    floorCpuMs: [floorMs],
    coldMs: [floorMs],
    coldCpuMs: [floorMs],
    coldParts: [{ walkMs: 1, readMs: 1, setFileMs: 1, updateMs: 1 }] as OrgResult['coldParts'],
    edits: {
      rounds: 1,
      perRound: 4,
      samples,
      cpuSamples: samples,
      kinds: samples.map(() => 'field'),
      changedFiles: samples.map(() => 1),
      gcMs: samples.map(() => 0),
      gcByKind: {},
      roundP50: [2],
      roundP95: [4],
      roundMax: [4],
      roundCpuP50: [2],
      roundCpuP95: [4],
    },
    coreEditMs: [1],
    componentEditMs: [1],
    diagnostics: { total: 1, byCode: {} },
    memory: { peakRssMb: 100, heapUsedMb: 50, rssAfterGcMb: 90, externalMb: 1 },
    correctness: { ok: true, incremental: 1, fresh: 1, detail: '', freshAnalysisMs: 1 },
    seeded: {},
    load: { start: 0, end: 0 },
    ...(sv ? { server: sv } : {}),
  };
}

function row(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.startsWith(label));
  assert.ok(line, `no row '${label}' in:\n${text}`);
  return line;
}

describe('bench: the report', () => {
  it('judges the server targets on the large org: cold start and the open registry by ratios of one run, RSS after load, edit p95 and core edit p50', () => {
    const text = mainTable([
      result('small', 100, server(500, 100, 5, 5)),
      result('large', 12000, server(5226, 291, 26.6, 31, 1000)),
    ]);
    assert.doesNotMatch(
      row(text, 'server: initialized → all diagnostics'),
      /on large/,
      'no absolute cold-start target',
    );
    assert.match(
      row(text, 'server: all diagnostics / walk+read+parse floor'),
      /0\.44× +│? *.*≤ 0\.50 × the floor on large ok/,
    );
    assert.match(
      row(text, "server: the open registry's final diagnostics / all diagnostics"),
      /0\.19×.*≤ 0\.25 × all diagnostics on large ok/,
    );
    const slow = mainTable([result('large', 8000, server(5226, 291, 26.6, 31, 4000))]);
    assert.match(row(slow, 'server: all diagnostics / walk+read+parse floor'), /0\.65×.*MISSED/);
    assert.match(row(slow, "server: the open registry's final diagnostics / all diagnostics"), /0\.77×.*MISSED/);
    assert.match(row(text, 'server: RSS after load'), /≤ 300 MB on large ok/);
    assert.match(
      row(text, 'server: registry (other families: pooled) edit → its diagnostics p95'),
      /≤ 50 ms on large ok/,
    );
    assert.match(
      row(text, 'server: core registry (central file) edit → its diagnostics p50'),
      /≤ 30 ms on large MISSED/,
    );
  });

  it('judges check --daemon --files of one registry by its ratio to the full check beside it, run by run', () => {
    const withCli = (fullMs: number[], daemonMs: number[]): OrgResult => ({
      ...result('large', 1000),
      cli: {
        peakRssMb: [300],
        ms: fullMs,
        diagnostics: 9,
        files: { file: 'r.py', ms: fullMs, diagnostics: 3, daemonMs },
      },
    });
    // A busy second run slows both: its ratio, not its time, is what counts.
    const fast = mainTable([withCli([10000, 20000, 10000], [2000, 5000, 2500])]);
    assert.match(row(fast, 'CLI check --daemon --files <the registry, changed>: wall'), /2[.,]?500/);
    assert.match(
      row(fast, 'CLI check --daemon --files <the registry, changed> / check'),
      /0\.25×.*≤ 0\.30 × check on large ok/,
    );
    assert.match(row(fast, 'CLI check --files <one registry> / check'), /1\.00×/);
    assert.doesNotMatch(
      row(fast, 'CLI check --files <one registry> / check'),
      /on large/,
      'no target without the daemon',
    );
    const slow = mainTable([withCli([10000], [9500])]);
    assert.match(row(slow, 'CLI check --daemon --files <the registry, changed> / check'), /0\.95×.*MISSED/);
  });

  it('gives no server verdict when the large org was not measured', () => {
    const text = mainTable([result('small', 100, server(500, 100, 5, 5))]);
    assert.doesNotMatch(row(text, 'server: all diagnostics / walk+read+parse floor'), /on large/);
  });

  it('warns that a baseline saved on another machine (or an unrecorded one) compares machines, with how far the floor moved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-report-'));
    try {
      const path = join(dir, 'baseline.json');
      const env = (machine: string): Env => ({
        node: 'v20',
        cpus: 2,
        loadavg: [0],
        commit: 'abc',
        date: '2026-11-25 14:00',
        machine,
      });
      saveBaseline(path, [result('large', 1000)], env(THERE), null);
      assert.equal(JSON.parse(readFileSync(path, 'utf8')).orgs.large.machine, THERE);
      const there = loadBaseline(path);
      assert.ok(there);
      const moved = baselineTable([result('large', 1600)], there, HERE);
      assert.match(
        moved,
        /WARNING: the baseline of large was saved on Intel Xeon, 2 cores, 24 GiB, kernel 6\.1\.0; this run is on AMD EPYC/,
      );
      assert.match(moved, /the floor, the same work in both, moved large 1\.60×/);

      const unrecorded = {
        version: 1 as const,
        orgs: { large: { ...there.orgs.large, machine: undefined } as NonNullable<typeof there.orgs.large> },
      };
      assert.match(baselineTable([result('large', 1000)], unrecorded, HERE), /saved on a machine it did not record/);

      saveBaseline(path, [result('large', 1000)], env(HERE), there);
      const here = loadBaseline(path);
      assert.ok(here);
      assert.doesNotMatch(baselineTable([result('large', 1000)], here, HERE), /WARNING/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("tells an idle machine by the other work while measuring, not by a load average the bench's own servers raise", () => {
    const env: Env = { node: 'v20', cpus: 2, loadavg: [1.7], commit: 'abc', date: '2026-11-25 14:00', machine: HERE };
    const measured = (engine: number, server: number, loads = { start: 1.4, end: 1.7 }): OrgResult => {
      const r = result('large', 1000, {
        ...server1(),
        load: { ...loads, other: { cores: server, stealCores: server / 2 } },
      });
      return { ...r, load: { ...loads, other: { cores: engine, stealCores: 0 } } };
    };
    assert.equal(loadWarning(env, [measured(0.01, 0.03)]), null);
    assert.match(
      loadWarning(env, [measured(0.01, 0.4)]) ?? '',
      /other than the bench's kept up to 0\.40 cores \(steal 0\.20\) busy/,
    );
    // Where /proc could not tell (another system), the load average decides as before.
    const unknown = { ...result('large', 1000), load: { start: 1.4, end: 1.7, other: null } };
    assert.match(loadWarning(env, [unknown]) ?? '', /load average up to 1\.7 on 2 CPUs/);

    const dir = mkdtempSync(join(tmpdir(), 'rl-report-'));
    try {
      const path = join(dir, 'baseline.json');
      saveBaseline(path, [measured(0.01, 0.034)], env, null);
      const saved = loadBaseline(path);
      assert.deepEqual(saved?.orgs.large?.load, { start: 1.4, end: 1.7, otherCores: 0.03, stealCores: 0.02 });
      assert.match(
        baselineTable([result('large', 1000)], saved as NonNullable<typeof saved>, HERE),
        /load 1\.4→1\.7, other work 0\.03 cores \(steal 0\.02\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
