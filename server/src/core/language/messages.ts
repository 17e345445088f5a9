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
  'date.beijing': { en: ' (Beijing {0})', 'zh-cn': '（北京 {0}）', 'zh-tw': '（北京 {0}）' },
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

/**
 * When a meeting was, by the one date rule (meetings/dates.ts): its local day and, where Beijing's
 * day differs, that day too, labelled in the current locale (`2023-11-15（北京 2023-11-16）`).
 */
export function meetingDatesLabel(meeting: { date: string; beijingDate: string }): string {
  return meeting.beijingDate !== meeting.date ? `${meeting.date}${message('date.beijing', meeting.beijingDate)}` : meeting.date;
}

/** How the meeting was held, in the current locale (the data's own word when unknown). */
export function meetingKindLabel(kind: string): string {
  const key = `meeting.kind.${kind}`;
  return key in MESSAGES ? message(key as MessageKey) : kind;
}

/** A problem's text with the numbers of its parts that are themselves our phrases (translated in turn). */
interface ProblemEntry extends Entry {
  en: string;
  phrases?: readonly number[];
}

/**
 * The problems the core finds, as it writes them: in English, in the analysis and its cache, so a
 * change of display language needs no new analysis. The Problems list and `summit-lens check`
 * show them in the locale: a text is matched against these templates, and its parts are kept as
 * written (a date, a front matter key, a YAML parser's message) unless the entry names them as
 * phrases, which are translated from PROBLEM_PHRASES.
 */
