/**
 * Reads front matter — Jekyll's YAML between `---` lines, or Hugo's TOML between `+++` lines —
 * keeping where each value sits in the source so the outline and the title's mentions point at
 * exact characters.
 */
import { isAlias, isMap, isScalar, parseDocument } from 'yaml';
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

// Line breaks may be \n, \r\n or a lone \r (old Mac files); JavaScript's `^` with the m flag starts a line after each.
const OPENING = /---[ \t]*(?:\r\n|\r|\n)/y;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/gm;
const TOML_OPENING = /\+\+\+[ \t]*(?:\r\n|\r|\n)/y;
const TOML_CLOSING = /^\+\+\+[ \t]*(?:\r\n|\r|\n|$)/gm;

/** Reads the front matter that starts at `start` (after any byte-order marks), if there is one. */
export function readFrontMatter(source: string, start = 0): FrontMatter | undefined {
  TOML_OPENING.lastIndex = start;
  if (TOML_OPENING.test(source)) return readTomlFrontMatter(source, start);
  OPENING.lastIndex = start;
  const opening = OPENING.exec(source);
  if (!opening) return undefined;
  const contentStart = start + opening[0].length;
  CLOSING.lastIndex = contentStart;
  const closing = CLOSING.exec(source);
  if (!closing) {
    return {
      span: { start, end: contentStart },
      bodyStart: 0,
      values: {},
      valueSpans: {},
      problems: [
        {
          message: 'Front matter starts with `---` but is never closed; the file is read as if it had none.',
          span: { start, end: start + 3 },
          severity: 'warning',
        },
      ],
    };
  }
  // A lone \r is a line break to YAML's reader only as \n; the swap keeps every offset.
  const rawYaml = source.slice(contentStart, closing.index);
  const yamlText = rawYaml.includes('\r') ? rawYaml.replace(/\r(?!\n)/g, '\n') : rawYaml;
  const problems: Problem[] = [];
  const end = closing.index + closing[0].length;
  const span = { start, end: closing.index + 3 };
  // Performance: most front matter is flat `key: value` lines, read here without the YAML parser
  // (it cost ~0.3 s over 3,000 files); anything else falls back to the parser.
  const simple = readSimpleFrontMatter(yamlText, contentStart);
  if (simple) return { span, bodyStart: end, values: simple.values, valueSpans: simple.valueSpans, problems };
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
      const seen = new Set<string>();
      for (const pair of document.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (!key) continue;
        if (seen.has(key)) {
          const range = isScalar(pair.key) && pair.key.range ? pair.key.range : [0, 0];
          problems.push({ message: `Front matter has \`${key}\` twice; the last one is used.`, span: { start: contentStart + range[0], end: contentStart + range[1] }, severity: 'warning' });
        }
        seen.add(key);
        let node: unknown = pair.value;
        // A value given as an alias (`title: *headline`) reads as the value its anchor holds;
        // its span is the alias itself, where the value is written in this pair.
        if (isAlias(node)) {
          const target = node.resolve(document);
          if (isScalar(target)) {
            values[key] = target.value;
            if (node.range) valueSpans[key] = { start: contentStart + node.range[0], end: contentStart + node.range[1] };
            continue;
          }
          node = target ?? null;
        }
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
      span: { start, end: start + 3 },
      severity: 'error',
    });
  }
  return { span, bodyStart: end, values, valueSpans, problems };
}

// The value runs to the line's end and is trimmed in code: a lazy value before `[ \t]*$` would
// backtrack quadratically over a long run of spaces.
const TOML_KEY_VALUE = /^[ \t]*([A-Za-z0-9_-]{1,64}|"[^"\r\n]{1,64}")[ \t]*=[ \t]*([^\r\n]*)$/;
const TOML_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][0-9:.]+(?:[Zz]|[+-]\d{2}:\d{2})?)?$/;

/**
 * Hugo's TOML front matter between `+++` lines: the top-level `key = value` pairs (strings,
 * dates, numbers, booleans, one-line arrays). Tables (`[params]`) are left out; a line that is
 * none of these is a problem.
 */
