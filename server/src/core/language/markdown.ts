/**
 * Markdown made from data and articles: what a knowledge file or an article says is shown as
 * text, never as a link, emphasis or HTML, so only the links we write ourselves are links.
 */

/**
 * Markdown's inline characters, plus `:` and `@` so that no bare URL or e-mail address becomes
 * a link. CommonMark lets any ASCII punctuation be escaped with a backslash.
 */
const INLINE_CHARACTERS = /[\\`*_{}[\]()<>!|~&$:@]|(?<=\bwww)\./gi;

/** What starts a block (a heading, a list item, a quote) when a value begins a line. */
const BLOCK_START = /^([#+\-=]|\d{1,9}(?=[.)]))/;

/** Text from data or an article, as Markdown that renders exactly that text on one line. */
export function escapeMarkdown(text: string): string {
  // A line break in a value could start a heading, a list or a code block: the value stays on one line.
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return oneLine.replace(INLINE_CHARACTERS, (character) => `\\${character}`).replace(BLOCK_START, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** Characters that end or break a Markdown link destination; `%` stays, as URIs arrive encoded. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_DESTINATION = /[\s()<>[\]\\"'`\u0000-\u001f\u007f]/g;

/** A URI as a Markdown link destination: a file named `a (1).md` must not end the link early. */
export function linkTarget(uri: string): string {
  return uri.replace(UNSAFE_IN_DESTINATION, (character) => {
    const encoded = encodeURIComponent(character);
    return encoded !== character ? encoded : `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

/** A link we make ourselves: escaped text, encoded destination. */
export function markdownLink(text: string, uri: string): string {
  return `[${escapeMarkdown(text)}](${linkTarget(uri)})`;
}
