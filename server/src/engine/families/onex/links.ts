// Document links of ONEX files, resolved as the loaders resolve them (docs/onex.md): a version's `path`
// (against the root, else against the registry directory's parent) and its `metadata_file` (inside that
// version directory) both link to the version's metadata file, since a link opens a file and `path` names
// a directory; a metadata file's `entrypoint` links to the first of the files it may name that exists.
import type { DocumentLinkResult } from '../../api';
import type { FamilyQueries } from '../../analysis/family';
import { entrypointFiles, metadataFileOf } from './kinds';
import { onexQueries } from './queries';

export function onexLinks(file: string, fq: FamilyQueries): DocumentLinkResult[] {
  const q = onexQueries(fq.files);
  if (q.registry(file)) {
    return (q.resolvedQ(file)?.versions ?? []).flatMap((v) => {
      const target = v.metadataExists ? v.metadataPath : null;
      if (target === null) return [];
      return [v.version.path, v.version.metadataFile].flatMap((s) => (s ? [{ range: s.inner, target }] : []));
    });
  }
  const ep = q.metadata(file)?.entrypoint;
  const m = metadataFileOf(file);
  if (!ep || !m) return [];
  const target = entrypointFiles(m.dir, ep.target, ep.form).find((p) => q.files.exists(p));
  return target ? [{ range: ep.inner, target }] : [];
}
