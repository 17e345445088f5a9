/**
 * Builds an article's visible text piece by piece while recording where each piece
 * came from, so matches in the text map back to exact source ranges.
 */
import { decodeHTML } from 'entities';
import { SourceMap } from '../text/sourceMap';

/** Character references, plus bare URLs, which are never part of the prose. */
const ENTITY_OR_URL = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|https?:\/\/[^\s<>"'）)\]，。、；]+/g;

/**
 * Markdown syntax that is not prose: images, link targets, wiki links (`[[zh:拜登]]` keeps 拜登),
 * heading markers, emphasis, rules, and entities and URLs as in HTML. Each bracketed part stops at
 * the next bracket of its kind, so a line of unclosed links (`[a](b` × n) is scanned once, not n times.
 */
const MARKDOWN_SYNTAX =
  /!\[[^\][\n]*\]\([^)(\n]*\)|\[\[(?:[a-z]{2}:)?([^\][|\n]*)(?:\|[^\][\n]*)?\]\]|\]\([^)(\s]*(?:\s+"[^"\n]*")?\)|^[ \t]*#{1,6}[ \t]+|^[ \t]*>[ \t]?|^[ \t]*(?:[-=*_~]{3,})[ \t]*$|\*\*|__|`|\[|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|https?:\/\/[^\s<>"'）)\]，。、；]+/gm;

export type TextMode = 'html' | 'markdown';

export class VisibleTextBuilder {
  private readonly parts: string[] = [];
  readonly map = new SourceMap();

  /** `lastChar` is the character the text before this builder's ends with (a walk resumed mid-text). */
  constructor(
    private readonly source: string,
    private lastChar = '\n',
  ) {}

  get length(): number {
    return this.map.length;
  }

  /** The text's last character so far (a line break before any): a new block adds a break only after other text. */
  get lastCharacter(): string {
    return this.lastChar;
  }

  /** Appends source characters as they are (already visible text). */
  appendRaw(start: number, end: number): void {
    if (end <= start) return;
    this.push(this.source.slice(start, end), start, end - start);
  }

  /** Appends the visible text of a source slice, dropping syntax and decoding entities. */
  appendSlice(start: number, end: number, mode: TextMode): void {
    const pattern = mode === 'markdown' ? MARKDOWN_SYNTAX : ENTITY_OR_URL;
    // Matching on the slice keeps each scan within this piece; V8 slices without copying.
    const slice = this.source.slice(start, end);
    pattern.lastIndex = 0;
    let cursor = 0;
    for (let match; (match = pattern.exec(slice)); ) {
      const token = match[0];
      if (token.length === 0) {
        pattern.lastIndex++;
        continue;
      }
      this.appendRaw(start + cursor, start + match.index);
      if (token.startsWith('&')) {
        this.push(decodeHTML(token), start + match.index, token.length);
      } else if (match[1] !== undefined && token.startsWith('[[')) {
        const innerStart = start + match.index + token.indexOf(match[1]);
        this.appendRaw(innerStart, innerStart + match[1].length);
      } else if (token.startsWith('http')) {
        // A URL becomes a space so the words around it do not join.
        this.push(' ', start + match.index, 0);
      }
      cursor = match.index + token.length;
    }
    this.appendRaw(start + cursor, end);
  }

  /** Appends text that stands for `sourceLength` source characters, such as an unescaped YAML title. */
  appendMapped(text: string, sourceStart: number, sourceLength: number): void {
    this.push(text, sourceStart, sourceLength);
  }

  /** Ends the current block: adds a line break unless the text already ends with one. */
  breakLine(sourceOffset: number): void {
    if (this.lastChar !== '\n') this.push('\n', sourceOffset, 0);
  }

  /** Adds a blank line (paragraph separator). */
  breakParagraph(sourceOffset: number): void {
    this.breakLine(sourceOffset);
    this.push('\n', sourceOffset, 0);
  }

  private push(text: string, sourceStart: number, sourceLength: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.map.append(sourceStart, sourceLength, text.length);
    this.lastChar = text[text.length - 1];
  }

  toString(): string {
    return this.parts.join('');
  }
}
