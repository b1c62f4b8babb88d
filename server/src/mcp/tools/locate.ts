// The `locate` tool: where a name is defined (every registry, workspace and family) and every place
// that refers to it, through the engine's find-references; a name found nowhere is a tool error with
// the close names Explain suggests.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { SourcedLocation } from '../../engine/api';
import { locateDocument } from '../../engine/documents/jsonDocuments';
import type { Location } from '../../engine/types';
import { locateDocument as locateSchema } from '../schemas';
import { answer, type ToolContext } from '../toolContext';

const DESCRIPTION =
  'Finds where a name (step, apcore module id, ONEX artifact) is defined — every definition, in core and in ' +
  'every developer workspace — and every place that refers to it: workspace dependencies, overrides, module_id ' +
  'references in metadata, interface compatible_sources.\n' +
  "Use it before renaming or deleting a step (what would break?), or to jump to a name's definition. Ranges are " +
  "0-based (line, character), paths relative to the root. Use 'explain' to learn which definition wins in a " +
  'context.';

export function registerLocate(server: McpServer, { root }: ToolContext): void {
  server.registerTool(
    'locate',
    {
      title: 'Locate definitions and references',
      description: DESCRIPTION,
      inputSchema: z.strictObject({ name: z.string().min(1).max(1000).describe("the name, e.g. 'XGBoostTraining'") }),
      outputSchema: locateSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ name }) =>
      root.ask((engine) => {
        const sites = engine.locateName(name);
        if (sites.definitions.length === 0 && sites.references.length === 0) {
          const close = engine.explain({ step: name }).suggestions;
          throw new Error(
            `'${name}' is defined nowhere under the root.` +
              `${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''}`,
          );
        }
        const doc = locateDocument(sites) as { definitions: SourcedLocation[]; references: Location[] };
        const at = (l: { file: string; range: { start: { line: number; character: number } } }): string =>
          `${l.file}:${l.range.start.line + 1}:${l.range.start.character + 1}`;
        const text = [
          `'${sites.name}': ${doc.definitions.length} definition(s), ${doc.references.length} reference(s).`,
          ...doc.definitions.map((d) => `defined  ${at(d)}  (${d.source})`),
          ...doc.references.map((r) => `used     ${at(r)}`),
        ].join('\n');
        return answer(text, { ...doc });
      }),
  );
}
