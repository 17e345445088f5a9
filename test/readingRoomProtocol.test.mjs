// The reading room over LSP: the side bar's requests, the index-changed notification, the reader
// as a virtual document where hover, references and highlights answer, and the reader setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, sampleDir } from './support/core.mjs';
import { startServer, positionOf } from './support/lspClient.mjs';

const BBC = '003_631281b403010862.txt';

async function withServer(run, settings) {
  const server = await startServer({ folders: [sampleDir], settings });
  const notifications = [];
  server.connection.onNotification('summitLens/indexChanged', () => notifications.push(Date.now()));
  try {
    await server.indexed;
    await run(server, notifications);
  } finally {
    await server.stop();
  }
}

function readerOf(server, file) {
  return core.readerUri(server.uriOf(file));
}

test('the side bar asks the server for its trees, and is told when the index changed', async () => {
  await withServer(async (server, notifications) => {
    const deadline = Date.now() + 15000;
    while (notifications.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(notifications.length > 0, 'indexing ends with summitLens/indexChanged');

    const groups = await server.request('summitLens/readingRoom', { view: 'meetings' });
    const biden = groups.find((group) => group.label === '拜登 · 习近平');
    const meetings = await server.request('summitLens/readingRoom', { view: 'meetings', parent: biden.id });
    const woodside = meetings.find((meeting) => meeting.label.startsWith('2023-11-15'));
    assert.match(woodside.description, / · 3 articles$/);
    const articles = await server.request('summitLens/readingRoom', { view: 'meetings', parent: woodside.id });
    assert.deepEqual(articles.map((article) => article.label), ['分析：拜登习近平11月会谈的背后原因', '习拜会成果、争议及利害关系解析', '拜登"再会"习近平 美中关系困扰何在？']);
    const mentions = await server.request('summitLens/readingRoom', { view: 'meetings', parent: articles[0].id });
    assert.ok(mentions.length > 1 && mentions.every((mention) => mention.open.uri === server.uriOf('002_5a86c4bf7c6d1edf.txt')));

    const titles = [];
    for (const year of await server.request('summitLens/readingRoom', { view: 'articles', order: 'date' })) {
      titles.push(...(await server.request('summitLens/readingRoom', { view: 'articles', parent: year.id, order: 'date' })).map((article) => article.label));
    }
    assert.equal(titles.length, 4);
    assert.ok(titles.every((title) => !/\.txt$/.test(title)), titles.join('\n'));

    // An edit of an open article is noticed, without polling.
    const before = notifications.length;
    const text = readFileSync(path.join(sampleDir, BBC), 'utf8');
    await server.open(BBC, text);
    const until = Date.now() + 15000;
    while (notifications.length === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(notifications.length > before, 'opening an article notifies');
  });
});

test('the reader of an HTML article: plain text served by the server, where hover, references and highlights answer in reader positions', async () => {
  await withServer(async (server) => {
    const reader = readerOf(server, BBC);
    const text = await server.request('summitLens/virtualDocument', { uri: reader });
    assert.ok(text.startsWith('中美关系：习近平与拜登周二举行视频会晤 两国紧张关系能否降温？\n2021-11-13 · BBC中文網\n'), text.slice(0, 200));
    assert.ok(!/<\/?[a-z]/.test(text));
    // A client opens the reader like any document: it must not become an article of its own.
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: reader, languageId: 'summit-article', version: 1, text } });

    const at = positionOf(text, '拜登总统');
    const hover = await server.request('textDocument/hover', { textDocument: { uri: reader }, position: at });
    assert.match(hover.contents.value, /Joe Biden/);
    // The hover's range is in the reader: it covers the mention there (拜登, or 拜登总统 with the title).
    assert.deepEqual(hover.range.start, at);
    assert.match(text.split('\n')[at.line].slice(at.character, hover.range.end.character), /^拜登(总统)?$/);

    const references = await server.request('textDocument/references', { textDocument: { uri: reader }, position: at, context: { includeDeclaration: true } });
    const here = references.filter((location) => location.uri === reader);
    assert.ok(here.length > 3, JSON.stringify(references.slice(0, 3)));
    const lines = text.split('\n');
    for (const location of here) assert.match(lines[location.range.start.line].slice(location.range.start.character, location.range.end.character), /^(拜登(总统)?|拜习会)$/);
    assert.ok(references.some((location) => location.uri === server.uriOf('000_07fb47a2ebcb9afd.txt')), 'other articles stay in their source');

    const highlights = await server.request('textDocument/documentHighlight', { textDocument: { uri: reader }, position: at });
    assert.equal(highlights.length, here.length);

    const meeting = positionOf(text, '视频会晤');
    const [definition] = await server.request('textDocument/definition', { textDocument: { uri: reader }, position: meeting });
    assert.equal(definition.uri, 'summit-lens:/meetings/2021-11-16-virtual.md');

    const articles = [];
    for (const year of await server.request('summitLens/readingRoom', { view: 'articles' })) articles.push(...(await server.request('summitLens/readingRoom', { view: 'articles', parent: year.id })));
    assert.equal(articles.length, 4, 'the reader is not an article');
  });
});

test('reader and source positions map both ways, exactly', async () => {
  await withServer(async (server) => {
    const source = readFileSync(path.join(sampleDir, BBC), 'utf8');
    const inSource = positionOf(source, '华春莹');
    const toReader = await server.request('summitLens/readerLocation', { uri: server.uriOf(BBC), position: inSource, direction: 'toReader' });
    assert.equal(toReader.uri, readerOf(server, BBC));
    const text = await server.request('summitLens/virtualDocument', { uri: toReader.uri });
    assert.equal(text.split('\n')[toReader.position.line].slice(toReader.position.character, toReader.position.character + 3), '华春莹');
    const back = await server.request('summitLens/readerLocation', { uri: toReader.uri, position: toReader.position, direction: 'toSource' });
    assert.deepEqual(back, { uri: server.uriOf(BBC), position: inSource });
  });
});

test('with summitLens.reader.default, references and side-bar clicks open HTML articles in the reader; Markdown articles stay in the source', async () => {
  await withServer(async (server) => {
    const source = readFileSync(path.join(sampleDir, BBC), 'utf8');
    const ask = () => server.request('textDocument/references', { textDocument: { uri: server.uriOf(BBC) }, position: positionOf(source, '拜登'), context: { includeDeclaration: true } });
    assert.ok((await ask()).every((location) => location.uri.startsWith('file:')));
    await server.notify('workspace/didChangeConfiguration', { settings: { summitLens: { reader: { default: true } } } });
    const uris = new Set((await ask()).map((location) => location.uri));
    assert.ok(uris.has(readerOf(server, BBC)) && uris.has(readerOf(server, '002_5a86c4bf7c6d1edf.txt')), [...uris].join('\n'));
    // The reStructuredText article is not HTML: its source is already readable.
    assert.ok(uris.has(server.uriOf('000_07fb47a2ebcb9afd.txt')), [...uris].join('\n'));
  });
});
