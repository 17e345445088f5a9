/**
 * Reads Jekyll front matter with a real YAML parser, keeping where each value sits in
 * the source so the outline and the title's mentions point at exact characters.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Problem, SourceSpan } from './model';

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` line. */
  span: SourceSpan;
  /** Where the body starts, after the closing line. */
  bodyStart: number;
  values: Record<string, unknown>;
  /** Source spans of top-level scalar values, keyed by field name. */
  valueSpans: Record<string, SourceSpan>;
  problems: Problem[];
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

export function readFrontMatter(source: string): FrontMatter | undefined {
  const opening = OPENING.exec(source);
  if (!opening) return undefined;
  const contentStart = opening[0].length;
  CLOSING.lastIndex = contentStart;
  const closing = CLOSING.exec(source);
  if (!closing) {
    return {
      span: { start: 0, end: opening[0].length },
      bodyStart: 0,
      values: {},
      valueSpans: {},
      problems: [
        {
          message: 'Front matter starts with `---` but is never closed; the file is read as if it had none.',
          span: { start: 0, end: 3 },
          severity: 'warning',
        },
      ],
    };
  }
  const yamlText = source.slice(contentStart, closing.index);
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  const valueSpans: Record<string, SourceSpan> = {};
  try {
    const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
    for (const error of document.errors) {
      const [start, end] = error.pos;
      problems.push({
        message: `Front matter is not valid YAML: ${firstLine(error.message)}`,
        span: { start: contentStart + start, end: contentStart + Math.max(end, start + 1) },
        severity: 'error',
      });
    }
    if (isMap(document.contents)) {
      for (const pair of document.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (!key) continue;
        const node = pair.value;
        if (isScalar(node)) {
          values[key] = node.value;
          if (node.range) valueSpans[key] = { start: contentStart + node.range[0], end: contentStart + node.range[1] };
        } else if (node && typeof (node as { toJSON?: unknown }).toJSON === 'function') {
          values[key] = (node as { toJSON(): unknown }).toJSON();
        }
      }
    } else if (document.errors.length === 0 && document.contents !== null) {
      problems.push({
        message: 'Front matter should be a YAML mapping of fields (title, date, author …).',
        span: { start: contentStart, end: closing.index },
        severity: 'warning',
      });
    }
  } catch (error) {
    problems.push({
      message: `Front matter could not be read: ${error instanceof Error ? error.message : String(error)}`,
      span: { start: 0, end: 3 },
      severity: 'error',
    });
  }
  const end = closing.index + closing[0].length;
  return { span: { start: 0, end: closing.index + 3 }, bodyStart: end, values, valueSpans, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/**
 * Maps the characters of a YAML scalar's value to its source characters, undoing quoting
 * and escapes, so a match inside a quoted title still points at the right source columns.
 * Returns pieces as [sourceStart, sourceLength, text] triples.
 */
export function scalarPieces(source: string, span: SourceSpan, value: string): Array<[number, number, string]> {
  const quote = source[span.start];
  if (quote !== '"' && quote !== "'") {
    const raw = source.slice(span.start, span.end);
    return raw === value ? [[span.start, raw.length, raw]] : [[span.start, span.end - span.start, value]];
  }
  const pieces: Array<[number, number, string]> = [];
  const end = span.end - 1;
  let i = span.start + 1;
  let runStart = i;
  const flush = (upTo: number) => {
    if (upTo > runStart) pieces.push([runStart, upTo - runStart, source.slice(runStart, upTo)]);
  };
  while (i < end) {
    const char = source[i];
    if (quote === '"' && char === '\\') {
      flush(i);
      const next = source[i + 1];
      const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', ' ': ' ', '0': '\0', r: '\r' };
      if (next === 'u' || next === 'x' || next === 'U') {
        const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const code = parseInt(source.slice(i + 2, i + 2 + width), 16);
        pieces.push([i, 2 + width, Number.isFinite(code) ? String.fromCodePoint(code) : '']);
        i += 2 + width;
      } else {
        pieces.push([i, 2, escapes[next] ?? next ?? '']);
        i += 2;
      }
      runStart = i;
    } else if (quote === "'" && char === "'" && source[i + 1] === "'") {
      flush(i);
      pieces.push([i, 2, "'"]);
      i += 2;
      runStart = i;
    } else {
      i++;
    }
  }
  flush(end);
  const rebuilt = pieces.map((piece) => piece[2]).join('');
  return rebuilt === value ? pieces : [[span.start, span.end - span.start, value]];
}
