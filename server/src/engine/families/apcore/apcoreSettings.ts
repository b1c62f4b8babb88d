// The apcore family's settings (declared by families/apcore, read here by the pipeline that scans its
// extension roots): roots besides apcore.yaml's, and the ID map's path, both inside the folder.
import { leavesRoot, normalDir, record, settingsGroup } from '../../settings';

/** A root directory, or a directory with the namespace its module ids get when there are several roots. */
export type ApcoreRootSetting = string | { path: string; namespace?: string };

export interface ApcoreSettings {
  /** apcore extension roots (root-relative), in addition to those of `apcore.yaml` (SPEC §1.6). */
  apcoreRoots: ApcoreRootSetting[];
  /** Root-relative path of the apcore ID map, overriding `apcore.yaml`'s `id_map`. */
  apcoreIdMap: string | null;
}

function isRootSetting(v: unknown): v is ApcoreRootSetting {
  if (typeof v === 'string') return true;
  const r = record(v);
  return typeof r['path'] === 'string' && (r['namespace'] === undefined || typeof r['namespace'] === 'string');
}

const rootPath = (r: ApcoreRootSetting): string => (typeof r === 'string' ? r : r.path);
const roots = (raw: unknown): ApcoreRootSetting[] => (Array.isArray(raw) ? raw.filter(isRootSetting) : []);
const idMap = (raw: unknown): string | undefined => (typeof raw === 'string' && raw !== '' ? raw : undefined);

export const APCORE_SETTINGS = settingsGroup<ApcoreSettings>({
  apcoreRoots: {
    key: 'apcore.roots',
    default: [],
    resolve: (raw) => roots(raw).filter((r) => !leavesRoot(rootPath(r))),
    leaving: (raw) => roots(raw).map(rootPath).filter(leavesRoot),
  },
  apcoreIdMap: {
    key: 'apcore.idMap',
    default: null,
    resolve: (raw) => {
      const p = idMap(raw);
      const dir = p === undefined ? '' : normalDir(p);
      return dir === '' ? null : dir;
    },
    leaving: (raw) => {
      const p = idMap(raw);
      return p !== undefined && leavesRoot(p) ? [p] : [];
    },
  },
});
