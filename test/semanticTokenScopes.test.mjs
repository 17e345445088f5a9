// Semantic highlighting as the manifest declares it: every token type and modifier the server's
// legend sends is declared, each type (and the modifiers that change its meaning) maps to a
// TextMate scope so themes without semantic rules colour it, and one setting turns it off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, root } from './support/core.mjs';

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

test('the legend\'s types and modifiers are declared, each custom type under a standard one', () => {
  const declaredTypes = Object.fromEntries(contributes.semanticTokenTypes.map((entry) => [entry.id, entry.superType]));
  assert.deepEqual(declaredTypes, { person: 'variable', meeting: 'event', date: 'number' });
  assert.deepEqual(Object.keys(declaredTypes), [...core.SEMANTIC_TOKEN_TYPES]);
  assert.deepEqual(contributes.semanticTokenModifiers.map((entry) => entry.id), [...core.SEMANTIC_TOKEN_MODIFIERS]);
});

test('each token type, and each modifier that changes its meaning, maps to an article scope', () => {
  assert.equal(contributes.semanticTokenScopes.length, 1);
  const [{ language, scopes }] = contributes.semanticTokenScopes;
  assert.equal(language, 'summit-article');
  assert.deepEqual(scopes, {
    person: ['entity.name.type.person.summit-article'],
    'person.learned': ['entity.name.label.person.summit-article'],
    meeting: ['entity.name.function.meeting.summit-article'],
    'meeting.unlinked': ['comment.meeting.summit-article'],
    date: ['constant.numeric.date.summit-article'],
  });
  for (const selector of Object.keys(scopes)) {
    const [type, ...modifiers] = selector.split('.');
    assert.ok(core.SEMANTIC_TOKEN_TYPES.includes(type), selector);
    for (const modifier of modifiers) assert.ok(core.SEMANTIC_TOKEN_MODIFIERS.includes(modifier), selector);
  }
  for (const type of core.SEMANTIC_TOKEN_TYPES) assert.ok(type in scopes, `${type} has a scope`);
});

test('summitLens.semanticHighlighting.enabled is declared on by default and read by the server', () => {
  const setting = contributes.configuration.properties['summitLens.semanticHighlighting.enabled'];
  assert.equal(setting.type, 'boolean');
  assert.equal(setting.default, true);
  assert.equal(core.DEFAULT_SETTINGS.semanticHighlighting, true);
  assert.equal(core.parseSettings({ summitLens: { semanticHighlighting: { enabled: false } } }).settings.semanticHighlighting, false);
  // Another section's change leaves it as it was.
  const off = core.parseSettings({ summitLens: { semanticHighlighting: { enabled: false } } }).settings;
  assert.equal(core.parseSettings({ summitLens: { codeLens: { enabled: true } } }, off).settings.semanticHighlighting, false);
});

test('articles are coloured by meaning in every theme, also one that does not ask for semantic colours', () => {
  // VS Code's default, "configuredByTheme", would leave the tokens unused under such a theme.
  assert.equal(contributes.configurationDefaults['[summit-article]']['editor.semanticHighlighting.enabled'], true);
});
