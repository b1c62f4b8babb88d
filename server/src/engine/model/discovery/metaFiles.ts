// Which files are companion metadata (`<stem>_meta.yaml`, SPEC §1.5): the file-name rule every member and the
// companions family share. Reading one is the rule of the member that scans modules (member.ts `readMeta`).
export const META_SUFFIX = '_meta.yaml';

export function isMetaFile(path: string): boolean {
  return path.endsWith(META_SUFFIX) && !path.endsWith(`/${META_SUFFIX}`) && path !== META_SUFFIX;
}
