/**
 * Coverage pages in VS Code: "Compare coverage of a meeting" (outlets side by side) and "Coverage
 * timeline" (articles per week, stacked by outlet, per meeting and per person). Both are webviews
 * drawn by dist/coverageWebview.js (with Chart.js bundled in; nothing loads from the network)
 * under a strict content security policy; the language server computes and aggregates, the page
 * only draws what it is sent.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMPARE_COVERAGE_COMMAND,
  COVERAGE_MEETINGS_REQUEST,
  COVERAGE_REQUEST,
  COVERAGE_TIMELINE_REQUEST,
  TIMELINE_ARTICLES_REQUEST,
  type CoverageMeetingItem,
  type CoverageParams,
  type CoverageTimeline,
  type DateWindow,
  type MeetingCoverage,
  type TimelineArticle,
  type TimelineSelection,
} from '../../server/src/shared/protocol';
import { onIndexChanged } from './views/indexChanged';

export const COVERAGE_TIMELINE_COMMAND = 'summitLens.coverageTimeline';
const OPEN_LOCATION_COMMAND = 'summitLens.openLocation';

interface WireLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

type PageMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'filter'; outlets: string[]; windows: DateWindow[] }
  | { type: 'open'; location: WireLocation }
  | { type: 'bar'; selection: TimelineSelection; title: string };

function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}

/** The page shell: one nonce'd script from the extension's dist/, styles under the same nonce, nothing else. */
function shell(webview: vscode.Webview, extensionUri: vscode.Uri, page: 'compare' | 'timeline', title: string): string {
  const once = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'coverageWebview.js'));
  const language = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}; style-src ${webview.cspSource} 'nonce-${once}'; script-src 'nonce-${once}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${once}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.2rem 2rem; line-height: 1.55; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; cursor: pointer; } a:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }
