// An artifact's versions as the registry and the disk show them (directory, `.wip`, metadata), and the
// version policies of `explain NAME@POLICY` (SPEC §1.7): `latest` is the highest version that is not
// work in progress nor invalid for the loaders (no directory, no metadata, rejected metadata), `@1.2.0` (or `@v1_2_0`)
// that version, `pinned` the version of `registryLens.onex.pins`.
import { compareVersions, normalizeVersion } from './kinds';
import type { OnexArtifact } from './registryDoc';
import type { OnexQueries, ResolvedVersion } from './queries';

export interface VersionView extends ResolvedVersion {
  metaName: string | null;
  metaVersion: string | null;
  description: string | null;
  lifecycle: string | null;
  /** The metadata is there but the loaders reject it (not one mapping; no name, version or schema_version). */
  metaInvalid: boolean;
}

export function versionsOf(o: OnexQueries, file: string, artifact: OnexArtifact): VersionView[] {
  return (o.resolvedQ(file)?.versions ?? []).filter((v) => v.artifact === artifact).map((v) => {
    const meta = v.metadataExists && v.metadataPath ? o.metadata(v.metadataPath) : null;
    return { ...v, metaName: meta?.name?.value ?? null, metaVersion: meta?.version?.value ?? null, description: meta?.description ?? null, lifecycle: meta?.lifecycle ?? null, metaInvalid: (meta?.invalid.length ?? 0) > 0 };
  });
}

export type Policy = { kind: 'latest' } | { kind: 'exact'; version: string } | { kind: 'pinned'; pin: string | null };

export function parsePolicy(spec: string | undefined, pins: Record<string, string>, name: string): Policy {
  if (spec === undefined || spec === '' || spec === 'latest') return { kind: 'latest' };
  if (spec === 'pinned') return { kind: 'pinned', pin: pins[name] ?? null };
  return { kind: 'exact', version: spec };
}

/** The version a policy chooses, and why (or why none). */
export function choose(versions: VersionView[], policy: Policy): { chosen: VersionView | null; reason: string } {
  const want = (v: string): VersionView | undefined => versions.find((x) => x.version.norm !== null && x.version.norm === normalizeVersion(v));
  if (policy.kind === 'exact') {
    const hit = want(policy.version);
    return { chosen: hit ?? null, reason: hit ? `exact: version ${policy.version} is registered` : `exact: version ${policy.version} is not registered` };
  }
  if (policy.kind === 'pinned') {
    if (!policy.pin) return { chosen: null, reason: 'pinned: no pin for this artifact in registryLens.onex.pins' };
    const hit = want(policy.pin);
    return { chosen: hit ?? null, reason: hit ? `pinned to ${policy.pin} (registryLens.onex.pins)` : `pinned to ${policy.pin} (registryLens.onex.pins), which is not registered` };
  }
  const valid = (v: VersionView): boolean => v.dir !== null && v.metadataExists && !v.metaInvalid;
  const ready = versions.filter((v) => !v.wip && valid(v) && v.version.norm !== null).sort((a, b) => compareVersions(b.version.norm as string, a.version.norm as string));
  const best = ready[0] ?? null;
  const wip = versions.filter((v) => v.wip).map((v) => v.version.version.value);
  const invalid = versions.filter((v) => !v.wip && !valid(v)).map((v) => v.version.version.value);
  const skipped = [
    ...(wip.length ? [`${wip.join(', ')} ${wip.length === 1 ? 'is' : 'are'} work in progress (.wip)`] : []),
    ...(invalid.length ? [`${invalid.join(', ')} ${invalid.length === 1 ? 'is' : 'are'} invalid for the loaders (no directory, no metadata or metadata they reject)`] : []),
  ].map((x) => `; ${x}`).join('');
  return { chosen: best, reason: best ? `latest: highest valid version that is not work in progress${skipped}` : `latest: no valid version outside work in progress${skipped}` };
}

/** "3 versions · latest 1.2.0 · 1 WIP" */
export function versionSummary(versions: VersionView[]): string {
  const { chosen } = choose(versions, { kind: 'latest' });
  const wip = versions.filter((v) => v.wip).length;
  return [`${versions.length} version${versions.length === 1 ? '' : 's'}`, ...(chosen ? [`latest ${chosen.version.norm ?? chosen.version.version.value}`] : []), ...(wip ? [`${wip} WIP`] : [])].join(' · ');
}

/** One line per version: version, state, directory, metadata. */
export function versionLine(v: VersionView): string {
  const state = !v.dir ? 'missing directory' : v.wip ? 'WIP (.wip)' : !v.metadataExists ? 'metadata missing' : v.metaInvalid ? 'metadata invalid' : v.version.status?.value ?? 'no status';
  const meta = v.metaName !== null || v.metaVersion !== null ? ` — metadata ${v.metaName ?? '?'} ${v.metaVersion ?? '?'}` : '';
  return `${v.version.version.value} (${v.version.norm ?? 'not a version'}) · ${state} · ${v.dir ?? v.tried[0] ?? '?'}${meta}`;
}
