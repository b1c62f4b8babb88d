// How discovery stages 3–7 name their groups of meta files and their scopes, shared by the stages (member.ts
// `stages`) and the units that run them: core's scope, and the names of core's buckets (no path starts with one).

/** Core's scope (a context's is its workspace directory). */
export const CORE_SCOPE = '';
/** How a bucket of core's meta files is named: no path starts with it. */
export const CORE_GROUP = '\0';

/**
 * Whether a meta group (`metaGroupsQ`) or a cycle scope (`cycleScopesQ`) is core's: its unit reports on core's files,
 * and its name is no path.
 */
export function isCoreGroup(groupOrScope: string): boolean {
  return groupOrScope === CORE_SCOPE || groupOrScope.startsWith(CORE_GROUP);
}
