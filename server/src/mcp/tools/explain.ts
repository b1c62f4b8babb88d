// The `explain` tool: how a name resolves in a context, as the CLI's `explain --format json`
// document (one builder) with the CLI's text rendering; a name found nowhere is a tool error with the
// close names the engine suggests.
import { cursusAbsent } from '../../host/frameworkReport';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { explainDocument } from '../../engine/documents/jsonDocuments';
import { renderExplanation } from '../../engine/render/explainText';
import { explainDocument as explainSchema, modeInput, workspaceInput } from '../schemas';
import { answer, contextOf, type ToolContext } from '../toolContext';

const DESCRIPTION =
  "Explains how a step (or apcore module id, or ONEX artifact 'name@latest') resolves in a context: which " +
  'definition wins (file and range), the layers consulted (workspace overrides, local steps, core), what it ' +
  'shadows, conflicting definitions, its builder/config/spec/contract/script components, its dependencies and ' +
  "dependents, and cursus's legacy and derived registry rows.\n" +
  'Use it before adding or renaming a step (does the name exist? where?), when a step resolves to the wrong ' +
  "definition, or to find a step's files.\n" +
  "'workspace' picks a developer workspace's context (default: core); 'mode' is isolated (a workspace sees " +
  "itself, then core) or hybrid (also other workspaces); 'framework' and 'env' choose among conflicting " +
  "definitions as cursus's framework and environment strategies do.\n" +
  "Returns the same JSON document as 'registry-lens explain NAME --format json'; the text is the CLI's plain " +
  "rendering. An unknown name is an error listing close names ('did you mean').";

export function registerExplain(server: McpServer, { root }: ToolContext): void {
  server.registerTool(
    'explain',
    {
      title: 'Explain resolution',
      description: DESCRIPTION,
      inputSchema: z.strictObject({
        name: z
          .string()
          .min(1)
          .max(1000)
          .describe("the step name (e.g. 'XGBoostTraining'), module id or 'artifact@latest'"),
        workspace: workspaceInput.optional(),
        mode: modeInput.optional(),
        framework: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe(
            "the pipeline's framework (e.g. 'xgboost', 'pytorch'): among definitions that differ by framework, " +
              "cursus's framework strategy picks this one (the CLI's --framework)",
          ),
        env: z
          .array(z.string().min(1).max(200))
          .max(50)
          .optional()
          .describe(
            "environment tags (e.g. ['gpu']): cursus's environment strategy picks the definition whose tags match " +
              "(the CLI's --env a,b)",
          ),
      }),
      outputSchema: explainSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ name, workspace, mode, framework, env }) =>
      root.ask((engine) => {
        const e = engine.explain({
          step: name,
          context: contextOf(engine, workspace),
          mode: mode ?? engine.resolutionMode,
          ...(framework === undefined ? {} : { framework }),
          ...(env === undefined ? {} : { environmentTags: env }),
        });
        if (!e.found) {
          const absent = cursusAbsent(engine);
          if (absent !== null) throw new Error(`Step '${name}' is unknown: ${absent}`);
          const hint =
            e.suggestions.length > 0
              ? ` Did you mean: ${e.suggestions.join(', ')}?`
              : " No close name; the 'list' tool lists every name of a context.";
          throw new Error(`${e.summary}.${hint}`);
        }
        return answer(renderExplanation(e), explainDocument(e));
      }),
  );
}
