// Problems and meeting dates in the display language: the core writes problems in English (they are
// cached that way); the Problems list and `summit-lens check` show them in English, Simplified or
// Traditional Chinese, and meeting dates label their Beijing day in the locale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { core, root } from './support/core.mjs';
import { positionOf, startServer } from './support/lspClient.mjs';

const require = createRequire(import.meta.url);

/** The message table, bundled from its TypeScript source as the server bundles it. */
function loadMessages() {
  const { buildSync } = require('esbuild');
  const built = buildSync({ entryPoints: [path.join(root, 'server/src/core/language/messages.ts')], bundle: true, format: 'cjs', platform: 'neutral', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', built.outputFiles[0].text)(module, module.exports);
  return module.exports;
}

const messages = loadMessages();
const HAN = /[\u4e00-\u9fff]/;
/** What must survive translation: placeholders, code spans and link targets. */
const invariants = (text) => [...text.matchAll(/\{\d\}|`[^`]*`|\]\([^)]*\)/g)].map((match) => match[0]).sort();

/** Each class of problem, from a short article (its file name matters for dates), with its three texts. */
const CASES = [
  {
    file: 'empty.md',
    text: '',
    en: 'Empty file: there is no article to read.',
    'zh-cn': '空文件：没有可读的文章。',
    'zh-tw': '空檔案：沒有可讀的文章。',
  },
  {
    file: 'undated.md',
    text: '---\ntitle: 会晤\n---\n\n拜登与习近平会晤。\n',
    en: 'No date found, so relative dates (周三, 昨天) cannot be resolved to a meeting. Add `date:` to the front matter or a `<!--epoch-ms-->` stamp.',
    'zh-cn': '未找到日期，因此相对日期（周三、昨天）无法对应到会晤。可在 front matter 中添加 `date:`，或加一个 `<!--epoch-ms-->` 时间戳。',
    'zh-tw': '未找到日期，因此相對日期（周三、昨天）無法對應到會晤。可在 front matter 中加入 `date:`，或加一個 `<!--epoch-ms-->` 時間戳。',
  },
  {
    file: 'bad-date.md',
    text: '---\ntitle: 会晤\ndate: 昨天\n---\n\n拜登与习近平会晤。\n',
    en: 'Front matter date "昨天" is not a date Summit Lens can read (expected e.g. 2023-10-29).',
    'zh-cn': 'front matter 的 date "昨天" 不是 Summit Lens 能读取的日期（应形如 2023-10-29）。',
    'zh-tw': 'front matter 的 date "昨天" 不是 Summit Lens 能讀取的日期（應形如 2023-10-29）。',
  },
  {
    file: '2023-11-16-derived.md',
    text: '---\ntitle: 会晤\n---\n\n拜登与习近平会晤。\n',
    en: 'The date 2023-11-16 is derived from the file name; no front matter, page metadata, dateline or byline gives it. Add `date:` to the front matter to confirm it.',
    'zh-cn': '日期 2023-11-16 是从文件名推断的；front matter、页面元数据、电头和署名都没有给出日期。可在 front matter 中添加 `date:` 加以确认。',
    'zh-tw': '日期 2023-11-16 是從檔名推斷的；front matter、頁面後設資料、電頭和署名都沒有給出日期。可在 front matter 中加入 `date:` 加以確認。',
  },
  {
    file: '2023-12-20-later.md',
    text: '---\ntitle: 会晤\ndate: 2023-11-16\n---\n\n拜登与习近平会晤。\n',
    en: 'The file name says 2023-12-20, later than the date 2023-11-16 the front matter gives: one of them is wrong.',
    'zh-cn': '文件名写的是 2023-12-20，晚于 front matter 给出的日期 2023-11-16：其中必有一处有误。',
    'zh-tw': '檔名寫的是 2023-12-20，晚於 front matter 給出的日期 2023-11-16：其中必有一處有誤。',
  },
  {
    file: 'dateline.md',
    text: '---\ntitle: 会晤\ndate: 2023-11-16\n---\n\n新华社北京12月20日电 拜登与习近平会晤。\n',
    en: 'The dateline says 2023-12-20, later than the date 2023-11-16 the front matter gives: one of them is wrong.',
    'zh-cn': '电头写的是 2023-12-20，晚于 front matter 给出的日期 2023-11-16：其中必有一处有误。',
    'zh-tw': '電頭寫的是 2023-12-20，晚於 front matter 給出的日期 2023-11-16：其中必有一處有誤。',
  },
  {
    file: 'twice.md',
    text: '---\ntitle: 会晤\ndate: 2023-11-16\ntitle: 又\n---\n\n拜登与习近平会晤。\n',
    en: 'Front matter has `title` twice; the last one is used.',
    'zh-cn': 'front matter 中 `title` 出现了两次；使用后一个。',
    'zh-tw': 'front matter 中 `title` 出現了兩次；使用後一個。',
  },
  {
    file: 'unclosed.md',
    text: '---\ntitle: 会晤\ndate: 2023-11-16\n\n拜登与习近平会晤。\n',
    en: 'Front matter starts with `---` but is never closed; the file is read as if it had none.',
    'zh-cn': 'front matter 以 `---` 开头但没有结束；此文件按没有 front matter 读取。',
    'zh-tw': 'front matter 以 `---` 開頭但沒有結束；此檔案按沒有 front matter 讀取。',
  },
  {
    // The YAML parser's own words are shown as it writes them.
    file: 'yaml.md',
    text: '---\ntitle: [会晤\ndate: 2023-11-16\n---\n\n拜登与习近平会晤。\n',
    en: 'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    'zh-cn': 'front matter 不是有效的 YAML：Flow sequence in block collection must be sufficiently indented and end with a ]',
    'zh-tw': 'front matter 不是有效的 YAML：Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    file: 'list.md',
    text: '---\n- a\n- b\n---\n\n# 会晤\n\n2023年11月16日 拜登与习近平会晤。\n',
    en: 'Front matter should be a YAML mapping of fields (title, date, author …).',
    'zh-cn': 'front matter 应是字段的 YAML 映射（title、date、author……）。',
    'zh-tw': 'front matter 應是欄位的 YAML 對應（title、date、author……）。',
  },
  {
    file: 'toml.md',
    text: '+++\ntitle = "会晤"\ndate = 2023-11-16\nbad line\n+++\n\n拜登与习近平会晤。\n',
    en: 'Front matter line is not TOML `key = value`.',
    'zh-cn': 'front matter 的这一行不是 TOML 的 `key = value`。',
    'zh-tw': 'front matter 的這一行不是 TOML 的 `key = value`。',
  },
  {
    file: 'untitled.txt',
    text: '拜登与习近平在旧金山会晤。他们谈了很久。\n\n2023年11月16日\n',
    en: 'No title in the file: its first sentence serves as the title. Add a `title:` to the front matter or a heading to give one.',
    'zh-cn': '文件中没有标题：以第一句作为标题。可在 front matter 中添加 `title:` 或加一个标题来指定。',
    'zh-tw': '檔案中沒有標題：以第一句作為標題。可在 front matter 中加入 `title:` 或加一個標題來指定。',
  },
  {
    file: 'binary.md',
    text: 'PK\u0003\u0004\u0000\u0000binary',
    en: 'This looks like a binary file (or a text file in an encoding that could not be decoded); it is not read as an article.',
    'zh-cn': '这看起来是二进制文件（或编码无法解码的文本文件），不作为文章读取。',
    'zh-tw': '這看起來是二進位檔案（或編碼無法解碼的文字檔），不作為文章讀取。',
  },
];

test('each class of article problem reads in English, Simplified and Traditional Chinese', () => {
  const lens = core.createSummitLens();
  try {
    for (const example of CASES) {
      const problems = lens.analyze(`file:///corpus/${example.file}`, example.text).problems.map((problem) => problem.message);
      assert.ok(problems.includes(example.en), `${example.file}: ${JSON.stringify(problems)}`);
      for (const locale of ['en', 'zh-cn', 'zh-tw']) {
        messages.setLocale(locale);
        assert.equal(messages.problemMessage(example.en), example[locale], `${example.file} ${locale}`);
      }
    }
  } finally {
    messages.setLocale('en');
  }
});