h1 { font-size: 1.4em; margin: 0.8rem 0 0.2rem; } h2 { font-size: 1.1em; margin: 0 0 0.3rem; } h3 { font-size: 1em; margin: 0.6rem 0 0.1rem; }
.muted { color: var(--vscode-descriptionForeground); }
.filters { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; margin: 0.6rem 0; padding: 0.5rem 0.7rem; border: 1px solid var(--vscode-panel-border); border-radius: 4px; }
.filters fieldset { border: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.7rem; align-items: center; }
.filters legend { float: left; margin-right: 0.5rem; font-weight: 600; }
.columns { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0.8rem; align-items: start; }
.outlet { border: 1px solid var(--vscode-panel-border); border-radius: 4px; padding: 0.6rem 0.8rem; background: var(--vscode-sideBar-background); }
.badge { display: inline-block; padding: 0 0.4rem; border-radius: 8px; font-size: 0.85em; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); margin-left: 0.3rem; }
.people { margin: 0.2rem 0 0.4rem; font-size: 0.92em; }
.sentences { margin: 0.2rem 0 0.4rem; padding-left: 1.1rem; }
.sentences li { margin: 0.15rem 0; }
mark { background: var(--vscode-editor-findMatchHighlightBackground); color: inherit; }
select, button, input { font-family: inherit; font-size: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-panel-border)); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 0.2rem 0.7rem; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.controls { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.6rem 0; }
.chart { position: relative; height: 360px; }
#bar-articles li { margin: 0.2rem 0; }
</style></head>
<body data-page="${page}"><div id="app" class="muted">Loading…</div>
<script nonce="${once}" src="${script}"></script></body></html>`;
}

/** The meeting a command was given: an id, a Meetings-view node (`meeting\u001f<id>`), or a code lens's argument. */
function meetingIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (argument && typeof argument === 'object' && 'id' in argument && typeof argument.id === 'string') {
    const [kind, id] = argument.id.split('\u001f');
    if (kind === 'meeting' && id) return id;
  }
  return undefined;
}

class CoveragePanels {
  private compare: vscode.WebviewPanel | undefined;
  private timeline: vscode.WebviewPanel | undefined;
  private meetingId: string | undefined;
  private filter: { outlets: string[]; windows: DateWindow[] } = { outlets: [], windows: [] };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly startServer: () => Promise<void>,
  ) {}

  private panel(kind: 'compare' | 'timeline', title: string): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(kind === 'compare' ? 'summitLens.compareCoverage' : 'summitLens.coverageTimeline', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: kind === 'timeline',
      // The page may load only the extension's own bundles.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    panel.webview.html = shell(panel.webview, this.extensionUri, kind, title);
    panel.webview.onDidReceiveMessage((message: PageMessage) => void this.receive(kind, message));
    // A page shown again reflects the index as it is now (indexing may have gone on meanwhile).
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.visible && kind === 'compare') void this.sendCoverage();
    });
    panel.onDidDispose(() => {
      if (kind === 'compare') this.compare = undefined;
      else this.timeline = undefined;
    });
    return panel;
  }

  async openCompare(argument: unknown): Promise<void> {
    await this.startServer();
    const meetingId = meetingIdOf(argument) ?? (await this.pickMeeting());
    if (!meetingId) return;
    if (meetingId !== this.meetingId) this.filter = { outlets: [], windows: [] };
    this.meetingId = meetingId;
    if (this.compare) {
      this.compare.reveal();
      await this.sendCoverage();
    } else {
      this.compare = this.panel('compare', vscode.l10n.t('Compare coverage'));
    }
  }

  /**
   * The index changed (an article edited, saved, added or removed; indexing went on): a visible
   * comparison asks again. A hidden one asks when it is shown; the timeline keeps the user's view
   * and refreshes by its button.
   */
  async indexChanged(): Promise<void> {
    if (this.compare?.visible) await this.sendCoverage();
  }

  async openTimeline(): Promise<void> {
    await this.startServer();
    if (this.timeline) {
      this.timeline.reveal();
      await this.sendTimeline();
    } else {
      this.timeline = this.panel('timeline', vscode.l10n.t('Coverage timeline'));
    }
  }

  private async pickMeeting(): Promise<string | undefined> {
    const meetings = (await this.client()?.sendRequest<CoverageMeetingItem[]>(COVERAGE_MEETINGS_REQUEST)) ?? [];
    // Meetings the corpus covers come first; the rest stay reachable by typing.
    const items = [...meetings.filter((meeting) => meeting.articles > 0), ...meetings.filter((meeting) => meeting.articles === 0)].map((meeting) => ({
      label: meeting.label,
      description: `${meeting.date} · ${meeting.id}`,
      detail: vscode.l10n.t('{0} articles', meeting.articles),
      id: meeting.id,
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Compare the coverage of which meeting?'), matchOnDescription: true });
    return picked?.id;
  }

  private async sendCoverage(): Promise<void> {
    if (!this.compare || !this.meetingId) return;
    const params: CoverageParams = { meetingId: this.meetingId, ...this.filter };
    const coverage = await this.client()?.sendRequest<MeetingCoverage | null>(COVERAGE_REQUEST, params);
    if (!this.compare) return;
    if (coverage) this.compare.title = vscode.l10n.t('Coverage: {0}', coverage.meeting.title.zh);
    await this.compare.webview.postMessage({ type: 'coverage', coverage: coverage ?? null, filter: this.filter, meetingId: this.meetingId });
  }

  private async sendTimeline(): Promise<void> {
    const timeline = await this.client()?.sendRequest<CoverageTimeline>(COVERAGE_TIMELINE_REQUEST);
    await this.timeline?.webview.postMessage({ type: 'timeline', timeline: timeline ?? null });
  }

  private async receive(kind: 'compare' | 'timeline', message: PageMessage): Promise<void> {
    if (!message || typeof message !== 'object') return;
    if (message.type === 'ready' || message.type === 'refresh') {
      if (kind === 'compare') await this.sendCoverage();
      else await this.sendTimeline();
    } else if (message.type === 'filter' && kind === 'compare') {
      this.filter = { outlets: Array.isArray(message.outlets) ? message.outlets : [], windows: Array.isArray(message.windows) ? message.windows : [] };
      await this.sendCoverage();
    } else if (message.type === 'open' && message.location) {
      await vscode.commands.executeCommand(OPEN_LOCATION_COMMAND, message.location);
    } else if (message.type === 'bar' && kind === 'timeline') {
      const articles = (await this.client()?.sendRequest<TimelineArticle[]>(TIMELINE_ARTICLES_REQUEST, message.selection)) ?? [];
      await this.timeline?.webview.postMessage({ type: 'bar', title: message.title, articles });
    }
  }
}

/** Registers the two commands; the server starts (if it has not) when one runs. */
export function registerCoverage(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, startServer: () => Promise<void>): void {
  const panels = new CoveragePanels(context.extensionUri, client, startServer);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPARE_COVERAGE_COMMAND, (argument?: unknown) => panels.openCompare(argument)),
    vscode.commands.registerCommand(COVERAGE_TIMELINE_COMMAND, () => panels.openTimeline()),
  );
  // The same notification the side bar follows.
  const current = client();
  if (current) context.subscriptions.push(onIndexChanged(current, () => void panels.indexChanged()));
}