export const PROBLEMS: readonly ProblemEntry[] = [
  { en: 'Summit Lens could not read this file: {0}', 'zh-cn': 'Summit Lens 无法读取此文件：{0}', 'zh-tw': 'Summit Lens 無法讀取此檔案：{0}' },
  { en: 'Could not read the file: {0}', 'zh-cn': '无法读取文件：{0}', 'zh-tw': '無法讀取檔案：{0}' },
  { en: 'Empty file: there is no article to read.', 'zh-cn': '空文件：没有可读的文章。', 'zh-tw': '空檔案：沒有可讀的文章。' },
  {
    en: 'This looks like a binary file (or a text file in an encoding that could not be decoded); it is not read as an article.',
    'zh-cn': '这看起来是二进制文件（或编码无法解码的文本文件），不作为文章读取。',
    'zh-tw': '這看起來是二進位檔案（或編碼無法解碼的文字檔），不作為文章讀取。',
  },
  { en: 'This file has {0} characters; only the first {1} are read.', 'zh-cn': '此文件有 {0} 个字符，只读取前 {1} 个。', 'zh-tw': '此檔案有 {0} 個字元，只讀取前 {1} 個。' },
  {
    en: 'This file has {0} characters of text, more than the {1} that are searched for figures and meetings: only its outline is shown.',
    'zh-cn': '此文件正文有 {0} 个字符，超过查找人物和会晤的上限 {1}：只显示其大纲。',
    'zh-tw': '此檔案內文有 {0} 個字元，超過查找人物和會晤的上限 {1}：只顯示其大綱。',
  },
  {
    en: 'Summit Lens could not analyse this article ({0}); it is left out of outlines and references. Please report this file.',
    'zh-cn': 'Summit Lens 无法分析这篇文章（{0}），大纲和引用中不包括它。请报告此文件。',
    'zh-tw': 'Summit Lens 無法分析這篇文章（{0}），大綱和參照中不包括它。請回報此檔案。',
  },
  {
    en: 'No title in the file: its first sentence serves as the title. Add a `title:` to the front matter or a heading to give one.',
    'zh-cn': '文件中没有标题：以第一句作为标题。可在 front matter 中添加 `title:` 或加一个标题来指定。',
    'zh-tw': '檔案中沒有標題：以第一句作為標題。可在 front matter 中加入 `title:` 或加一個標題來指定。',
  },
  {
    en: 'No title found (front matter `title`, a `[title](url)` header, an underlined or `#` heading, `<title>`, or a first sentence).',
    'zh-cn': '未找到标题（front matter 的 `title`、`[title](url)` 头、带下划线或 `#` 的标题、`<title>` 或第一句）。',
    'zh-tw': '未找到標題（front matter 的 `title`、`[title](url)` 頭、帶底線或 `#` 的標題、`<title>` 或第一句）。',
  },
  {
    en: 'Front matter {0} {1} is not a date Summit Lens can read (expected e.g. 2023-10-29).',
    'zh-cn': 'front matter 的 {0} {1} 不是 Summit Lens 能读取的日期（应形如 2023-10-29）。',
    'zh-tw': 'front matter 的 {0} {1} 不是 Summit Lens 能讀取的日期（應形如 2023-10-29）。',
  },
  {
    en: 'The {0} says {1}, later than the date {2} the {3} gives: one of them is wrong.',
    'zh-cn': '{0}写的是 {1}，晚于{3}给出的日期 {2}：其中必有一处有误。',
    'zh-tw': '{0}寫的是 {1}，晚於{3}給出的日期 {2}：其中必有一處有誤。',
    phrases: [0, 3],
  },
  {
    en: 'The date {0} is derived from {1}; no front matter, page metadata, dateline or byline gives it. Add `date:` to the front matter to confirm it.',
    'zh-cn': '日期 {0} 是从{1}推断的；front matter、页面元数据、电头和署名都没有给出日期。可在 front matter 中添加 `date:` 加以确认。',
    'zh-tw': '日期 {0} 是從{1}推斷的；front matter、頁面後設資料、電頭和署名都沒有給出日期。可在 front matter 中加入 `date:` 加以確認。',
    phrases: [1],
  },
  {
    en: 'No date found, so relative dates (周三, 昨天) cannot be resolved to a meeting.{0} Add `date:` to the front matter or a `<!--epoch-ms-->` stamp.',
    'zh-cn': '未找到日期，因此相对日期（周三、昨天）无法对应到会晤。{0}可在 front matter 中添加 `date:`，或加一个 `<!--epoch-ms-->` 时间戳。',
    'zh-tw': '未找到日期，因此相對日期（周三、昨天）無法對應到會晤。{0}可在 front matter 中加入 `date:`，或加一個 `<!--epoch-ms-->` 時間戳。',
    phrases: [0],
  },
  {
    en: 'Front matter starts with `{0}` but is never closed; the file is read as if it had none.',
    'zh-cn': 'front matter 以 `{0}` 开头但没有结束；此文件按没有 front matter 读取。',
    'zh-tw': 'front matter 以 `{0}` 開頭但沒有結束；此檔案按沒有 front matter 讀取。',
  },
  { en: 'Front matter is not valid YAML: {0}', 'zh-cn': 'front matter 不是有效的 YAML：{0}', 'zh-tw': 'front matter 不是有效的 YAML：{0}' },
  { en: 'Front matter could not be read: {0}', 'zh-cn': '无法读取 front matter：{0}', 'zh-tw': '無法讀取 front matter：{0}' },
  { en: 'Front matter has `{0}` twice; the last one is used.', 'zh-cn': 'front matter 中 `{0}` 出现了两次；使用后一个。', 'zh-tw': 'front matter 中 `{0}` 出現了兩次；使用後一個。' },
  {
    en: 'Front matter should be a YAML mapping of fields (title, date, author …).',
    'zh-cn': 'front matter 应是字段的 YAML 映射（title、date、author……）。',
    'zh-tw': 'front matter 應是欄位的 YAML 對應（title、date、author……）。',
  },
  { en: 'Front matter line is not TOML `key = value`.', 'zh-cn': 'front matter 的这一行不是 TOML 的 `key = value`。', 'zh-tw': 'front matter 的這一行不是 TOML 的 `key = value`。' },
  {
    en: 'Front matter value of `{0}` is not a TOML value Summit Lens can read.',
    'zh-cn': 'front matter 中 `{0}` 的值不是 Summit Lens 能读取的 TOML 值。',
    'zh-tw': 'front matter 中 `{0}` 的值不是 Summit Lens 能讀取的 TOML 值。',
  },
  // The workspace's knowledge files (.summit-lens/figures.yaml, meetings.yaml), shown on their lines.
  { en: 'YAML syntax error: {0}', 'zh-cn': 'YAML 语法错误：{0}', 'zh-tw': 'YAML 語法錯誤：{0}' },
  { en: 'The figure catalogue must be a list of figures (each starting with `- id: ...`).', 'zh-cn': '人物目录必须是人物的列表（每项以 `- id: ...` 开头）。', 'zh-tw': '人物目錄必須是人物的清單（每項以 `- id: ...` 開頭）。' },
  { en: 'Entry {0} is not a mapping of fields (id, en, zh, names, ...); it is skipped.', 'zh-cn': '第 {0} 项不是字段的映射（id、en、zh、names……），已跳过。', 'zh-tw': '第 {0} 項不是欄位的對應（id、en、zh、names……），已略過。' },
  { en: 'Duplicate figure id "{0}"{1}; this entry is skipped.', 'zh-cn': '人物 id "{0}" 重复{1}；此条目已跳过。', 'zh-tw': '人物 id "{0}" 重複{1}；此條目已略過。', phrases: [1] },
  { en: 'Unknown field "{0}" (expected one of {1}).', 'zh-cn': '未知字段 "{0}"（应为 {1} 之一）。', 'zh-tw': '未知欄位 "{0}"（應為 {1} 之一）。' },
  { en: 'Field "{0}" must be a string.', 'zh-cn': '字段 "{0}" 必须是字符串。', 'zh-tw': '欄位 "{0}" 必須是字串。' },
  { en: '{0} has no "id"; it is skipped.', 'zh-cn': '{0}没有 "id"，已跳过。', 'zh-tw': '{0}沒有 "id"，已略過。', phrases: [0] },
  { en: 'Figure {0} has no English name ("en").', 'zh-cn': '人物 {0} 没有英文名（"en"）。', 'zh-tw': '人物 {0} 沒有英文名（"en"）。' },
  { en: 'Figure {0} has no Chinese name ("zh").', 'zh-cn': '人物 {0} 没有中文名（"zh"）。', 'zh-tw': '人物 {0} 沒有中文名（"zh"）。' },
  { en: 'Field "{0}" must be a list of strings, e.g. [拜登, 拜登.].', 'zh-cn': '字段 "{0}" 必须是字符串列表，例如 [拜登, 拜登.]。', 'zh-tw': '欄位 "{0}" 必須是字串清單，例如 [拜登, 拜登.]。' },
  { en: 'Every item of "{0}" must be a non-empty string.', 'zh-cn': '"{0}" 的每一项都必须是非空字符串。', 'zh-tw': '"{0}" 的每一項都必須是非空字串。' },
  { en: 'Field "roles" must be a list of {zh, en, from, to}.', 'zh-cn': '字段 "roles" 必须是 {zh, en, from, to} 的列表。', 'zh-tw': '欄位 "roles" 必須是 {zh, en, from, to} 的清單。' },
  { en: 'Each role must be a mapping {zh, en, from, to}.', 'zh-cn': '每个职务都必须是映射 {zh, en, from, to}。', 'zh-tw': '每個職務都必須是對應 {zh, en, from, to}。' },
  { en: 'Unknown role field "{0}" (expected zh, en, from, to, source).', 'zh-cn': '未知的职务字段 "{0}"（应为 zh、en、from、to、source）。', 'zh-tw': '未知的職務欄位 "{0}"（應為 zh、en、from、to、source）。' },
  { en: 'Role field "{0}" must be a string.', 'zh-cn': '职务字段 "{0}" 必须是字符串。', 'zh-tw': '職務欄位 "{0}" 必須是字串。' },
  {
    en: 'Role field "{0}" must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not "{1}".',
    'zh-cn': '职务字段 "{0}" 必须是 ISO 日期（YYYY、YYYY-MM 或 YYYY-MM-DD），而不是 "{1}"。',
    'zh-tw': '職務欄位 "{0}" 必須是 ISO 日期（YYYY、YYYY-MM 或 YYYY-MM-DD），而不是 "{1}"。',
  },
  { en: 'A role needs at least "zh" or "en".', 'zh-cn': '职务至少需要 "zh" 或 "en"。', 'zh-tw': '職務至少需要 "zh" 或 "en"。' },
  { en: 'The meeting catalogue must be a list of meetings (or a `meetings:` list).', 'zh-cn': '会晤目录必须是会晤的列表（或 `meetings:` 列表）。', 'zh-tw': '會晤目錄必須是會晤的清單（或 `meetings:` 清單）。' },
  { en: 'A meeting entry must be a mapping with id, date, kind, title and place.', 'zh-cn': '会晤条目必须是含 id、date、kind、title 和 place 的映射。', 'zh-tw': '會晤條目必須是含 id、date、kind、title 和 place 的對應。' },
  { en: 'Duplicate meeting id `{0}`; the later entry is ignored.', 'zh-cn': '会晤 id `{0}` 重复；后一个条目被忽略。', 'zh-tw': '會晤 id `{0}` 重複；後一個條目被忽略。' },
  {
    en: 'A meeting needs an `id` in kebab-case (e.g. 2023-11-15-woodside); got {0}.',
    'zh-cn': '会晤需要 kebab-case 的 `id`（例如 2023-11-15-woodside）；实际为 {0}。',
    'zh-tw': '會晤需要 kebab-case 的 `id`（例如 2023-11-15-woodside）；實際為 {0}。',
  },
  { en: 'Meeting `{0}`: `date` must be an ISO date (YYYY-MM-DD).', 'zh-cn': '会晤 `{0}`：`date` 必须是 ISO 日期（YYYY-MM-DD）。', 'zh-tw': '會晤 `{0}`：`date` 必須是 ISO 日期（YYYY-MM-DD）。' },
  { en: 'Meeting `{0}`: `beijingDate` must be an ISO date (YYYY-MM-DD).', 'zh-cn': '会晤 `{0}`：`beijingDate` 必须是 ISO 日期（YYYY-MM-DD）。', 'zh-tw': '會晤 `{0}`：`beijingDate` 必須是 ISO 日期（YYYY-MM-DD）。' },
  { en: 'Meeting `{0}`: `kind` must be one of {1}.', 'zh-cn': '会晤 `{0}`：`kind` 必须是 {1} 之一。', 'zh-tw': '會晤 `{0}`：`kind` 必須是 {1} 之一。' },
  { en: 'Meeting `{0}`: `{1}` needs both `zh` and `en`.', 'zh-cn': '会晤 `{0}`：`{1}` 需要同时有 `zh` 和 `en`。', 'zh-tw': '會晤 `{0}`：`{1}` 需要同時有 `zh` 和 `en`。' },
  { en: 'Meeting `{0}`: `place` should give `zh` and `en`.', 'zh-cn': '会晤 `{0}`：`place` 应给出 `zh` 和 `en`。', 'zh-tw': '會晤 `{0}`：`place` 應給出 `zh` 和 `en`。' },
  { en: 'Meeting `{0}`: `summary.en` is missing.', 'zh-cn': '会晤 `{0}`：缺少 `summary.en`。', 'zh-tw': '會晤 `{0}`：缺少 `summary.en`。' },
  { en: 'Meeting `{0}`: `{1}` must be a list of strings.', 'zh-cn': '会晤 `{0}`：`{1}` 必须是字符串列表。', 'zh-tw': '會晤 `{0}`：`{1}` 必須是字串清單。' },
  { en: 'Meeting `{0}`: `{1}` has entries that are not strings; they are ignored.', 'zh-cn': '会晤 `{0}`：`{1}` 中有不是字符串的项，已忽略。', 'zh-tw': '會晤 `{0}`：`{1}` 中有不是字串的項，已忽略。' },
  { en: 'Meeting `{0}`: `country` must be a two-letter country code (CN, US).', 'zh-cn': '会晤 `{0}`：`country` 必须是两个字母的国家代码（CN、US）。', 'zh-tw': '會晤 `{0}`：`country` 必須是兩個字母的國家代碼（CN、US）。' },
  { en: 'Meeting `{0}`: `source` must be a string.', 'zh-cn': '会晤 `{0}`：`source` 必须是字符串。', 'zh-tw': '會晤 `{0}`：`source` 必須是字串。' },
  { en: 'Meeting `{0}`: participant `{1}` is not a figure id in kebab-case.', 'zh-cn': '会晤 `{0}`：参与者 `{1}` 不是 kebab-case 的人物 id。', 'zh-tw': '會晤 `{0}`：參與者 `{1}` 不是 kebab-case 的人物 id。' },
  // A knowledge file that cannot be read at all.
  { en: "Summit Lens did not read {0}: {1} MB is more than a knowledge file's limit of {2} MB.", 'zh-cn': 'Summit Lens 未读取 {0}：{1} MB 超过了知识文件 {2} MB 的上限。', 'zh-tw': 'Summit Lens 未讀取 {0}：{1} MB 超過了知識檔案 {2} MB 的上限。' },
  { en: 'Summit Lens cannot read {0}: {1}', 'zh-cn': 'Summit Lens 无法读取 {0}：{1}', 'zh-tw': 'Summit Lens 無法讀取 {0}：{1}' },
  // Settings with a value Summit Lens cannot use, shown as a warning when they are read.
  { en: 'summitLens.corpus should be a list of folders or globs; the text "{0}" is read as [{1}].', 'zh-cn': 'summitLens.corpus 应是文件夹或 glob 的列表；文本 "{0}" 按 [{1}] 读取。', 'zh-tw': 'summitLens.corpus 應是資料夾或 glob 的清單；文字 "{0}" 按 [{1}] 讀取。' },
  { en: 'summitLens.corpus should be a list of folders or globs, not {0}; {1}.', 'zh-cn': 'summitLens.corpus 应是文件夹或 glob 的列表，而不是 {0}；{1}。', 'zh-tw': 'summitLens.corpus 應是資料夾或 glob 的清單，而不是 {0}；{1}。', phrases: [1] },
  { en: 'summitLens.{0}.enabled should be true or false, not {1}; {2} is used.', 'zh-cn': 'summitLens.{0}.enabled 应为 true 或 false，而不是 {1}；现使用 {2}。', 'zh-tw': 'summitLens.{0}.enabled 應為 true 或 false，而不是 {1}；現使用 {2}。' },
  { en: 'summitLens.reader.default should be true or false, not {0}; {1} is used.', 'zh-cn': 'summitLens.reader.default 应为 true 或 false，而不是 {0}；现使用 {1}。', 'zh-tw': 'summitLens.reader.default 應為 true 或 false，而不是 {0}；現使用 {1}。' },
  { en: 'The summitLens settings should be an object, not {0}; the defaults are used.', 'zh-cn': 'summitLens 设置应是一个对象，而不是 {0}；现使用默认值。', 'zh-tw': 'summitLens 設定應是一個物件，而不是 {0}；現使用預設值。' },
  { en: 'files.exclude should be an object of globs, not {0}; nothing is excluded.', 'zh-cn': 'files.exclude 应是 glob 的对象，而不是 {0}；不排除任何文件。', 'zh-tw': 'files.exclude 應是 glob 的物件，而不是 {0}；不排除任何檔案。' },
  { en: 'The cache folder should be an absolute path, not {0}; analyses are not persisted this session.', 'zh-cn': '缓存文件夹应是绝对路径，而不是 {0}；本次会话不保存分析结果。', 'zh-tw': '快取資料夾應是絕對路徑，而不是 {0}；本次工作階段不保存分析結果。' },
];

