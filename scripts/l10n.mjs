// Moves the user-visible strings of package.json (commands, views, settings, welcome texts,
// token descriptions) into package.nls.json as %keys%, writes l10n/bundle.l10n.json from the
// client's `vscode.l10n.t('…')` calls, and lists what the Chinese files lack. Run it after adding
// a command, view, setting or client message (`node scripts/l10n.mjs`), then translate what it
// prints into package.nls.zh-cn.json / .zh-tw.json and l10n/bundle.l10n.zh-cn.json / .zh-tw.json.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (name) => JSON.parse(readFileSync(path.join(root, name), 'utf8'));
const write = (name, value) => writeFileSync(path.join(root, name), `${JSON.stringify(value, null, 2)}\n`);

/** Every localisable string of a manifest as [holder, property, key]. */
export function localisableFields(manifest) {
  const fields = [];
  const add = (holder, property, key) => holder && typeof holder[property] === 'string' && fields.push([holder, property, key]);
  add(manifest, 'description', 'description');
  add(manifest.capabilities?.untrustedWorkspaces, 'description', 'untrustedWorkspaces.description');
  const contributes = manifest.contributes ?? {};
  const configurations = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration].filter(Boolean);
  for (const configuration of configurations) {
    add(configuration, 'title', 'configuration.title');
    for (const [name, setting] of Object.entries(configuration.properties ?? {})) {
      for (const property of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) add(setting, property, `config.${name}.${property}`);
      (setting.enumDescriptions ?? []).forEach((_, i) => add(setting.enumDescriptions, i, `config.${name}.enumDescriptions.${i}`));
      (setting.markdownEnumDescriptions ?? []).forEach((_, i) => add(setting.markdownEnumDescriptions, i, `config.${name}.markdownEnumDescriptions.${i}`));
    }
  }
  for (const command of contributes.commands ?? []) {
    add(command, 'title', `command.${command.command}.title`);
    add(command, 'shortTitle', `command.${command.command}.shortTitle`);
  }
  for (const [place, containers] of Object.entries(contributes.viewsContainers ?? {})) for (const container of containers) add(container, 'title', `viewsContainer.${place}.${container.id}.title`);
  for (const views of Object.values(contributes.views ?? {})) {
    for (const view of views) {
      add(view, 'name', `view.${view.id}.name`);
      add(view, 'contextualTitle', `view.${view.id}.contextualTitle`);
    }
  }
  const welcomeCount = new Map();
  for (const welcome of contributes.viewsWelcome ?? []) {
    const n = welcomeCount.get(welcome.view) ?? 0;
    welcomeCount.set(welcome.view, n + 1);
    add(welcome, 'contents', `viewsWelcome.${welcome.view}${n ? `.${n}` : ''}.contents`);
  }
  for (const type of contributes.semanticTokenTypes ?? []) add(type, 'description', `semanticTokenType.${type.id}.description`);
  for (const modifier of contributes.semanticTokenModifiers ?? []) add(modifier, 'description', `semanticTokenModifier.${modifier.id}.description`);
  for (const walkthrough of contributes.walkthroughs ?? []) {
    add(walkthrough, 'title', `walkthrough.${walkthrough.id}.title`);
    add(walkthrough, 'description', `walkthrough.${walkthrough.id}.description`);
  }
  return fields;
}

const PLACEHOLDER = /^%([^%\s]+)%$/;

/** The messages of every `vscode.l10n.t('…')` call in the client (one quoted literal each). */
export function clientMessages() {
  const messages = new Set();
  const folder = path.join(root, 'client/src');
  for (const name of readdirSync(folder, { recursive: true })) {
    if (!String(name).endsWith('.ts')) continue;
    const source = readFileSync(path.join(folder, String(name)), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(match[1].replace(/\\(.)/g, '$1'));
  }
  return [...messages].sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = read('package.json');
  const english = read('package.nls.json');
  let moved = 0;
  for (const [holder, property, key] of localisableFields(manifest)) {
    if (PLACEHOLDER.test(holder[property])) continue;
    english[key] = holder[property];
    holder[property] = `%${key}%`;
    moved++;
  }
  if (moved) {
    write('package.nls.json', english);
    write('package.json', manifest);
  }
  console.log(`${moved} string(s) moved into package.nls.json.`);
  for (const language of ['zh-cn', 'zh-tw']) {
    const translated = read(`package.nls.${language}.json`);
    for (const key of Object.keys(english)) if (!(key in translated)) console.log(`package.nls.${language}.json lacks ${key}: ${english[key]}`);
  }
  const bundle = Object.fromEntries(clientMessages().map((text) => [text, text]));
  write('l10n/bundle.l10n.json', bundle);
  for (const language of ['zh-cn', 'zh-tw']) {
    const translated = read(`l10n/bundle.l10n.${language}.json`);
    for (const text of Object.keys(bundle)) if (!(text in translated)) console.log(`l10n/bundle.l10n.${language}.json lacks: ${text}`);
  }
}
