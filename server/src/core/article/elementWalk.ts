/**
 * A streaming walk over HTML elements on htmlparser2's `Tokenizer`, following the rules of its
 * `Parser` (implied end tags, void elements, `</p>` and `</br>`, self-closing tags in SVG and
 * MathML) without building a map of every attribute of every tag. A news page's tags carry long
 * styles, links and data attributes that the reader never needs; the `Parser` slices, lower-cases
 * and stores each of them, which cost about as much as tokenizing the page. Here only the
 * attributes asked for are read. Event offsets are the ones the `Parser` reports.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface ElementHandlers {
  /** A start tag, after its attributes (only the ones asked for, names in lower case, values as written). */
  onopentag(name: string, attributes: Record<string, string>): void;
  /** An element ends: by its end tag, implied by another tag, as a void element, or at the end of input. */
  onclosetag(name: string): void;
  /** A text run; its source stretch is `[startIndex, endIndex]`. */
  ontext(): void;
  /** A comment, CDATA section, declaration or processing instruction: not text, but it ends a text run. */
  onother(): void;
  /**
   * An end tag written `</name>` was read and its elements closed: the walk is back in text,
   * in a state `state()` captures and a new walk can resume from at `endIndex + 1`.
   */
  onendtag?(): void;
}

/** The open elements of a walk, to resume it elsewhere. */
export interface ElementWalkState {
  stack: string[];
  foreignContext: boolean[];
}

// The tree rules of htmlparser2's Parser (lib/Parser.ts), in HTML mode.
const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['p', pTag],
  ['h1', pTag],
  ['h2', pTag],
  ['h3', pTag],
  ['h4', pTag],
  ['h5', pTag],
  ['h6', pTag],
  ['select', formTags],
  ['input', formTags],
  ['output', formTags],
  ['button', formTags],
  ['datalist', formTags],
  ['textarea', formTags],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ['address', pTag],
  ['article', pTag],
  ['aside', pTag],
  ['blockquote', pTag],
  ['details', pTag],
  ['div', pTag],
  ['dl', pTag],
  ['fieldset', pTag],
  ['figcaption', pTag],
  ['figure', pTag],
  ['footer', pTag],
  ['form', pTag],
  ['header', pTag],
  ['hr', pTag],
  ['main', pTag],
  ['nav', pTag],
  ['ol', pTag],
  ['pre', pTag],
  ['section', pTag],
  ['table', pTag],
  ['ul', pTag],
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
]);
const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const FOREIGN_CONTEXT_ELEMENTS = new Set(['math', 'svg']);
const HTML_INTEGRATION_ELEMENTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/**
 * htmlparser2's Tokenizer, skipping ahead to the character it waits for (the `<` that ends a text
 * run, the quote that ends an attribute value, the `>` that ends a tag or comment) with a native
 * search instead of its loop over each character: the same positions at a fraction of the cost.
 * `fastForwardTo` is the Tokenizer's own private step, replaced on this subclass only.
 */
class SkippingTokenizer extends Tokenizer {}
interface TokenizerPosition {
  buffer: string;
  index: number;
  offset: number;
}
(SkippingTokenizer.prototype as unknown as { fastForwardTo(this: TokenizerPosition, code: number): boolean }).fastForwardTo = function (code) {
  // As the loop it replaces: look from the next character on; if there is none, stop at the last.
  const at = this.buffer.indexOf(String.fromCharCode(code), this.index + 1 - this.offset);
  if (at >= 0) {
    this.index = at + this.offset;
    return true;
  }
  this.index = this.buffer.length + this.offset - 1;
  return false;
};

/** Beyond this many open elements, they are counted by name (see `openCounts`). */
const COUNTED_DEPTH = 64;

export class ElementWalk implements TokenizerCallbacks {
  /** Where the current event starts in the input (for a start tag, its `<`). */
  startIndex = 0;
  /** Where the current event ends in the input (inclusive). */
  endIndex = 0;
  /** Open elements, innermost last. */
  private readonly stack: string[];
  /**
   * How many elements of each name are open, kept only while the stack is deep: a stray end tag
   * then costs nothing, not a scan of a deep stack. A shallow stack is scanned instead, which is
   * cheaper than counting every element of every page.
   */
  private openCounts: Map<string, number> | undefined;
  /** Whether self-closing tags close (inside SVG and MathML), innermost last. */
  private readonly foreignContext: boolean[];
  private tokenizer: Tokenizer | undefined;
  private stopped = false;
  private openTagStart = 0;
  private tagName = '';
  private attributes: Record<string, string> | null = null;
  /** The attribute being read, if it is one asked for. */
  private attributeName: string | undefined;
  private attributeValue = '';
  /** The attributes asked for, by name length: a name is compared in place, without a string being made. */
  private readonly attributesByLength: string[][] = [];

