/**
 * The words the language service itself writes (hover labels, code lens and inlay hint texts,
 * page headings, progress) in English, Simplified and Traditional Chinese. The server sets the
 * locale once from the client's `initialize`; the CLI from `--locale` or LANG. Article text and
 * catalogue data are never translated: only our own labels change.
 */

export type Locale = 'en' | 'zh-cn' | 'zh-tw';

export const LOCALES: readonly Locale[] = ['en', 'zh-cn', 'zh-tw'];

/** An English text with a singular and a plural form; `{0}` is the count that chooses. */
type English = string | readonly [one: string, other: string];

interface Entry {
  en: English;
  'zh-cn': string;
  'zh-tw': string;
}

/** Every message; `{0}`, `{1}` … are filled in order. */
export const MESSAGES = {
  'hover.asOf': { en: ' (as of {0})', 'zh-cn': '（截至 {0}）', 'zh-tw': '（截至 {0}）' },
  'hover.introducedHere': { en: 'Introduced here as: «{0}»', 'zh-cn': '本文的介绍：«{0}»', 'zh-tw': '本文的介紹：«{0}»' },
  'hover.learnedElsewhere': { en: '_Not in the catalogue; learned from «{0}» in another article._', 'zh-cn': '_不在人物目录中；从另一篇文章的«{0}»学到。_', 'zh-tw': '_不在人物目錄中；從另一篇文章的«{0}»學到。_' },
  'hover.learnedAbove': { en: '_Not in the catalogue; learned from the introduction above._', 'zh-cn': '_不在人物目录中；从上面的介绍学到。_', 'zh-tw': '_不在人物目錄中；從上面的介紹學到。_' },
  'hover.definition': { en: 'definition', 'zh-cn': '定义', 'zh-tw': '定義' },
  'hover.mentionsHere': { en: ['{0} mention in this article', '{0} mentions in this article'], 'zh-cn': '本文提及 {0} 次', 'zh-tw': '本文提及 {0} 次' },
  'hover.inArticles': { en: ['in {0} article', 'in {0} articles'], 'zh-cn': '见于 {0} 篇文章', 'zh-tw': '見於 {0} 篇文章' },
  'hover.resolvedBy': { en: 'Resolved by: {0}', 'zh-cn': '判定依据：{0}', 'zh-tw': '判定依據：{0}' },
  'hover.mentionedIn': { en: ['Mentioned in {0} article', 'Mentioned in {0} articles'], 'zh-cn': '{0} 篇文章提及', 'zh-tw': '{0} 篇文章提及' },
  'hover.details': { en: 'details', 'zh-cn': '详情', 'zh-tw': '詳情' },
  'hover.compareCoverage': { en: 'Compare coverage', 'zh-cn': '比较报道', 'zh-tw': '比較報導' },
  'meeting.kind.in-person': { en: 'in person', 'zh-cn': '面对面会晤', 'zh-tw': '面對面會晤' },
  'meeting.kind.video': { en: 'video call', 'zh-cn': '视频会晤', 'zh-tw': '視訊會晤' },
  'meeting.kind.call': { en: 'phone call', 'zh-cn': '通电话', 'zh-tw': '通電話' },
  'weekday.1': { en: 'Monday', 'zh-cn': '星期一', 'zh-tw': '星期一' },
  'weekday.2': { en: 'Tuesday', 'zh-cn': '星期二', 'zh-tw': '星期二' },
  'weekday.3': { en: 'Wednesday', 'zh-cn': '星期三', 'zh-tw': '星期三' },
  'weekday.4': { en: 'Thursday', 'zh-cn': '星期四', 'zh-tw': '星期四' },
  'weekday.5': { en: 'Friday', 'zh-cn': '星期五', 'zh-tw': '星期五' },
  'weekday.6': { en: 'Saturday', 'zh-cn': '星期六', 'zh-tw': '星期六' },
  'weekday.0': { en: 'Sunday', 'zh-cn': '星期日', 'zh-tw': '星期日' },
  'lens.meeting': { en: '{0}: {1} · {2}', 'zh-cn': '{0}：{1} · {2}', 'zh-tw': '{0}：{1} · {2}' },
  'lens.mentionsHere': { en: ['{0} mention here', '{0} mentions here'], 'zh-cn': '本文 {0} 次', 'zh-tw': '本文 {0} 次' },
  'lens.inArticles': { en: ['in {0} article', 'in {0} articles'], 'zh-cn': '共 {0} 篇文章', 'zh-tw': '共 {0} 篇文章' },
  'lens.more': { en: ['+{0} more meeting', '+{0} more meetings'], 'zh-cn': '另有 {0} 次会晤', 'zh-tw': '另有 {0} 次會晤' },
  'progress.indexing': { en: 'Indexing {0} / {1} articles', 'zh-cn': '正在索引 {0} / {1} 篇文章', 'zh-tw': '正在索引 {0} / {1} 篇文章' },
  'diagnostics.unreadable': { en: 'Could not read the file: {0}', 'zh-cn': '无法读取文件：{0}', 'zh-tw': '無法讀取檔案：{0}' },
  'page.date': { en: 'Date', 'zh-cn': '日期', 'zh-tw': '日期' },
  'page.beijingTime': { en: '{0} Beijing time', 'zh-cn': '北京时间 {0}', 'zh-tw': '北京時間 {0}' },
  'page.localTime': { en: '{0} local time', 'zh-cn': '当地时间 {0}', 'zh-tw': '當地時間 {0}' },
  'page.kind': { en: 'Kind', 'zh-cn': '形式', 'zh-tw': '形式' },
  'page.place': { en: 'Place', 'zh-cn': '地点', 'zh-tw': '地點' },
  'page.occasion': { en: 'Occasion', 'zh-cn': '场合', 'zh-tw': '場合' },
  'page.participants': { en: 'Participants', 'zh-cn': '参与者', 'zh-tw': '參與者' },
  'page.alsoCalled': { en: 'Also called', 'zh-cn': '别称', 'zh-tw': '別稱' },
  'page.outcomes': { en: 'Outcomes', 'zh-cn': '成果', 'zh-tw': '成果' },
  'page.articlesMentioningMeeting': { en: 'Articles that mention it ({0})', 'zh-cn': '提及此次会晤的文章（{0}）', 'zh-tw': '提及此次會晤的文章（{0}）' },
  'page.undated': { en: 'undated', 'zh-cn': '无日期', 'zh-tw': '無日期' },
  'page.mentions': { en: ['{0} mention', '{0} mentions'], 'zh-cn': '提及 {0} 次', 'zh-tw': '提及 {0} 次' },
  'page.writtenAs': { en: 'Written as', 'zh-cn': '写法', 'zh-tw': '寫法' },
  'page.country': { en: 'Country', 'zh-cn': '国家', 'zh-tw': '國家' },
  'page.source': { en: 'Source', 'zh-cn': '来源', 'zh-tw': '來源' },
  'page.source.builtin': { en: 'built-in catalogue', 'zh-cn': '内置人物目录', 'zh-tw': '內建人物目錄' },
  'page.source.workspace': { en: 'workspace file .summit-lens/figures.yaml', 'zh-cn': '工作区文件 .summit-lens/figures.yaml', 'zh-tw': '工作區檔案 .summit-lens/figures.yaml' },
  'page.source.learned': { en: 'learned from an introduction in the corpus', 'zh-cn': '从语料中的介绍学到', 'zh-tw': '從語料中的介紹學到' },
  'page.roles': { en: 'Roles', 'zh-cn': '职务', 'zh-tw': '職務' },
  'page.present': { en: 'present', 'zh-cn': '至今', 'zh-tw': '至今' },
  'page.introductions': { en: 'Introductions in the corpus ({0})', 'zh-cn': '语料中的介绍（{0}）', 'zh-tw': '語料中的介紹（{0}）' },
  'page.articlesMentioningFigure': { en: 'Articles that mention {0} ({1})', 'zh-cn': '提及{0}的文章（{1}）', 'zh-tw': '提及{0}的文章（{1}）' },
  'outline.metadata': { en: 'Metadata', 'zh-cn': '元数据', 'zh-tw': '後設資料' },
  'outline.meetings': { en: 'Meetings', 'zh-cn': '会晤', 'zh-tw': '會晤' },
  'count.outlet': { en: ['{0} outlet', '{0} outlets'], 'zh-cn': '{0} 家媒体', 'zh-tw': '{0} 家媒體' },
  'count.sentence': { en: ['{0} sentence', '{0} sentences'], 'zh-cn': '{0} 句', 'zh-tw': '{0} 句' },
  'coverage.summary': { en: '{0} from {1}, {2} mentioning the meeting.', 'zh-cn': '来自 {1}的 {0}，其中 {2}提及此次会晤。', 'zh-tw': '來自 {1}的 {0}，其中 {2}提及此次會晤。' },
  'coverage.windows': { en: 'Before: {0} · during: {1} · after: {2}{3}.', 'zh-cn': '会晤前：{0} · 会晤期间：{1} · 会晤后：{2}{3}。', 'zh-tw': '會晤前：{0} · 會晤期間：{1} · 會晤後：{2}{3}。' },
  'coverage.undated': { en: ' · undated: {0}', 'zh-cn': ' · 无日期：{0}', 'zh-tw': ' · 無日期：{0}' },
  'coverage.first': { en: 'First to cover it: {0} ({1}).', 'zh-cn': '最先报道：{0}（{1}）。', 'zh-tw': '最先報導：{0}（{1}）。' },
  'coverage.noDated': { en: 'No dated coverage.', 'zh-cn': '没有带日期的报道。', 'zh-tw': '沒有帶日期的報導。' },
  'coverage.outlet': { en: '{0}{1}.', 'zh-cn': '{0}{1}。', 'zh-tw': '{0}{1}。' },
  'coverage.firstOn': { en: ', first on {0}', 'zh-cn': '，最早于 {0}', 'zh-tw': '，最早於 {0}' },
  'coverage.people': { en: 'People named: {0}.', 'zh-cn': '提到的人物：{0}。', 'zh-tw': '提到的人物：{0}。' },
  'coverage.line': { en: ' (line {0})', 'zh-cn': '（第 {0} 行）', 'zh-tw': '（第 {0} 行）' },
  'window.before': { en: 'before', 'zh-cn': '会晤前', 'zh-tw': '會晤前' },
  'window.during': { en: 'during', 'zh-cn': '会晤期间', 'zh-tw': '會晤期間' },
  'window.after': { en: 'after', 'zh-cn': '会晤后', 'zh-tw': '會晤後' },
  'window.undated': { en: 'undated', 'zh-cn': '无日期', 'zh-tw': '無日期' },
  'count.article': { en: ['{0} article', '{0} articles'], 'zh-cn': '{0} 篇文章', 'zh-tw': '{0} 篇文章' },
  'count.meeting': { en: ['{0} meeting', '{0} meetings'], 'zh-cn': '{0} 次会晤', 'zh-tw': '{0} 次會晤' },
  'count.mention': { en: ['{0} mention', '{0} mentions'], 'zh-cn': '{0} 处提及', 'zh-tw': '{0} 處提及' },
  'count.problem': { en: ['{0} problem', '{0} problems'], 'zh-cn': '{0} 个问题', 'zh-tw': '{0} 個問題' },
  'tree.inCorpus': { en: ', {0} in the corpus', 'zh-cn': '，语料中有 {0} 次', 'zh-tw': '，語料中有 {0} 次' },
  'tree.learned': { en: 'learned', 'zh-cn': '学到的', 'zh-tw': '學到的' },
  'tree.learnedTooltip': { en: 'Learned from an introduction in the corpus; not in the catalogue.', 'zh-cn': '从语料中的介绍学到；不在人物目录中。', 'zh-tw': '從語料中的介紹學到；不在人物目錄中。' },
  'tree.inCatalogue': { en: 'In the catalogue.', 'zh-cn': '在人物目录中。', 'zh-tw': '在人物目錄中。' },
  'tree.unknownOutlet': { en: 'Unknown outlet', 'zh-cn': '未知媒体', 'zh-tw': '未知媒體' },
  'tree.undated': { en: 'Undated', 'zh-cn': '无日期', 'zh-tw': '無日期' },
  'tree.beijing': { en: ' (Beijing {0})', 'zh-cn': '（北京 {0}）', 'zh-tw': '（北京 {0}）' },
  'page.sameDayInBeijing': { en: ' (the same day in Beijing)', 'zh-cn': '（北京同日）', 'zh-tw': '（北京同日）' },
  'page.summary': { en: 'Summary', 'zh-cn': '概要', 'zh-tw': '概要' },
  'page.articles': { en: 'Articles ({0})', 'zh-cn': '文章（{0}）', 'zh-tw': '文章（{0}）' },
  'page.noArticleMentionsMeeting': { en: 'No article in the corpus mentions this meeting.', 'zh-cn': '语料中没有文章提到这次会晤。', 'zh-tw': '語料中沒有文章提到這次會晤。' },
  'page.noArticleMentionsPerson': { en: 'No article in the corpus mentions this person.', 'zh-cn': '语料中没有文章提到此人。', 'zh-tw': '語料中沒有文章提到此人。' },
  'page.introducedAs': { en: 'Introduced as', 'zh-cn': '首次介绍', 'zh-tw': '首次介紹' },
  'page.source.learnedNotInCatalogue': { en: 'learned from an introduction in the corpus (not in the catalogue)', 'zh-cn': '从语料中的介绍学到（不在人物目录中）', 'zh-tw': '從語料中的介紹學到（不在人物目錄中）' },
  'page.source.workspaceCatalogue': { en: 'the workspace catalogue (.summit-lens)', 'zh-cn': '工作区人物目录（.summit-lens）', 'zh-tw': '工作區人物目錄（.summit-lens）' },
  'page.source.builtinCatalogue': { en: 'the built-in catalogue', 'zh-cn': '内置人物目录', 'zh-tw': '內建人物目錄' },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

let current: Locale = 'en';

/**
 * The message locale for a BCP 47 or POSIX tag (`zh-CN`, `zh_TW.UTF-8`, `zh-Hant`): Taiwan,
 * Hong Kong, Macau and Hant mean traditional, any other Chinese simplified, the rest English.
 */
export function localeOf(tag: string | undefined | null): Locale {
  const normal = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').replace(/[.@].*$/, '');
  if (!/^zh(?:-|$)/.test(normal)) return 'en';
  return /-(?:tw|hk|mo|hant)(?:-|$)/.test(normal) ? 'zh-tw' : 'zh-cn';
}

/** Sets the locale of every later message; returns the locale chosen. */
export function setLocale(tag: string | undefined | null): Locale {
  current = localeOf(tag);
  return current;
}

export function currentLocale(): Locale {
  return current;
}

/** A message in the current locale, its `{n}` filled with the arguments (numbers as written). */
export function message(key: MessageKey, ...args: (string | number)[]): string {
  const entry: Entry | undefined = MESSAGES[key];
  // A key made at run time that the table lacks shows as itself rather than failing.
  if (!entry) return key;
  const text = current === 'en' ? englishForm(entry.en, args[0]) : entry[current];
  return text.replace(/\{(\d)\}/g, (whole, n: string) => (args[+n] === undefined ? whole : String(args[+n])));
}

function englishForm(english: English, count: string | number | undefined): string {
  if (typeof english === 'string') return english;
  // A count may arrive formatted (`1,234`).
  return String(count) === '1' ? english[0] : english[1];
}

/** The day of the week of an ISO date, in the current locale ('' for no date). */
export function weekdayLabel(isoDate: string): string {
  const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? '' : message(`weekday.${new Date(time).getUTCDay()}` as MessageKey);
}

/** How the meeting was held, in the current locale (the data's own word when unknown). */
export function meetingKindLabel(kind: string): string {
  const key = `meeting.kind.${kind}`;
  return key in MESSAGES ? message(key as MessageKey) : kind;
}
