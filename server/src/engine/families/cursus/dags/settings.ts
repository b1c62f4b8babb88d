// The settings of pipeline DAGs: the config JSON a DAG is compiled with when neither its code nor its
// project folder names one (pairing.ts). A path leaving the folder is ignored, and the front ends warn.
import { leavesRoot, normalDir, settingsGroup } from '../../../settings';

export interface DagSettings {
  /** Root-relative, or null. */
  dagPipelineConfig: string | null;
}

const given = (raw: unknown): string | undefined => (typeof raw === 'string' && raw !== '' ? raw : undefined);

export const DAG_SETTINGS = settingsGroup<DagSettings>({
  dagPipelineConfig: {
    key: 'cursus.pipelineConfig',
    default: null,
    resolve: (raw) => {
      const p = given(raw);
      const path = p === undefined || leavesRoot(p) ? '' : normalDir(p);
      return path === '' ? null : path;
    },
    leaving: (raw) => {
      const p = given(raw);
      return p !== undefined && leavesRoot(p) ? [p] : [];
    },
  },
});
