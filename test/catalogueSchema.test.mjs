// The published JSON Schemas (schemas/*.json, offered to users' editors for .summit-lens/*.yaml) hold for
// every built-in catalogue file and reject the mistakes users make.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { root } from './support/core.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const YAML = require('yaml');
const ajv = new Ajv({ allErrors: true });
const figures = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas/figures.schema.json'), 'utf8')));
const meetings = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas/meetings.schema.json'), 'utf8')));

test('every built-in catalogue file is valid under its schema', () => {
  const figureFiles = ['server/data/figures.yaml', ...readdirSync(path.join(root, 'server/data/figures')).filter((name) => name.endsWith('.yaml')).map((name) => `server/data/figures/${name}`)];
  for (const file of figureFiles) assert.ok(figures(YAML.parse(readFileSync(path.join(root, file), 'utf8'))), `${file}: ${JSON.stringify(figures.errors?.slice(0, 3))}`);
  assert.ok(meetings(YAML.parse(readFileSync(path.join(root, 'server/data/meetings.yaml'), 'utf8'))), JSON.stringify(meetings.errors?.slice(0, 3)));
});

test('the figure schema rejects an unknown field, a missing name and a date that is no date', () => {
  assert.equal(figures([{ id: 'a', en: 'A', zh: '甲', nickname: 'x' }]), false);
  assert.ok(figures.errors.some((error) => error.instancePath === '/0' && error.params.additionalProperty === 'nickname'));
  assert.equal(figures([{ id: 'a', en: 'A' }]), false);
  assert.equal(figures([{ id: 'a', en: 'A', zh: '甲', roles: [{ zh: '部长', from: '2021-1-5' }] }]), false);
  assert.equal(figures({ figures: [{ id: 'a', en: 'A', zh: '甲', roles: [{ zh: '部长', from: 2021, to: '2023-05' }] }] }), true);
});

test('the meeting schema rejects a kind it does not know and a date without its day', () => {
  const meeting = { id: '2025-10-30-busan', date: '2025-10-30', kind: 'in-person', title: { zh: '釜山会晤', en: 'Busan' }, place: { zh: '釜山', en: 'Busan' }, summary: 'Met in Busan.' };
  assert.equal(meetings([meeting]), true);
  assert.equal(meetings([{ ...meeting, kind: 'dinner' }]), false);
  assert.equal(meetings([{ ...meeting, date: '2025-10' }]), false);
});
