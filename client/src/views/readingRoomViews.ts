/**
 * The Summit Lens side bar: Meetings, People and Articles, each a tree whose nodes the language
 * server computes (`summitLens/readingRoom`). The views refresh when the server says the index
 * changed; nothing is polled.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { READING_ROOM_REQUEST, type ArticleOrder, type ReadingRoomNode, type ReadingRoomParams, type ReadingRoomView } from '../../../server/src/shared/protocol';

export const OPEN_LOCATION_COMMAND = 'summitLens.openLocation';
export const OPEN_PAGE_COMMAND = 'summitLens.openPage';

const ICONS: Record<ReadingRoomNode['icon'], vscode.ThemeIcon> = {
  group: new vscode.ThemeIcon('organization'),
  meeting: new vscode.ThemeIcon('calendar'),
  person: new vscode.ThemeIcon('person'),
  'learned-person': new vscode.ThemeIcon('sparkle'),
  article: new vscode.ThemeIcon('note'),
  'article-problem': new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  mention: new vscode.ThemeIcon('quote'),
  outlet: new vscode.ThemeIcon('library'),
  year: new vscode.ThemeIcon('calendar'),
};

export class ReadingRoomTree implements vscode.TreeDataProvider<ReadingRoomNode> {
  private readonly changed = new vscode.EventEmitter<ReadingRoomNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  order: ArticleOrder = 'date';

  constructor(
    readonly view: ReadingRoomView,
    private readonly client: () => LanguageClient | undefined,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: ReadingRoomNode): Promise<ReadingRoomNode[]> {
    const client = this.client();
    // Before the server runs there is nothing to show; the welcome content explains why.
    if (!client || !client.isRunning()) return [];
    const params: ReadingRoomParams = { view: this.view, parent: node?.id, order: this.order };
    try {
      return (await client.sendRequest<ReadingRoomNode[]>(READING_ROOM_REQUEST, params)) ?? [];
    } catch {
      return [];
    }
  }

  getTreeItem(node: ReadingRoomNode): vscode.TreeItem {
    const label: vscode.TreeItemLabel = { label: node.label, highlights: node.highlight ? [node.highlight] : undefined };
    const item = new vscode.TreeItem(label, node.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.view}:${this.order}:${node.id}`;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = ICONS[node.icon];
    item.contextValue = node.icon;
    if (node.page) item.command = { command: OPEN_PAGE_COMMAND, title: vscode.l10n.t('Open page'), arguments: [node.page] };
    else if (node.open) item.command = { command: OPEN_LOCATION_COMMAND, title: vscode.l10n.t('Open'), arguments: [node.open] };
    return item;
  }
}

/** Registers the three views and the Articles view's date/outlet toggle; returns a function that refreshes them all. */
export function registerReadingRoomViews(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, startServer: () => Promise<void>): () => void {
  const trees = (['meetings', 'people', 'articles'] as const).map((view) => new ReadingRoomTree(view, client));
  for (const tree of trees) {
    const view = vscode.window.createTreeView(`summitLens.${tree.view}`, { treeDataProvider: tree, showCollapseAll: tree.view !== 'articles' });
    // Opening the side bar is asking for the corpus: the server starts if it has not yet.
    const start = () => view.visible && void startServer().then(() => tree.refresh());
    context.subscriptions.push(view, view.onDidChangeVisibility(start));
    start();
  }
  const articles = trees[2];
  const setOrder = async (order: ArticleOrder) => {
    articles.order = order;
    await vscode.commands.executeCommand('setContext', 'summitLens.articleOrder', order);
    articles.refresh();
  };
  void vscode.commands.executeCommand('setContext', 'summitLens.articleOrder', 'date');
  context.subscriptions.push(
    vscode.commands.registerCommand('summitLens.articlesByOutlet', () => setOrder('outlet')),
    vscode.commands.registerCommand('summitLens.articlesByDate', () => setOrder('date')),
    vscode.commands.registerCommand('summitLens.refreshViews', () => trees.forEach((tree) => tree.refresh())),
  );
  return () => trees.forEach((tree) => tree.refresh());
}