function readTomlFrontMatter(source: string, start: number): FrontMatter {
  TOML_OPENING.lastIndex = start;
  const contentStart = start + TOML_OPENING.exec(source)![0].length;
  TOML_CLOSING.lastIndex = contentStart;
  const closing = TOML_CLOSING.exec(source);
  const problems: Problem[] = [];
  if (!closing) {
    problems.push({ message: 'Front matter starts with `+++` but is never closed; the file is read as if it had none.', span: { start, end: start + 3 }, severity: 'warning' });
    return { span: { start, end: contentStart }, bodyStart: 0, values: {}, valueSpans: {}, problems };
  }
  const values: Record<string, unknown> = {};
  const valueSpans: Record<string, SourceSpan> = {};
  let inTable = false;
  const lineBreak = /\r\n|\r|\n/g;
  for (let lineStart = contentStart; lineStart < closing.index; ) {
    lineBreak.lastIndex = lineStart;
    const next = lineBreak.exec(source);
    const lineEnd = next && next.index < closing.index ? next.index : closing.index;
    const line = source.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    const pair = TOML_KEY_VALUE.exec(line);
    if (pair) pair[2] = pair[2].trimEnd();
    if (trimmed === '' || trimmed.startsWith('#')) {
      // A blank line or a comment.
    } else if (/^\[{1,2}[^\]]*\]{1,2}$/.test(trimmed)) {
      inTable = true;
    } else if (!pair) {
      problems.push({ message: 'Front matter line is not TOML `key = value`.', span: { start: lineStart, end: lineEnd }, severity: 'warning' });
    } else if (!inTable) {
      const key = pair[1].replace(/^"|"$/g, '');
      const rawStart = lineStart + line.indexOf(pair[2], line.indexOf('=') + 1);
      const value = tomlValue(pair[2]);
      if (value === undefined) {
        problems.push({ message: `Front matter value of \`${key}\` is not a TOML value Summit Lens can read.`, span: { start: rawStart, end: rawStart + pair[2].length }, severity: 'warning' });
      } else {
        if (key in values) problems.push({ message: `Front matter has \`${key}\` twice; the last one is used.`, span: { start: lineStart, end: lineEnd }, severity: 'warning' });
        values[key] = value;
        if (typeof value === 'string') valueSpans[key] = { start: rawStart, end: rawStart + pair[2].length };
      }
    }
    lineStart = next && next.index < closing.index ? next.index + next[0].length : closing.index;
  }
  return { span: { start, end: closing.index + 3 }, bodyStart: closing.index + closing[0].length, values, valueSpans, problems };
}

/** One TOML value on one line; dates are kept as written. */
function tomlValue(raw: string): unknown {
  // A comment (` # …`) ends the value, unless the `#` sits inside a quoted string.
  const hash = raw.search(/[ \t]#/);
  const value = (hash >= 0 && !/["']/.test(raw.slice(hash)) ? raw.slice(0, hash) : raw).trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return undefined;
    }
  }
  if (/^'[^']*'$/.test(value)) return value.slice(1, -1);
  if (TOML_DATE.test(value)) return value;
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^[+-]?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(value)) return Number(value.replace(/_/g, ''));
  if (/^\[.*\]$/.test(value)) {
    const items = value.slice(1, -1).split(',').map((item) => item.trim()).filter(Boolean);
    const parsed = items.map(tomlValue);
    return parsed.every((item) => item !== undefined) ? parsed : undefined;
  }
  return undefined;
}

