/**
 * Tells a corpus article from an unrelated Markdown, HTML or text file by its content, so the
 * extension can give articles their own language and leave everything else alone.
 */
/** The file extensions corpus articles come with; content decides whether such a file is an article. */
export const CORPUS_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.shtml', '.rst']);

const FRONT_MATTER_WITH_ARTICLE_FIELDS = /^\uFEFF?---[ \t]*\r?\n(?:(?!---)[^\n]*\n){0,60}?(?:title|date)[ \t]*:/;
const STAMP = /^\uFEFF?(?:---[\s\S]{0,8000}?\n---[ \t]*\r?\n)?\s*<!--\s*(?:\d{9,14}|NaN)\s*-->/;
const LINK_HEADER = /^\s*\[[^\]\n]+\]\(https?:[^)\s]+\)[ \t]*\r?\n[ \t]*-{3,}[ \t]*$/m;
const UNDERLINED_TITLE = /^\uFEFF?\s*[^\r\n]*\S[^\r\n]*\r?\n={3,}[ \t]*(?:\r?\n|$)/;
const HTML_PAGE = /<html[\s>]/i;
const HAN = /[\u3400-\u9fff]/g;

export function isCorpusArticle(text: string): boolean {
  const head = text.slice(0, 16384);
  if (FRONT_MATTER_WITH_ARTICLE_FIELDS.test(head)) return true;
  if (STAMP.test(head)) return true;
  if (LINK_HEADER.test(head.slice(0, 4096))) return true;
  if (UNDERLINED_TITLE.test(head)) return hanCount(head) >= 20;
  // An HTML news page: a full document with a title and Chinese prose.
  if (HTML_PAGE.test(head) && /<title[\s>]/i.test(head)) return hanCount(text.slice(0, 200000)) >= 200;
  // Markdown news: a Chinese `#` heading and a body of Chinese prose.
  if (/^#{1,3}[ \t]+[^\n]*[\u3400-\u9fff]/m.test(head)) return hanCount(head) >= 200;
  return false;
}

function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}
