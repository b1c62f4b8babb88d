// Document links of ONEX files: a version's `path` (the directory it names, as the loader reads it or
// from the root, so the editor opens what the author meant) and its `metadata_file` (inside that
// version directory) both link to the version's metadata file, since a link opens a file and `path` names
// a directory; a metadata file's `entrypoint` links to the first of the files it may name that exists.
import type { DocumentLinkResult } from '../../../api';
import type { FamilyQueries } from '../../../analysis/family';
import { entrypointFiles, metadataFileOf } from './kinds';
import { onexQueries } from './queries';

export function onexLinks(file: string, fq: FamilyQueries): DocumentLinkResult[] {
  const q = onexQueries(fq.files);
  if (q.registry(file)) {
    return (q.resolvedQ(file)?.versions ?? []).flatMap((v) => {
      const target = v.named && v.version.metadataFile ? `${v.named}/${v.version.metadataFile.value}` : null;
      if (target === null || !q.files.exists(target)) return [];
      return [v.version.path, v.version.metadataFile].flatMap((s) => (s ? [{ range: s.inner, target }] : []));
    });
  }
  const ep = q.metadata(file)?.entrypoint;
  const m = metadataFileOf(file);
  if (!ep || !m) return [];
  const target = entrypointFiles(m.dir, ep.target, ep.form).find((p) => q.files.exists(p));
  return target ? [{ range: ep.inner, target }] : [];
}