test("a date derived from an upload path's month, and a month alone, name it in the locale", () => {
  const derived = "The date 2021-09-10 is derived from an upload path's month (2021-09) and a day of that month in the text; no front matter, page metadata, dateline or byline gives it. Add `date:` to the front matter to confirm it.";
  const monthOnly = 'No date found, so relative dates (周三, 昨天) cannot be resolved to a meeting. Only the month is known (2021-09, from an upload path). Add `date:` to the front matter or a `<!--epoch-ms-->` stamp.';
  try {
    messages.setLocale('zh-cn');
    assert.equal(messages.problemMessage(derived), '日期 2021-09-10 是从上传路径中的月份（2021-09）和正文中该月的某一天推断的；front matter、页面元数据、电头和署名都没有给出日期。可在 front matter 中添加 `date:` 加以确认。');
    assert.equal(messages.problemMessage(monthOnly), '未找到日期，因此相对日期（周三、昨天）无法对应到会晤。只知道月份（2021-09，来自上传路径）。可在 front matter 中添加 `date:`，或加一个 `<!--epoch-ms-->` 时间戳。');
    messages.setLocale('zh-tw');
    assert.equal(messages.problemMessage(monthOnly), '未找到日期，因此相對日期（周三、昨天）無法對應到會晤。只知道月份（2021-09，來自上傳路徑）。可在 front matter 中加入 `date:`，或加一個 `<!--epoch-ms-->` 時間戳。');
    // A text the table does not know is shown as written.
    assert.equal(messages.problemMessage('Something new went wrong.'), 'Something new went wrong.');
  } finally {
    messages.setLocale('en');
  }
});

