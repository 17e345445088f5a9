// The language server speaks the editor's display language: `initialize`'s locale chooses the
// labels of hovers, code lenses, pages and progress; article text is shown as written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sampleDir, seed } from './support/core.mjs';
import { startServer, positionOf } from './support/lspClient.mjs';

const seed000 = seed('000');
const seed002 = seed('002');
const MEETING_PAGE = 'summit-lens:/meetings/2023-11-15-woodside.md';
let workspace;
const servers = {};

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'summit-lens-l10n-'));
  cpSync(sampleDir, workspace, { recursive: true });
  for (const locale of ['en', 'zh-cn', 'zh-tw']) {
    // The default server gets no locale at all, as a client that sends none.
    servers[locale] = await startServer({ folders: [workspace], cacheDir: path.join(workspace, `.cache-${locale}`), locale: locale === 'en' ? undefined : locale });
    await servers[locale].indexed;
  }
});

after(async () => {
  for (const server of Object.values(servers)) await server?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const figureHover = (server) => server.request('textDocument/hover', { textDocument: { uri: server.uriOf(seed002.name) }, position: positionOf(seed002.text, '拜登', 3) });
const meetingHover = (server) => server.request('textDocument/hover', { textDocument: { uri: server.uriOf(seed000.name) }, position: positionOf(seed000.text, '周三的习拜会') });
const lenses = (server) => server.request('textDocument/codeLens', { textDocument: { uri: server.uriOf(seed000.name) } });
const page = (server) => server.request('summitLens/virtualDocument', { uri: MEETING_PAGE });

test('without a locale the hover labels are English', async () => {
  const lines = (await figureHover(servers.en)).contents.value.split('\n');
  assert.equal(lines[2], '美国总统 · President of the United States (as of 2023-10-29)');
  assert.equal(lines[4], 'Introduced here as: «将共同努力推动美国总统拜登»');
  assert.match(lines[6], /^\d+ mentions in this article · in \d+ articles · \[definition\]\(file:/);
  const meeting = (await meetingHover(servers.en)).contents.value;
  assert.match(meeting, /^Wednesday 2023-11-15 \(Beijing 2023-11-16\) · .* · in person · /m);
  assert.match(meeting, /^Resolved by: /m);
  assert.match(meeting, /^Mentioned in \d+ articles · \[details\]\(summit-lens:\/meetings\/2023-11-15-woodside\.md\)$/m);
  assert.equal(servers.en.progress.find((value) => value.kind === 'begin').message, 'Indexing 0 / 4 articles');
});

test('with zh-cn the hover labels are Simplified Chinese and the article text is as written', async () => {
  const lines = (await figureHover(servers['zh-cn'])).contents.value.split('\n');
  assert.equal(lines[0], '**拜登总统** — 拜登 · Joe Biden');
  assert.equal(lines[2], '美国总统 · President of the United States（截至 2023-10-29）');
  assert.equal(lines[4], '本文的介绍：«将共同努力推动美国总统拜登»');
  assert.match(lines[6], /^本文提及 \d+ 次 · 见于 \d+ 篇文章 · \[定义\]\(file:/);
  const meeting = (await meetingHover(servers['zh-cn'])).contents.value;
  assert.match(meeting, /^星期三 2023-11-15（北京 2023-11-16） · .* · 面对面会晤 · /m);
  assert.match(meeting, /^判定依据：/m);
  assert.match(meeting, /^\d+ 篇文章提及 · \[详情\]\(summit-lens:\/meetings\/2023-11-15-woodside\.md\)$/m);
  assert.doesNotMatch(meeting, /Mentioned in|Resolved by|in person/);
});

test('with zh-tw the labels are Traditional Chinese, while a simplified article stays simplified', async () => {
  const lines = (await figureHover(servers['zh-tw'])).contents.value.split('\n');
  assert.equal(lines[0], '**拜登总统** — 拜登 · Joe Biden');
  assert.equal(lines[4], '本文的介紹：«将共同努力推动美国总统拜登»');
  assert.match(lines[6], /^本文提及 \d+ 次 · 見於 \d+ 篇文章 · \[定義\]\(file:/);
  const meeting = (await meetingHover(servers['zh-tw'])).contents.value;
  assert.match(meeting, /^星期三 2023-11-15（北京 2023-11-16） · .* · 面對面會晤 · /m);
  assert.match(meeting, /^判定依據：/m);
  assert.match(meeting, /^\d+ 篇文章提及 · \[詳情\]\(summit-lens:\/meetings\/2023-11-15-woodside\.md\)$/m);
});

test('code lenses and indexing progress follow the locale', async () => {
  assert.match((await lenses(servers.en))[0].command.title, /^拜登与习近平旧金山会晤 .*: \d+ mentions here · in \d+ articles$/);
  assert.match((await lenses(servers['zh-cn']))[0].command.title, /^拜登与习近平旧金山会晤 .*：本文 \d+ 次 · 共 \d+ 篇文章$/);
  assert.equal(servers['zh-cn'].progress.find((value) => value.kind === 'begin').message, '正在索引 0 / 4 篇文章');
  assert.equal(servers['zh-tw'].progress.find((value) => value.kind === 'begin').message, '正在索引 0 / 4 篇文章');
});

test("a meeting's page has headings and labels in the locale, and the catalogue's words as written", async () => {
  const english = await page(servers.en);
  assert.match(english, /^- \*\*Date:\*\* Wednesday 2023-11-15 local time · Thursday 2023-11-16 Beijing time$/m);
  assert.match(english, /^## Articles \(\d+\)$/m);
  const simplified = await page(servers['zh-cn']);
  assert.match(simplified, /^# 拜登与习近平旧金山（费罗丽庄园）会晤$/m);
  assert.match(simplified, /^- \*\*日期:\*\* 当地时间 星期三 2023-11-15 · 北京时间 星期四 2023-11-16$/m);
  assert.match(simplified, /^- \*\*形式:\*\* 面对面会晤$/m);
  assert.match(simplified, /^## 概要$/m);
  assert.match(simplified, /^## 文章（\d+）$/m);
  const traditional = await page(servers['zh-tw']);
  assert.match(traditional, /^- \*\*日期:\*\* 當地時間 星期三 2023-11-15 · 北京時間 星期四 2023-11-16$/m);
  assert.match(traditional, /^- \*\*參與者:\*\* /m);
  // The catalogue's own title is shown as written, not converted to traditional characters.
  assert.match(traditional, /^# 拜登与习近平旧金山（费罗丽庄园）会晤$/m);
});

test("the outline's own group names follow the locale; the article's headings are as written", async () => {
  const seed003 = seed('003');
  const outline = async (server) => (await server.request('textDocument/documentSymbol', { textDocument: { uri: server.uriOf(seed003.name) } }))[0].children;
  const english = await outline(servers.en);
  assert.equal(english[0].name, 'Metadata');
  assert.match(english.find((child) => child.name === 'Meetings').detail, /^\d+ meetings?$/);
  const simplified = await outline(servers['zh-cn']);
  assert.equal(simplified[0].name, '元数据');
  const meetings = simplified.find((child) => child.name === '会晤');
  assert.match(meetings.detail, /^\d+ 次会晤$/);
  assert.match(meetings.children[0].detail, /^\d+ 处提及$/);
  assert.ok(simplified.some((child) => child.name === '台湾议题如何谈'), 'a section keeps its heading');
  assert.equal((await outline(servers['zh-tw']))[0].name, '後設資料');
});
