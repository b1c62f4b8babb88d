// Explain Resolution (the client's command and its code lens) and what the command asks first: the step at the
// cursor, and the step names of a context for its picker.
import { RequestType } from 'vscode-languageserver';
import { renderExplanation } from '../../engine/render/explainText';
import { Methods, type ExplainParams, type ExplainResult, type StepAtParams, type StepNamesParams } from '../protocol';
import { fileAt } from './cells';
import type { FeatureHost } from './features';

// Typed, so the connection rejects a request without its one parameter object.
const explainRequest = new RequestType<ExplainParams, ExplainResult | null, void>(Methods.explain);
const stepAtRequest = new RequestType<StepAtParams, string | null, void>(Methods.stepAt);
const stepNamesRequest = new RequestType<StepNamesParams, string[], void>(Methods.stepNames);

export function registerExplain(s: FeatureHost): void {
  const c = s.connection;
  c.onRequest(explainRequest, (p, token) =>
    s.queryFolder(p.uri, token, null, (folder): ExplainResult => {
      const explanation = folder.engine.explain({
        step: p.step,
        context: p.context ?? folder.activeContext,
        ...(p.mode !== undefined ? { mode: p.mode } : {}),
        ...(p.framework !== undefined ? { framework: p.framework } : {}),
        ...(p.environmentTags !== undefined ? { environmentTags: p.environmentTags } : {}),
      });
      return { folder: folder.uri, explanation, text: renderExplanation(explanation) };
    }),
  );

  c.onRequest(stepAtRequest, (p, token) =>
    s.query(p.uri, token, null, (t) => {
      const at = fileAt(t, p.position);
      return at && t.folder.engine.stepAt(t.rel, at);
    }),
  );

  c.onRequest(stepNamesRequest, (p, token) =>
    s.queryFolder(p.uri, token, [], (folder) => folder.engine.stepNames(p.context ?? folder.activeContext)),
  );
}