test('every problem template is translated in both scripts and keeps its placeholders and code', () => {
  for (const entry of [...messages.PROBLEMS, ...messages.PROBLEM_PHRASES]) {
    for (const locale of ['zh-cn', 'zh-tw']) {
      // A phrase may stay as written (front matter, JSON-LD); a whole problem never does.
      if (messages.PROBLEMS.includes(entry)) assert.match(entry[locale], HAN, `${entry.en} ${locale}`);
      assert.deepEqual(invariants(entry[locale]), invariants(entry.en), `${entry.en} ${locale}`);
    }
  }
});

test("meeting dates label the Beijing day in the locale", () => {
  const meeting = { date: '2023-11-15', beijingDate: '2023-11-16' };
  try {
    assert.equal(messages.meetingDatesLabel(meeting), '2023-11-15 (Beijing 2023-11-16)');
    messages.setLocale('zh-cn');
    assert.equal(messages.meetingDatesLabel(meeting), '2023-11-15（北京 2023-11-16）');
    assert.equal(messages.meetingDatesLabel({ date: '2024-11-16', beijingDate: '2024-11-16' }), '2024-11-16');
  } finally {
    messages.setLocale('en');
  }
});

test('over LSP the Problems list, hovers and the outline follow the locale; summit-lens check too', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-l10n-problems-'));
  const undated = '---\ntitle: 旧金山会晤\noutlet: 测试社\n---\n\n美国总统拜登与中国国家主席习近平在旧金山会晤。\n';
  writeFileSync(path.join(dir, 'a.md'), undated);
  /** One server at a time in the given locale: its problems for a.md, the meeting hover and the outline's meeting name. */
  const answers = async (locale) => {
    const server = await startServer({ folders: [dir], locale });
    try {
      await server.indexed;
      // Published once indexing has ended.
      const deadline = Date.now() + 30_000;
      while (!server.diagnostics.has(server.uriOf('a.md')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const problems = (server.diagnostics.get(server.uriOf('a.md')) ?? []).map((diagnostic) => diagnostic.message);
      const hover = (await server.request('textDocument/hover', { textDocument: { uri: server.uriOf('a.md') }, position: positionOf(undated, '会晤', 1) })).contents.value;
      const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: server.uriOf('a.md') } });
      const meetings = symbols[0].children.find((child) => /^(Meetings|会晤|會晤)$/.test(child.name));
      return { problems, hover, meeting: meetings.children[0].name };
    } finally {
      await server.stop();
    }
  };
  try {
    const english = await answers('en');
    assert.deepEqual(english.problems, [CASES[1].en]);
    assert.match(english.hover, /^Wednesday 2023-11-15 \(Beijing 2023-11-16\) · /m);
    assert.equal(english.meeting, '拜登与习近平旧金山（费罗丽庄园）会晤 2023-11-15 (Beijing 2023-11-16)');
    const simplified = await answers('zh-cn');
    assert.deepEqual(simplified.problems, [CASES[1]['zh-cn']]);
    assert.match(simplified.hover, /^星期三 2023-11-15（北京 2023-11-16） · /m);
    const traditional = await answers('zh-tw');
    assert.deepEqual(traditional.problems, [CASES[1]['zh-tw']]);
    assert.equal(traditional.meeting, '拜登与习近平旧金山（费罗丽庄园）会晤 2023-11-15（北京 2023-11-16）');

    const check = (locale) => {
      try {
        return execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', dir, '--locale', locale], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
      } catch (error) {
        return error.stdout;
      }
    };
    assert.match(check('zh-tw'), new RegExp(`^a\\.md:1:1: information: ${CASES[1]['zh-tw'].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    assert.match(check('en'), new RegExp(`^a\\.md:1:1: information: ${CASES[1].en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("why a mention names its meeting reads in the locale; the article's words are kept", () => {
  const cases = [
    ["article's main meeting", '本文的主要会晤', '本文的主要會晤'],
    ['place 旧金山, occasion APEC', '地点 旧金山，场合 APEC', '地點 旧金山，場合 APEC'],
    ["周三 → Wednesday 2023-11-15, place 旧金山, article's main meeting", '周三 → 星期三 2023-11-15，地点 旧金山，本文的主要会晤', '周三 → 星期三 2023-11-15，地點 旧金山，本文的主要會晤'],
    ['alias 习拜会, 11月 → November 2023', '别称 习拜会，11月 → 2023年11月', '別稱 习拜会，11月 → 2023年11月'],
    ['上次 → the call about 90 days before', '上次 → 约 90 天前的通话', '上次 → 約 90 天前的通話'],
    ['3 most recent calls before the article', '文章之前最近的 3 次通话', '文章之前最近的 3 次通話'],
    ['明年4月 → 2024-04-01 – 2024-04-30, the visit held next', '明年4月 → 2024-04-01 – 2024-04-30，其后举行的那次访问', '明年4月 → 2024-04-01 – 2024-04-30，其後舉行的那次訪問'],
    ['nearest call to the article date', '离文章日期最近的通话', '離文章日期最近的通話'],
  ];
  try {
    for (const [english, simplified, traditional] of cases) {
      messages.setLocale('en');
      assert.equal(messages.cueLabel(english), english);
      messages.setLocale('zh-cn');
      assert.equal(messages.cueLabel(english), simplified);
      messages.setLocale('zh-tw');
      assert.equal(messages.cueLabel(english), traditional);
    }
  } finally {
    messages.setLocale('en');
  }
});

test("the knowledge files' problems read in the locale in summit-lens check", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-l10n-knowledge-'));
  try {
    mkdirSync(path.join(dir, '.summit-lens'));
    writeFileSync(path.join(dir, '.summit-lens', 'figures.yaml'), '- id: joe-x\n  en: Joe X\n- id: joe-x\n  zh: 乔\n  en: Joe\n');
    writeFileSync(path.join(dir, '.summit-lens', 'meetings.yaml'), '- id: 2030-01-01-x\n  date: soon\n  kind: in-person\n  title: { zh: 会晤, en: A meeting }\n  place: { zh: 某地, en: Somewhere }\n  summary: { en: A meeting. }\n');
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: 会晤\ndate: 2023-11-16\n---\n\n拜登与习近平会晤。\n');
    const check = (locale) => {
      try {
        return execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', dir, '--locale', locale], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
      } catch (error) {
        return error.stdout;
      }
    };
    const problems = (locale) => check(locale).split('\n').filter((line) => line.startsWith('.summit-lens/'));
    assert.deepEqual(problems('en'), [
      '.summit-lens/figures.yaml:1:1: error: Figure "joe-x" has no Chinese name ("zh").',
      '.summit-lens/figures.yaml:3:1: error: Duplicate figure id "joe-x" (first on line 1); this entry is skipped.',
      '.summit-lens/meetings.yaml:2:1: error: Meeting `2030-01-01-x`: `date` must be an ISO date (YYYY-MM-DD).',
    ]);
    assert.deepEqual(problems('zh-cn'), [
      '.summit-lens/figures.yaml:1:1: error: 人物 "joe-x" 没有中文名（"zh"）。',
      '.summit-lens/figures.yaml:3:1: error: 人物 id "joe-x" 重复（首次出现在第 1 行）；此条目已跳过。',
      '.summit-lens/meetings.yaml:2:1: error: 会晤 `2030-01-01-x`：`date` 必须是 ISO 日期（YYYY-MM-DD）。',
    ]);
    assert.deepEqual(problems('zh-tw'), [
      '.summit-lens/figures.yaml:1:1: error: 人物 "joe-x" 沒有中文名（"zh"）。',
      '.summit-lens/figures.yaml:3:1: error: 人物 id "joe-x" 重複（首次出現在第 1 行）；此條目已略過。',
      '.summit-lens/meetings.yaml:2:1: error: 會晤 `2030-01-01-x`：`date` 必須是 ISO 日期（YYYY-MM-DD）。',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a mistyped setting and an unreadable knowledge file are named in the locale', () => {
  const { problems } = core.parseSettings({ summitLens: { corpus: 42, codeLens: { enabled: 'no' } } });
  try {
    messages.setLocale('zh-cn');
    assert.deepEqual(problems.map((problem) => messages.problemMessage(problem)), [
      'summitLens.corpus 应是文件夹或 glob 的列表，而不是 42；按内容识别文章。',
      'summitLens.codeLens.enabled 应为 true 或 false，而不是 "no"；现使用 true。',
    ]);
    messages.setLocale('zh-tw');
    assert.equal(
      messages.problemMessage('Summit Lens cannot read .summit-lens/figures.yaml: EACCES: permission denied'),
      'Summit Lens 無法讀取 .summit-lens/figures.yaml：EACCES: permission denied',
    );
  } finally {
    messages.setLocale('en');
  }
});