/** The parts of problem texts that are our own words: where a date was read, how it was derived. */
export const PROBLEM_PHRASES: readonly ProblemEntry[] = [
  { en: 'dateline', 'zh-cn': '电头', 'zh-tw': '電頭' },
  { en: 'source URL', 'zh-cn': '来源网址', 'zh-tw': '來源網址' },
  { en: 'file name', 'zh-cn': '文件名', 'zh-tw': '檔名' },
  { en: 'front matter', 'zh-cn': ' front matter ', 'zh-tw': ' front matter ' },
  { en: 'stamp', 'zh-cn': '时间戳', 'zh-tw': '時間戳' },
  { en: 'time element', 'zh-cn': ' <time> 元素', 'zh-tw': ' <time> 元素' },
  { en: 'meta', 'zh-cn': '页面 meta 标签', 'zh-tw': '頁面 meta 標籤' },
  { en: 'json-ld', 'zh-cn': ' JSON-LD ', 'zh-tw': ' JSON-LD ' },
  { en: 'the source URL', 'zh-cn': '来源网址', 'zh-tw': '來源網址' },
  { en: 'the file name', 'zh-cn': '文件名', 'zh-tw': '檔名' },
  {
    en: "an upload path's month ({0}) and a day of that month in the text",
    'zh-cn': '上传路径中的月份（{0}）和正文中该月的某一天',
    'zh-tw': '上傳路徑中的月份（{0}）和內文中該月的某一天',
  },
  { en: ' (first on line {0})', 'zh-cn': '（首次出现在第 {0} 行）', 'zh-tw': '（首次出現在第 {0} 行）' },
  { en: 'This entry', 'zh-cn': '此条目', 'zh-tw': '此條目' },
  { en: 'the previous list is kept', 'zh-cn': '保留之前的列表', 'zh-tw': '保留之前的清單' },
  { en: 'articles are recognised by their content', 'zh-cn': '按内容识别文章', 'zh-tw': '按內容識別文章' },
  { en: 'The entry for {0}', 'zh-cn': '{0} 的条目', 'zh-tw': '{0} 的條目' },
  { en: ' Only the month is known ({0}, from an upload path).', 'zh-cn': '只知道月份（{0}，来自上传路径）。', 'zh-tw': '只知道月份（{0}，來自上傳路徑）。' },
];