/** A key that YAML reads as a plain string, never as null or a boolean. */
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const NON_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Characters that could make YAML read a value otherwise (escapes, comments, nesting, odd line breaks, control characters). */
const UNSAFE_IN_QUOTED = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const UNSAFE_IN_PLAIN = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|: | #|:$|\s$/;
/** First characters with a meaning of their own in YAML (indicators, quotes, spaces). */
const PLAIN_INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/** Plain scalars the YAML core schema resolves to null, a boolean or a number. */
const CORE_NON_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
const FLOW_ITEM_UNSAFE = /[[\]{}#"':]/;

/** A single-line scalar the YAML parser would read as exactly this string, or undefined when unsure. */
function simpleScalar(raw: string): string | undefined {
  if (raw.length >= 2 && raw.charCodeAt(0) === 34 /* " */ && raw.charCodeAt(raw.length - 1) === 34) {
    const inner = raw.slice(1, -1);
    return UNSAFE_IN_QUOTED.test(inner) ? undefined : inner;
  }
  if (raw.length === 0 || PLAIN_INDICATOR.test(raw) || UNSAFE_IN_PLAIN.test(raw) || CORE_NON_STRING.test(raw)) return undefined;
  return raw;
}

/**
 * Reads front matter made only of `key: "quoted"` / `key: plain` / `key: true` lines, `key:` followed by
 * `  - item` lines, and `key: [ a, b ]`, giving exactly what the YAML parser gives for them.
 * Returns undefined for anything else (blank lines, comments, escapes, multi-line values …).
 */
function readSimpleFrontMatter(yamlText: string, offset: number): { values: Record<string, unknown>; valueSpans: Record<string, SourceSpan> } | undefined {
  if (yamlText.length === 0 || !yamlText.endsWith('\n') || yamlText.includes('\r') || yamlText.includes('\t')) return undefined;
  const values: Record<string, unknown> = {};
  const valueSpans: Record<string, SourceSpan> = {};
  let lineStart = 0;
  while (lineStart < yamlText.length) {
    const lineEnd = yamlText.indexOf('\n', lineStart);
    const colon = yamlText.indexOf(':', lineStart);
    if (colon < 0 || colon >= lineEnd) return undefined;
    const key = yamlText.slice(lineStart, colon);
    // A key given twice goes to the YAML reader, which reports it.
    if (!SIMPLE_KEY.test(key) || NON_STRING_KEY.test(key) || key === '__proto__' || key in values) return undefined;
    if (colon + 1 === lineEnd) {
      // `key:` then a block sequence of scalars, all at the same indentation.
      const items: string[] = [];
      let itemStart = lineEnd + 1;
      let indent = -1;
      while (itemStart < yamlText.length) {
        const itemEnd = yamlText.indexOf('\n', itemStart);
        let spaces = 0;
        while (yamlText.charCodeAt(itemStart + spaces) === 32) spaces++;
        if (!yamlText.startsWith('- ', itemStart + spaces)) break;
        if (indent >= 0 && spaces !== indent) return undefined;
        indent = spaces;
        const item = simpleScalar(yamlText.slice(itemStart + spaces + 2, itemEnd));
        if (item === undefined) return undefined;
        items.push(item);
        itemStart = itemEnd + 1;
      }
      if (items.length === 0) return undefined;
      values[key] = items;
      lineStart = itemStart;
      continue;
    }
    if (yamlText.charCodeAt(colon + 1) !== 32) return undefined;
    // Spaces around a value are not part of it (`author:  name `), as YAML reads it.
    let rawStart = colon + 2;
    while (yamlText.charCodeAt(rawStart) === 32) rawStart++;
    let rawEnd = lineEnd;
    while (rawEnd > rawStart && yamlText.charCodeAt(rawEnd - 1) === 32) rawEnd--;
    if (rawEnd === rawStart) return undefined;
    const raw = yamlText.slice(rawStart, rawEnd);
    if (raw.charCodeAt(0) === 91 /* [ */) {
      // A flow sequence of plain words: `tags: [ a, b ]`.
      if (!/^\[ ?[^\n]*? ?\]$/.test(raw)) return undefined;
      const inner = raw.slice(1, -1).trim();
      if (inner.length === 0 || FLOW_ITEM_UNSAFE.test(inner)) return undefined;
      const items: string[] = [];
      for (const piece of inner.split(',')) {
        const item = piece.trim();
        if (item.length === 0 || /\s\s/.test(item) || simpleScalar(item) !== item) return undefined;
        items.push(item);
      }
      values[key] = items;
    } else {
      // `comments: True`: a boolean, as YAML's core schema reads it.
      const value = CORE_BOOLEAN.test(raw) ? raw.charCodeAt(0) === 116 /* t */ || raw.charCodeAt(0) === 84 /* T */ : simpleScalar(raw);
      if (value === undefined) return undefined;
      values[key] = value;
      valueSpans[key] = { start: offset + rawStart, end: offset + rawEnd };
    }
    lineStart = lineEnd + 1;
  }
  return { values, valueSpans };
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
        // `\U00110000` is past the last code point: YAML's reader makes it U+FFFD, and so does this.
        pieces.push([i, 2 + width, Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : Number.isFinite(code) ? '\ufffd' : '']);
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