  constructor(
    private readonly input: string,
    private readonly handlers: ElementHandlers,
    wantedAttributes: Iterable<string>,
    resumeFrom?: ElementWalkState,
  ) {
    this.stack = resumeFrom ? resumeFrom.stack.slice() : [];
    if (this.stack.length > COUNTED_DEPTH) this.countOpenElements();
    this.foreignContext = resumeFrom ? resumeFrom.foreignContext.slice() : [false];
    for (const name of wantedAttributes) (this.attributesByLength[name.length] ??= []).push(name.toLowerCase());
  }

  /** Walks the whole input. Never throws on malformed HTML: the tokenizer recovers as browsers roughly do. */
  run(): void {
    const tokenizer = (this.tokenizer = new SkippingTokenizer({ xmlMode: false, decodeEntities: false }, this));
    tokenizer.write(this.input);
    if (!this.stopped) tokenizer.end();
  }

  /** Ends the walk here (from a handler): no more events, and elements still open are not closed. */
  stop(): void {
    this.stopped = true;
    this.tokenizer?.pause();
  }

  /** The open elements now, for a walk resuming after the current end tag. */
  state(): ElementWalkState {
    return { stack: this.stack.slice(), foreignContext: this.foreignContext.slice() };
  }

  ontext(start: number, endIndex: number): void {
    this.endIndex = endIndex - 1;
    this.handlers.ontext();
    this.startIndex = endIndex;
  }

  ontextentity(_codepoint: number, endIndex: number): void {
    // Only when entities are decoded, which this walk does not ask for.
    this.endIndex = endIndex - 1;
    this.handlers.ontext();
    this.startIndex = endIndex;
  }

  onopentagname(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    this.emitOpenTag(knownTagName(this.input, start, endIndex) ?? this.input.slice(start, endIndex).toLowerCase());
  }

