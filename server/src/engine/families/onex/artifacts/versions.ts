// An artifact's versions as the registry and the disk show them (directory, `.wip`, metadata), and the
// version policies of `explain NAME@POLICY` (SPEC §1.7): `latest` is the highest version that is not
// work in progress nor invalid for the loaders (no directory, no metadata, rejected metadata) — or, when
// none is valid, the highest the loaders keep marked invalid —, `@1.2.0` (or `@v1_2_0`) that version,
// `pinned` the version of `registryLens.onex.pins`.
import { compareVersions, normalizeVersion } from './kinds';
import type { OnexArtifact } from './registryDoc';
import type { OnexQueries, ResolvedVersion } from './queries';

export interface VersionView extends ResolvedVersion {
  metaName: string | null;
  metaVersion: string | null;
  description: string | null;
  lifecycle: string | null;
  /**
   * Why the loaders reject the metadata that is there (not one mapping; no name, version or schema_version); empty when
   * they accept it.
   */
  metaProblems: string[];
}

export function versionsOf(o: OnexQueries, file: string, artifact: OnexArtifact): VersionView[] {
  return (o.resolvedQ(file)?.versions ?? [])
    .filter((v) => v.artifact === artifact)
    .map((v) => {
      const meta = v.metadataExists && v.metadataPath ? o.metadata(v.metadataPath) : null;
      return {
        ...v,
        metaName: meta?.name?.value ?? null,
        metaVersion: meta?.version?.value ?? null,
        description: meta?.description ?? null,
        lifecycle: meta?.lifecycle ?? null,
        metaProblems: meta?.invalid.map((p) => p.message) ?? [],
      };
    });
}

export type Policy = { kind: 'latest' } | { kind: 'exact'; version: string } | { kind: 'pinned'; pin: string | null };

export function parsePolicy(spec: string | undefined, pins: ReadonlyMap<string, string>, name: string): Policy {
  if (spec === undefined || spec === '' || spec === 'latest') return { kind: 'latest' };
  if (spec === 'pinned') return { kind: 'pinned', pin: pins.get(name) ?? null };
  return { kind: 'exact', version: spec };
}

/**
 * Why the registry loaders keep a version but mark it invalid (`_is_valid: False`: "Always create the
 * artifact, even if invalid", registry_engine.py:419 on omnibase main), or null when they accept it.
 * Work in progress is valid without metadata.
 */
export function invalidReason(v: VersionView): string | null {
  if (v.wip) return null;
  if (!v.dir && v.named)
    return (
      `the loader looks for it at '${v.tried[0] ?? ''}', which does not exist ` +
      `('${v.named}' is what the path names from the repository root), so it finds no metadata (MISSING_METADATA)`
    );
  if (!v.dir)
    return (
      `its directory does not exist (tried ${v.tried.map((t) => `'${t}'`).join(', ') || 'nothing'}), ` +
      'so the loaders find no metadata (MISSING_METADATA)'
    );
  if (!v.metadataExists) return `'${v.metadataPath ?? `${v.dir}/?`}' does not exist (MISSING_METADATA)`;
  return v.metaProblems.length ? `${v.metaProblems.join('; ')} (INVALID_METADATA)` : null;
}

/**
 * The version a policy chooses, and why (or why none). `latest` prefers valid versions; when every
 * version outside work in progress is invalid, the loaders still keep them, so `latest` is the highest
 * of those, with `invalid` saying why the loaders mark it so.
 */
export function choose(
  versions: VersionView[],
  policy: Policy,
): { chosen: VersionView | null; reason: string; invalid: string | null } {
  const done = (chosen: VersionView | null, reason: string) => ({
    chosen,
    reason,
    invalid: chosen ? invalidReason(chosen) : null,
  });
  const want = (v: string): VersionView | undefined =>
    versions.find((x) => x.version.norm !== null && x.version.norm === normalizeVersion(v));
  if (policy.kind === 'exact') {
    const hit = want(policy.version);
    return done(
      hit ?? null,
      hit ? `exact: version ${policy.version} is registered` : `exact: version ${policy.version} is not registered`,
    );
  }
  if (policy.kind === 'pinned') {
    if (!policy.pin) return done(null, 'pinned: no pin for this artifact in registryLens.onex.pins');
    const hit = want(policy.pin);
    return done(
      hit ?? null,
      hit
        ? `pinned to ${policy.pin} (registryLens.onex.pins)`
        : `pinned to ${policy.pin} (registryLens.onex.pins), which is not registered`,
    );
  }
  const highest = (vs: VersionView[]): VersionView | null =>
    vs
      .filter((v) => v.version.norm !== null)
      .sort((a, b) => compareVersions(b.version.norm as string, a.version.norm as string))[0] ?? null;
  const outsideWip = versions.filter((v) => !v.wip);
  const best = highest(outsideWip.filter((v) => invalidReason(v) === null));
  const wip = versions.filter((v) => v.wip).map((v) => v.version.version.value);
  const invalid = outsideWip.filter((v) => invalidReason(v) !== null).map((v) => v.version.version.value);
  const skipped = [
    ...(wip.length ? [`${wip.join(', ')} ${wip.length === 1 ? 'is' : 'are'} work in progress (.wip)`] : []),
    ...(invalid.length
      ? [
          `${invalid.join(', ')} ${invalid.length === 1 ? 'is' : 'are'} invalid for the loaders ` +
            '(no directory, no metadata or metadata they reject)',
        ]
      : []),
  ]
    .map((x) => `; ${x}`)
    .join('');
  if (best) return done(best, `latest: highest valid version that is not work in progress${skipped}`);
  const kept = highest(outsideWip);
  return kept
    ? done(
        kept,
        `latest: no valid version outside work in progress, so the highest the loaders keep, marked invalid${skipped}`,
      )
    : done(null, `latest: no version outside work in progress${skipped}`);
}

/** "3 versions · latest 1.2.0 · 1 WIP" */
export function versionSummary(versions: VersionView[]): string {
  const { chosen, invalid } = choose(versions, { kind: 'latest' });
  const wip = versions.filter((v) => v.wip).length;
  return [
    `${versions.length} version${versions.length === 1 ? '' : 's'}`,
    ...(chosen ? [`latest ${chosen.version.norm ?? chosen.version.version.value}${invalid ? ' (invalid)' : ''}`] : []),
    ...(wip ? [`${wip} WIP`] : []),
  ].join(' · ');
}

/** One line per version: version, state, directory, metadata. */
export function versionLine(v: VersionView): string {
  const state = !v.dir
    ? 'missing directory'
    : v.wip
      ? 'WIP (.wip)'
      : !v.metadataExists
        ? 'metadata missing'
        : v.metaProblems.length
          ? 'metadata invalid'
          : (v.version.status?.value ?? 'no status');
  const meta =
    v.metaName !== null || v.metaVersion !== null ? ` — metadata ${v.metaName ?? '?'} ${v.metaVersion ?? '?'}` : '';
  return (
    `${v.version.version.value} (${v.version.norm ?? 'not a version'}) · ${state} · ` +
    `${v.dir ?? v.tried[0] ?? '?'}${meta}`
  );
}
