/**
 * Semantic tokens of an article: people (from the catalogue or learned from the article),
 * meeting mentions and resolved dates, as single-line, non-overlapping ranges in source order,
 * so an editor can colour them whatever the article's format.
 */
import type { ArticleAnalysis } from '../analysis';
import type { Range } from '../text/lineIndex';

/** The token types, in the order the legend lists them (the index is what goes on the wire). */
export const SEMANTIC_TOKEN_TYPES = ['person', 'meeting', 'date'] as const;
/** The modifiers, in legend order (each is one bit). */
export const SEMANTIC_TOKEN_MODIFIERS = ['catalogue', 'learned', 'linked', 'unlinked', 'resolved'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/** Where one token sits before it is checked against the others. */
interface Candidate extends SemanticToken {
  /** Meetings win over the people a compound such as 拜习会 also names: the reader sees one word for one meeting. */
  priority: number;
}

function candidate(range: Range, type: SemanticTokenType, modifiers: SemanticTokenModifier[], priority: number): Candidate | undefined {
  // A token lives on one line; a name broken by a line break is left uncoloured rather than split.
  if (range.start.line !== range.end.line || range.end.character <= range.start.character) return undefined;
  return { line: range.start.line, character: range.start.character, length: range.end.character - range.start.character, type, modifiers, priority };
}

function overlapsRange(token: SemanticToken, range: Range | undefined): boolean {
  if (!range) return true;
  if (token.line < range.start.line || token.line > range.end.line) return false;
  if (token.line === range.end.line && token.character >= range.end.character) return false;
  if (token.line === range.start.line && token.character + token.length <= range.start.character) return false;
  return true;
}

/** The article's tokens, optionally only those that touch `range`; never two on the same character. */
export function semanticTokensOf(analysis: ArticleAnalysis, range?: Range): SemanticToken[] {
  const learnedIds = new Set(analysis.learnedFigures.map((figure) => figure.id));
  const candidates: Candidate[] = [];
  const push = (found: Candidate | undefined): void => {
    if (found && overlapsRange(found, range)) candidates.push(found);
  };
  for (const mention of analysis.meetings) push(candidate(mention.range, 'meeting', ['linked'], 3));
  for (const mention of analysis.figures) push(candidate(mention.range, 'person', [learnedIds.has(mention.figureId) ? 'learned' : 'catalogue'], 2));
  for (const cue of analysis.dateCues) push(candidate(cue.range, 'date', cue.meetingId ? ['resolved', 'linked'] : ['resolved'], 1));
  candidates.sort((a, b) => a.line - b.line || a.character - b.character || b.priority - a.priority || b.length - a.length);
  const tokens: SemanticToken[] = [];
  for (const next of candidates) {
    const last = tokens[tokens.length - 1];
    // Sorted so that, of two tokens on the same characters, the one that says more comes first and stays.
    if (last && last.line === next.line && next.character < last.character + last.length) continue;
    tokens.push(strip(next));
  }
  return tokens;
}

function strip(token: Candidate): SemanticToken {
  return { line: token.line, character: token.character, length: token.length, type: token.type, modifiers: token.modifiers };
}

/** The LSP wire form: five integers per token, positions relative to the previous token. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const deltaLine = token.line - line;
    const deltaCharacter = deltaLine === 0 ? token.character - character : token.character;
    let bits = 0;
    for (const modifier of token.modifiers) bits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(modifier);
    data.push(deltaLine, deltaCharacter, token.length, SEMANTIC_TOKEN_TYPES.indexOf(token.type), bits);
    line = token.line;
    character = token.character;
  }
  return data;
}