  private emitOpenTag(name: string): void {
    this.openTagStart = this.startIndex;
    this.tagName = name;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      while (this.stack.length > 0 && impliesClose.has(this.stack[this.stack.length - 1])) this.handlers.onclosetag(this.popElement());
    }
    if (!VOID_ELEMENTS.has(name)) {
      this.stack.push(name);
      if (this.openCounts) this.openCounts.set(name, (this.openCounts.get(name) ?? 0) + 1);
      else if (this.stack.length > COUNTED_DEPTH) this.countOpenElements();
      if (FOREIGN_CONTEXT_ELEMENTS.has(name)) this.foreignContext.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreignContext.push(false);
    }
    this.attributes = {};
  }

  private endOpenTag(): void {
    this.startIndex = this.openTagStart;
    if (this.attributes) {
      this.handlers.onopentag(this.tagName, this.attributes);
      this.attributes = null;
    }
    if (VOID_ELEMENTS.has(this.tagName)) this.handlers.onclosetag(this.tagName);
    this.tagName = '';
  }

  onopentagend(endIndex: number): void {
    this.endIndex = endIndex;
    this.endOpenTag();
    this.startIndex = endIndex + 1;
  }

  onclosetag(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    // Nearly every end tag closes the innermost element, whose name is at hand.
    const innermost = this.stack[this.stack.length - 1];
    const name = innermost !== undefined && sameName(this.input, start, endIndex, innermost) ? innermost : this.input.slice(start, endIndex).toLowerCase();
    if (FOREIGN_CONTEXT_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) this.foreignContext.pop();
    if (!VOID_ELEMENTS.has(name)) {
      // Found only when open, so the scan is paid for by the elements it closes.
      const at = !this.openCounts || this.openCounts.get(name) ? this.stack.lastIndexOf(name) : -1;
      if (at !== -1) {
        while (this.stack.length > at) this.handlers.onclosetag(this.popElement());
      } else if (name === 'p') {
        // `</p>` without an open `<p>` stands for an empty paragraph.
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      // `</br>` reads as `<br>`.
      this.handlers.onopentag('br', {});
      this.handlers.onclosetag('br');
    }
    this.startIndex = endIndex + 1;
    // `</div >` ends at a later `>`; only `</div>` leaves the tokenizer in text right after it.
    if (this.input.charCodeAt(endIndex) === 0x3e) this.handlers.onendtag?.();
  }

  onselfclosingtag(endIndex: number): void {
    this.endIndex = endIndex;
    if (this.foreignContext[this.foreignContext.length - 1]) {
      this.closeCurrentTag();
      this.startIndex = endIndex + 1;
    } else {
      // In HTML, `<div/>` opens a div like `<div>`.
      this.onopentagend(endIndex);
    }
  }

  private closeCurrentTag(): void {
    const name = this.tagName;
    this.endOpenTag();
    if (this.stack[this.stack.length - 1] === name) {
      this.handlers.onclosetag(name);
      this.popElement();
    }
  }

  private popElement(): string {
    const name = this.stack.pop()!;
    if (this.openCounts) {
      this.openCounts.set(name, this.openCounts.get(name)! - 1);
      // Half the depth at which counting starts, so a stack going up and down about it does not recount each time.
      if (this.stack.length <= COUNTED_DEPTH / 2) this.openCounts = undefined;
    }
    return name;
  }

  /** Starts counting the open elements (the stack has grown deep). */
  private countOpenElements(): void {
    this.openCounts = new Map();
    for (const name of this.stack) this.openCounts.set(name, (this.openCounts.get(name) ?? 0) + 1);
  }

  onattribname(start: number, endIndex: number): void {
    this.startIndex = start;
    this.attributeName = undefined;
    const candidates = this.attributesByLength[endIndex - start];
    if (candidates === undefined) return;
    for (const name of candidates) {
      if (sameName(this.input, start, endIndex, name)) {
        this.attributeName = name;
        return;
      }
    }
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attributeName !== undefined) this.attributeValue += this.input.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    // Only when entities are decoded, which this walk does not ask for.
    if (this.attributeName !== undefined) this.attributeValue += String.fromCodePoint(codepoint);
  }

  onattribend(_quote: number, endIndex: number): void {
    this.endIndex = endIndex;
    const name = this.attributeName;
    // As in the Parser, the first of two same-named attributes counts.
    if (name !== undefined && this.attributes && !Object.prototype.hasOwnProperty.call(this.attributes, name)) this.attributes[name] = this.attributeValue;
    this.attributeName = undefined;
    this.attributeValue = '';
  }

  ondeclaration(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  onprocessinginstruction(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  oncomment(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  oncdata(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  private other(endIndex: number): void {
    this.endIndex = endIndex;
    this.handlers.onother();
    this.startIndex = endIndex + 1;
  }

  onend(): void {
    // Elements still open end where the input does.
    this.endIndex = this.startIndex;
    for (let i = this.stack.length - 1; i >= 0; i--) this.handlers.onclosetag(this.stack[i]);
  }
}

/** Tag names pages are made of, by length: a start tag's name is found here without a string being made. */
const KNOWN_TAG_NAMES: string[][] = [];
for (const name of [
  'a', 'b', 'i', 'p', 'u', 's', 'br', 'hr', 'li', 'ul', 'ol', 'td', 'tr', 'th', 'em', 'dd', 'dt', 'dl', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'div', 'img', 'nav', 'pre', 'sup', 'sub', 'svg', 'span', 'link', 'meta', 'head', 'body', 'html', 'form', 'font',
  'time', 'main', 'code', 'path', 'small', 'table', 'tbody', 'thead', 'title', 'style', 'input', 'label', 'aside', 'video',
  'button', 'script', 'strong', 'header', 'footer', 'figure', 'iframe', 'source', 'center', 'section', 'article', 'picture',
  'noscript', 'template', 'figcaption', 'blockquote',
]) {
  (KNOWN_TAG_NAMES[name.length] ??= []).push(name);
}

/** The known tag name `input[start, end)` is in some letter case, or undefined. */
function knownTagName(input: string, start: number, end: number): string | undefined {
  const candidates = KNOWN_TAG_NAMES[end - start];
  if (candidates === undefined) return undefined;
  for (const name of candidates) if (sameName(input, start, end, name)) return name;
  return undefined;
}

/** Whether `input[start, end)` is `name` (lower case, same length) in any letter case. */
function sameName(input: string, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) {
    const code = input.charCodeAt(start + i);
    // Upper-case ASCII letters compare as lower case; nothing else changes.
    if ((code >= 0x41 && code <= 0x5a ? code | 0x20 : code) !== name.charCodeAt(i)) return false;
  }
  return true;
}
