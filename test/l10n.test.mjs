// The interface in English, Simplified and Traditional Chinese: the manifest's %keys%, the
// client's l10n bundles and the language server's message table are complete in all three.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { root } from './support/core.mjs';
import { clientMessages, localisableFields } from '../scripts/l10n.mjs';

const require = createRequire(import.meta.url);
const json = (name) => JSON.parse(readFileSync(path.join(root, name), 'utf8'));
const HAN = /[\u4e00-\u9fff]/;
/** What must survive translation: placeholders, code spans and link targets. */
const invariants = (text) => [...text.matchAll(/\{\d\}|`[^`]*`|\]\([^)]*\)/g)].map((match) => match[0]).sort();

/** The message table, bundled from its TypeScript source as the server bundles it. */
function loadMessages() {
  const { buildSync } = require('esbuild');
  const built = buildSync({ entryPoints: [path.join(root, 'server/src/core/language/messages.ts')], bundle: true, format: 'cjs', platform: 'neutral', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', built.outputFiles[0].text)(module, module.exports);
  return module.exports;
}

test('package.nls.json and both Chinese files have the same keys, each translated', () => {
  const english = json('package.nls.json');
  for (const language of ['zh-cn', 'zh-tw']) {
    const translated = json(`package.nls.${language}.json`);
    assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), language);
    for (const [key, text] of Object.entries(translated)) {
      // A brand name ("Summit Lens") stays as it is; every other text is in Chinese.
      if (english[key] !== 'Summit Lens') assert.match(text, HAN, `${language} ${key}`);
      assert.deepEqual(invariants(text), invariants(english[key]), `${language} ${key} keeps placeholders, code and links`);
    }
  }
});

test('every %key% in package.json is defined, and every command, view and setting text is a %key%', () => {
  const english = json('package.nls.json');
  const manifestText = readFileSync(path.join(root, 'package.json'), 'utf8');
  for (const [, key] of manifestText.matchAll(/"%([^%"\s]+)%"/g)) assert.ok(key in english, `%${key}% has an English text`);
  const literal = localisableFields(json('package.json')).filter(([holder, property]) => !/^%[^%\s]+%$/.test(holder[property]));
  assert.deepEqual(literal.map(([, , key]) => key), [], 'run `node scripts/l10n.mjs` and translate what it prints');
  assert.equal(json('package.json').l10n, './l10n');
});

test('the Simplified file is in simplified and the Traditional file in traditional characters', () => {
  const simplified = json('package.nls.zh-cn.json');
  const traditional = json('package.nls.zh-tw.json');
  assert.equal(simplified['command.summitLens.reindex.title'], '重新索引语料');
  assert.equal(traditional['command.summitLens.reindex.title'], '重新索引語料');
  assert.equal(simplified['view.summitLens.meetings.name'], '会晤');
  assert.equal(traditional['view.summitLens.meetings.name'], '會晤');
});

test("every vscode.l10n.t message of the client is in the English bundle and both Chinese bundles", () => {
  const messages = clientMessages();
  assert.ok(messages.includes('Summit Lens indexed {0} articles.'), 'the re-index message is localised');
  const bundle = json('l10n/bundle.l10n.json');
  for (const message of messages) assert.equal(bundle[message], message, `l10n/bundle.l10n.json has ${message}`);
  for (const language of ['zh-cn', 'zh-tw']) {
    const translated = json(`l10n/bundle.l10n.${language}.json`);
    for (const message of messages) {
      assert.ok(message in translated, `${language} bundle lacks ${message}`);
      assert.match(translated[message], HAN, `${language}: ${message}`);
      assert.deepEqual(invariants(translated[message]), invariants(message), `${language}: ${message} keeps its placeholders`);
    }
  }
  assert.equal(json('l10n/bundle.l10n.zh-cn.json')['Summit Lens indexed {0} articles.'], 'Summit Lens 已索引 {0} 篇文章。');
});

test('.vscodeignore ships the nls files and the l10n bundles', () => {
  const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
  for (const line of ['!package.nls.json', '!package.nls.*.json', '!l10n/*.json']) assert.ok(ignore.includes(line), line);
});

test('every server message has English, Simplified and Traditional text with the same placeholders', () => {
  const { MESSAGES, LOCALES } = loadMessages();
  assert.deepEqual([...LOCALES], ['en', 'zh-cn', 'zh-tw']);
  for (const [key, entry] of Object.entries(MESSAGES)) {
    assert.deepEqual(Object.keys(entry).sort(), ['en', 'zh-cn', 'zh-tw'], key);
    const forms = [entry.en].flat();
    for (const form of forms) assert.deepEqual(invariants(form), invariants(forms[0]), `${key}: English forms`);
    for (const language of ['zh-cn', 'zh-tw']) {
      assert.ok(entry[language].trim(), `${key} ${language}`);
      assert.deepEqual(invariants(entry[language]), invariants(forms[0]), `${key} ${language} placeholders`);
    }
  }
});

test('locale tags from editors and shells choose the right messages', () => {
  const { localeOf } = loadMessages();
  const cases = { 'zh-cn': 'zh-cn', 'zh-CN': 'zh-cn', zh: 'zh-cn', 'zh-Hans': 'zh-cn', 'zh_SG.UTF-8': 'zh-cn', 'zh-tw': 'zh-tw', 'zh_TW.UTF-8': 'zh-tw', 'zh-HK': 'zh-tw', 'zh-Hant-MO': 'zh-tw', en: 'en', 'en-US': 'en', 'C.UTF-8': 'en', '': 'en', undefined: 'en', zu: 'en' };
  for (const [tag, locale] of Object.entries(cases)) assert.equal(localeOf(tag === 'undefined' ? undefined : tag), locale, tag);
});

test('messages fill placeholders, choose English singular or plural, and follow the locale set', () => {
  const { message, setLocale, weekdayLabel, meetingKindLabel } = loadMessages();
  assert.equal(message('hover.mentionsHere', 1), '1 mention in this article');
  assert.equal(message('hover.mentionsHere', 18), '18 mentions in this article');
  assert.equal(message('count.article', '1,234'), '1,234 articles');
  assert.equal(message('progress.indexing', '1,234', '3,000'), 'Indexing 1,234 / 3,000 articles');
  assert.equal(weekdayLabel('2023-11-15'), 'Wednesday');
  assert.equal(setLocale('zh-CN'), 'zh-cn');
  assert.equal(message('progress.indexing', '1,234', '3,000'), '正在索引 1,234 / 3,000 篇文章');
  assert.equal(weekdayLabel('2023-11-15'), '星期三');
  assert.equal(meetingKindLabel('video'), '视频会晤');
  assert.equal(setLocale('zh-TW'), 'zh-tw');
  assert.equal(meetingKindLabel('video'), '視訊會晤');
  assert.equal(message('hover.inArticles', 4), '見於 4 篇文章');
  // A kind the table does not know is shown as the data writes it.
  assert.equal(meetingKindLabel('summit'), 'summit');
  setLocale('en');
});

test('the CLI writes English unless --locale or LANG names Chinese', () => {
  const { execFileSync } = require('node:child_process');
  const compare = (extra, env) => execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'compare', '2023-11-15-woodside', path.join(root, 'examples/corpus'), '--markdown', ...extra], { env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env }, encoding: 'utf8' });
  const english = compare([], { LANG: 'C.UTF-8' });
  assert.match(english, /^3 articles from 3 outlets, \d+ sentences mentioning the meeting\.$/m);
  assert.match(english, /^Before: 1 · during: 0 · after: 2\.$/m);
  const simplified = compare(['--locale', 'zh-cn'], { LANG: 'C.UTF-8' });
  assert.match(simplified, /^来自 3 家媒体的 3 篇文章，其中 \d+ 句提及此次会晤。$/m);
  assert.match(simplified, /^会晤前：1 · 会晤期间：0 · 会晤后：2。$/m);
  const traditional = compare([], { LANG: 'zh_TW.UTF-8' });
  assert.match(traditional, /^會晤前：1 · 會晤期間：0 · 會晤後：2。$/m);
  // The meeting's title is the catalogue's, as written.
  assert.match(traditional, /^# 拜登与习近平旧金山（费罗丽庄园）会晤$/m);
});
