/**
 * Tells a corpus article from an unrelated Markdown, HTML or text file by its content: the one
 * rule the editor (which files get the Summit Article language) and the command line (which
 * files are indexed) both use, so the two always agree.
 */
/** The file extensions corpus articles come with; content decides whether such a file is an article. */
export const CORPUS_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.shtml', '.rst']);

const FRONT_MATTER_WITH_ARTICLE_FIELDS = /^\uFEFF*(?:---[ \t]*(?:\r\n|\r|\n)(?:(?!---)[^\r\n]*(?:\r\n|\r|\n)){0,60}?(?:title|date|description|published|pubDate|dateCreated)[ \t]*:|\+\+\+[ \t]*(?:\r\n|\r|\n)(?:(?!\+\+\+)[^\r\n]*(?:\r\n|\r|\n)){0,60}?(?:title|date)[ \t]*=)/;
const STAMP = /^\uFEFF*(?:---[\s\S]{0,8000}?\n---[ \t]*\r?\n)?\s*<!--\s*(?:\d{9,14}|NaN)\s*-->/;
const LINK_HEADER = /^\s*\[[^\]\n]+\]\(https?:[^)\s]+\)[ \t]*\r?\n[ \t]*-{3,}[ \t]*$/m;
const UNDERLINED_TITLE = /^\uFEFF*\s*[^\r\n]*\S[^\r\n]*\r?\n={3,}[ \t]*(?:\r?\n|$)/;
const HTML_PAGE = /<html[\s>]/i;
const MARKUP = /<[a-z][a-z0-9]*[\s>/]|^#{1,6}[ \t]|\]\(|^[ \t]*[-*+][ \t]|^[ \t]*\d+\.[ \t]/im;
const CHINESE_HEADING = /^#{1,6}[ \t]+[^\r\n]*[\u3400-\u9fff][^\r\n]*$/m;
/** A news dateline: `【大纪元2020年06月28日讯】`, `（中央社记者某某台北27日电）`. */
const DATELINE = /[【（(][^【】（）()\r\n]{1,30}?\d{1,2}\s*日\s*(?:专电|專電|电|電|讯|訊)[】）)]/;
const HAN = /[\u3400-\u9fff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/** How much Chinese prose each kind of file needs to count as an article. */
const HAN_IN_MARKDOWN_ARTICLE = 40;
const HAN_IN_UNDERLINED_ARTICLE = 20;
const HAN_IN_PAGE_OR_TEXT = 200;

export interface ArticleVerdict {
  article: boolean;
  /** Why, in a few words, for the editor's list of skipped files and the CLI's report. */
  reason: string;
}

/** Whether a file is a corpus article, and why (see `isCorpusArticle`). */
export function articleVerdict(text: string): ArticleVerdict {
  const head = text.slice(0, 16384);
  if (FRONT_MATTER_WITH_ARTICLE_FIELDS.test(head)) return { article: true, reason: 'front matter with a title or date' };
  if (STAMP.test(head)) return { article: true, reason: 'an archived page stamp' };
  if (LINK_HEADER.test(head.slice(0, 4096))) return { article: true, reason: 'a [title](url) header' };
  if (UNDERLINED_TITLE.test(head)) {
    return hanCount(head) >= HAN_IN_UNDERLINED_ARTICLE ? { article: true, reason: 'an underlined title over Chinese prose' } : { article: false, reason: 'an underlined title with too little Chinese prose' };
  }
  // An HTML news page: a full document with a title and Chinese prose.
  if (HTML_PAGE.test(head) && /<title[\s>]/i.test(head)) {
    return hanCount(text.slice(0, 200000)) >= HAN_IN_PAGE_OR_TEXT ? { article: true, reason: 'a web page of Chinese prose' } : { article: false, reason: 'a web page with too little Chinese prose' };
  }
  if (DATELINE.test(head.slice(0, 4096))) return { article: true, reason: 'a news dateline' };
  // Markdown news: a Chinese heading over Chinese prose (a short report is still a report).
  const heading = CHINESE_HEADING.exec(head);
  if (heading) {
    const bodyHan = hanCount(head) - hanCount(heading[0]);
    return bodyHan >= HAN_IN_MARKDOWN_ARTICLE ? { article: true, reason: 'a Chinese heading over Chinese prose' } : { article: false, reason: 'a Markdown file with too little Chinese prose' };
  }
  // Plain text with no markup (automatic subtitles, transcripts): mostly Chinese prose.
  if (!MARKUP.test(head)) {
    const han = hanCount(head);
    const latin = head.match(LATIN_WORD)?.length ?? 0;
    if (han >= HAN_IN_PAGE_OR_TEXT && han > latin * 4) return { article: true, reason: 'plain Chinese prose' };
  }
  return { article: false, reason: 'no front matter, header, title or Chinese prose of a news article' };
}

/** Whether a file is a corpus article: the single rule for the editor and the command line alike. */
export function isCorpusArticle(text: string): boolean {
  return articleVerdict(text).article;
}

function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}
