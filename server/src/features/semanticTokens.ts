/** Colours people, meetings and resolved dates by meaning (`textDocument/semanticTokens`, full and range). */
import { encodeSemanticTokens, semanticTokensOf, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../core/index';
import type { Range } from '../core/index';
import type { Feature, FeatureContext } from './feature';

function tokens({ lens, settings, articleUri }: FeatureContext, clientUri: string, range?: Range): { data: number[] } {
  const uri = articleUri(clientUri);
  const analysis = uri === undefined || !settings().semanticHighlighting ? undefined : lens.analysis(uri);
  return { data: analysis ? encodeSemanticTokens(semanticTokensOf(analysis, range)) : [] };
}

export const semanticTokens: Feature = {
  capabilities: {
    semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] }, full: true, range: true },
  },
  register(context) {
    context.connection.languages.semanticTokens.on(({ textDocument }) => tokens(context, textDocument.uri));
    context.connection.languages.semanticTokens.onRange(({ textDocument, range }) => tokens(context, textDocument.uri, range));
  },
};
