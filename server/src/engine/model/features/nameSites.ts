// Where a name is defined and every place that refers to it, starting from the name rather than a
// cursor (the MCP server's `locate`): the definitions are every registry's entry of that name (a
// module's at its class) and the families' own symbols of it (a non-member's artifacts); the references are what
// find-references answers at the first definition, less the definitions themselves.
import type { NameSites, SourcedLocation } from '../../api';
import type { Location } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { sourceOf } from '../entries/resolve';
import { entryLocation } from './navigation';
import type { FeatureDispatch } from '../../analysis/features';

/** `name@version` (a policy's, as Explain takes it) is located by its name. */
export function nameSites(
  ws: StepWorkspace,
  features: Pick<FeatureDispatch, 'familySymbols' | 'references'>,
  name: string,
): NameSites {
  const base = name.split('@')[0] ?? name;
  const definitions: SourcedLocation[] = [
    ...ws.model.definitions(base).map((e) => ({ source: sourceOf(ws.model, e), ...entryLocation(ws, e) })),
    ...features
      .familySymbols(base)
      .filter((s) => s.name === base)
      .map((s) => ({ source: s.containerName, ...s.location })),
  ];
  const first = definitions[0];
  const key = (l: Location): string => `${l.file}\0${l.range.start.line}\0${l.range.start.character}`;
  const defined = new Set(definitions.map(key));
  const refs = first
    ? features.references(first.file, first.range.start, true).filter((l) => !defined.has(key(l)))
    : [];
  return { name: base, definitions, references: refs };
}