interface ProblemPattern {
  entry: ProblemEntry;
  pattern: RegExp;
  /** The placeholder number of each capture group, in the order they stand in the English. */
  order: number[];
}

const compiledProblems = new Map<readonly ProblemEntry[], ProblemPattern[]>();

function patternsOf(entries: readonly ProblemEntry[]): ProblemPattern[] {
  let patterns = compiledProblems.get(entries);
  if (!patterns) {
    patterns = entries.map((entry) => {
      const order: number[] = [];
      // Each part is matched lazily between fixed words, inside a short anchored text: no runaway backtracking.
      const source = entry.en.split(/\{(\d)\}/).map((piece, index) => (index % 2 === 1 ? (order.push(Number(piece)), '([\\s\\S]*?)') : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return { entry, pattern: new RegExp(`^${source.join('')}$`), order };
    });
    compiledProblems.set(entries, patterns);
  }
  return patterns;
}

/** `text` by the first of `entries` it matches, its phrase parts by `phrases`; undefined when none matches. */
function translatedWith(text: string, entries: readonly ProblemEntry[], phrases: readonly ProblemEntry[], locale: Exclude<Locale, 'en'>): string | undefined {
  for (const { entry, pattern, order } of patternsOf(entries)) {
    const match = pattern.exec(text);
    if (!match) continue;
    const parts: string[] = [];
    order.forEach((n, index) => (parts[n] = match[index + 1]));
    return entry[locale].replace(/\{(\d)\}/g, (_, n: string) => {
      const part = parts[+n] ?? '';
      return (entry.phrases?.includes(+n) && part !== '' && translatedWith(part, phrases, phrases, locale)) || part;
    });
  }
  return undefined;
}

/**
 * A problem's text in the current locale: the core writes problems in English (see PROBLEMS); a
 * text with no translation is shown as written.
 */
export function problemMessage(english: string): string {
  if (current === 'en') return english;
  return translatedWith(english, PROBLEMS, PROBLEM_PHRASES, current) ?? english;
}

/**
 * Why a mention names its meeting, as the resolver writes it (English reasons joined by commas:
 * `place 旧金山, article's main meeting`). The hover shows it in the locale: each reason is one of
 * these templates; the words quoted from the article ({0} after alias, place, occasion, before
 * the arrow) are kept as written.
 */
export const CUE_REASONS: readonly ProblemEntry[] = [
  { en: "article's main meeting", 'zh-cn': '本文的主要会晤', 'zh-tw': '本文的主要會晤' },
  { en: 'nearest to the article date', 'zh-cn': '离文章日期最近', 'zh-tw': '離文章日期最近' },
  { en: 'nearest {0} to the article date', 'zh-cn': '离文章日期最近的{0}', 'zh-tw': '離文章日期最近的{0}', phrases: [0] },
  { en: 'latest {0} before the article', 'zh-cn': '文章之前最近的一次{0}', 'zh-tw': '文章之前最近的一次{0}', phrases: [0] },
  { en: '{0} most recent {1}s before the article', 'zh-cn': '文章之前最近的 {0} 次{1}', 'zh-tw': '文章之前最近的 {0} 次{1}', phrases: [1] },
  { en: 'meeting number {0} of the pair', 'zh-cn': '两人的第 {0} 次会晤', 'zh-tw': '兩人的第 {0} 次會晤' },
  { en: 'the visit held next', 'zh-cn': '其后举行的那次访问', 'zh-tw': '其後舉行的那次訪問' },
  { en: 'alias {0}', 'zh-cn': '别称 {0}', 'zh-tw': '別稱 {0}' },
  { en: 'place {0}', 'zh-cn': '地点 {0}', 'zh-tw': '地點 {0}' },
  { en: 'occasion {0}', 'zh-cn': '场合 {0}', 'zh-tw': '場合 {0}' },
  { en: '{0} → the {1} about {2} days before', 'zh-cn': '{0} → 约 {2} 天前的{1}', 'zh-tw': '{0} → 約 {2} 天前的{1}', phrases: [1] },
  { en: '{0} → about {1}', 'zh-cn': '{0} → 约 {1}', 'zh-tw': '{0} → 約 {1}', phrases: [1] },
  { en: '{0} → {1}', 'zh-cn': '{0} → {1}', 'zh-tw': '{0} → {1}', phrases: [1] },
];

/** The words inside reasons: kinds of meeting, and the days and months of resolved dates. */
export const CUE_PHRASES: readonly ProblemEntry[] = [
  { en: 'meeting', 'zh-cn': '会晤', 'zh-tw': '會晤' },
  { en: 'call', 'zh-cn': '通话', 'zh-tw': '通話' },
  { en: 'video', 'zh-cn': '视频会晤', 'zh-tw': '視訊會晤' },
  { en: 'in-person', 'zh-cn': '面对面会晤', 'zh-tw': '面對面會晤' },
  { en: 'visit', 'zh-cn': '访问', 'zh-tw': '訪問' },
  ...(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const).map((day, index) => ({
    en: `${day} {0}`,
    'zh-cn': `${MESSAGES[`weekday.${index}` as MessageKey]['zh-cn']} {0}`,
    'zh-tw': `${MESSAGES[`weekday.${index}` as MessageKey]['zh-tw']} {0}`,
  })),
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((month, index) => ({
    en: `${month} {0}`,
    'zh-cn': `{0}年${index + 1}月`,
    'zh-tw': `{0}年${index + 1}月`,
  })),
];

/** Why a mention names its meeting, in the current locale; a reason with no template is kept as written. */
export function cueLabel(cue: string): string {
  if (current === 'en') return cue;
  const locale = current;
  return cue
    .split(', ')
    .map((reason) => translatedWith(reason, CUE_REASONS, CUE_PHRASES, locale) ?? reason)
    .join('，');
}
