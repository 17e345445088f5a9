/**
 * Readable pages for a meeting or a person: the server's Markdown page, rendered by VS Code's own
 * Markdown engine in a webview whose links open articles (at the mention, in the reader where that
 * is the default) and other pages. Go to Definition on a meeting or a person lands here too.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { VIRTUAL_DOCUMENT_REQUEST, type VirtualDocumentParams } from '../../server/src/shared/protocol';
import { openAt } from './reader';

/** Markdown's renderer drops `file:` links, so the page's article links travel under this prefix and are turned back on click. */
const SOURCE_PREFIX = 'summit-lens:/source/';

export function isPage(uri: vscode.Uri): boolean {
  return uri.scheme === 'summit-lens' && /^\/(meetings|figures)\/[^/]+\.md$/.test(uri.path);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Where a link's `#L<line>,<column>` fragment points (one-based in the link, zero-based here). */
function rangeOfFragment(fragment: string): vscode.Range {
  const match = /^L(\d+)(?:,(\d+))?/.exec(fragment);
  const position = match ? new vscode.Position(Math.max(0, Number(match[1]) - 1), Math.max(0, Number(match[2] ?? 1) - 1)) : new vscode.Position(0, 0);
  return new vscode.Range(position, position);
}

export class Pages {
  private panel: vscode.WebviewPanel | undefined;
  private current: string | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Shows a page (`summit-lens:/meetings/<id>.md` or `summit-lens:/figures/<id>.md`) in the page panel. */
  async open(pageUri: string): Promise<void> {
    this.current = pageUri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('summitLens.page', 'Summit Lens', vscode.ViewColumn.Active, { enableScripts: true, enableFindWidget: true });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { href?: unknown }) => typeof message?.href === 'string' && void this.follow(message.href));
    }
    this.panel.reveal();
    await this.render();
  }

  /** Renders the current page again (the index changed). */
  async refresh(): Promise<void> {
    if (this.panel && this.current) await this.render();
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const pageUri = this.current;
    if (!panel || !pageUri) return;
    const markdown = (await this.client()?.sendRequest<string | null>(VIRTUAL_DOCUMENT_REQUEST, { uri: pageUri } satisfies VirtualDocumentParams)) ?? vscode.l10n.t('No page for {0}.', pageUri);
    const title = /^# (.+)$/m.exec(markdown)?.[1]?.replace(/\\(.)/g, '$1') ?? 'Summit Lens';
    panel.title = title;
    const linked = markdown.replace(/\]\(file:\/\/\//g, `](${SOURCE_PREFIX}`);
    let body: string;
    try {
      body = await vscode.commands.executeCommand<string>('markdown.api.render', linked);
    } catch {
      body = `<pre>${escapeHtml(markdown)}</pre>`;
    }
    const nonce = Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    panel.webview.html = `<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${panel.webview.cspSource} data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.6; max-width: 52rem; padding: 0 1.5rem 2rem; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; } a:hover { text-decoration: underline; }
blockquote { margin: 0.2rem 0 0.8rem; padding: 0.1rem 0.8rem; border-left: 3px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); }
h3 { margin-bottom: 0.2rem; }
</style></head>
<body data-page="${escapeHtml(pageUri)}">${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ href: link.getAttribute('href') });
});
</script></body></html>`;
  }

  /** Follows a link of a page: an article (source or reader) at a position, or another page. */
  private async follow(href: string): Promise<void> {
    const [target, fragment = ''] = href.split('#', 2);
    if (target.startsWith(SOURCE_PREFIX)) {
      await openAt(vscode.Uri.parse(`file:///${target.slice(SOURCE_PREFIX.length)}`), rangeOfFragment(fragment));
      return;
    }
    const uri = vscode.Uri.parse(target);
    if (isPage(uri)) await this.open(target);
    else if (uri.scheme === 'summit-lens') await openAt(uri, rangeOfFragment(fragment));
    else if (uri.scheme === 'http' || uri.scheme === 'https') await vscode.env.openExternal(uri);
  }
}

/** Turns a page opened as text (Go to Definition, a hover's link) into the rendered page. */
export function registerPages(context: vscode.ExtensionContext, pages: Pages): void {
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(async (editor) => {
      if (!editor || !isPage(editor.document.uri)) return;
      const uri = editor.document.uri.toString();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await pages.open(uri);
    }),
  );
}
