/**
 * Keeps the index in step with the workspace: indexes every corpus file on start (with
 * progress, cancellable, yielding so requests are answered meanwhile), follows file-watcher
 * events and open editors, and reloads the workspace's figure and meeting files.
 */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { FileChangeType, type Connection, type FileEvent, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { isCorpusArticle, type SummitLensService } from '../core/index';
import { CORPUS_EXTENSIONS, listCorpusFiles, readArticleFile } from '../io/readArticleFile';

export const KNOWLEDGE_FILES = ['figures.yaml', 'meetings.yaml'];

export class CorpusWorkspace {
  private folders: string[] = [];
  private corpusMatchers: Array<(file: string) => boolean> = [];
  private indexing: Promise<void> = Promise.resolve();
  /** Files whose editor text is authoritative until closed. */
  readonly openUris = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly service: SummitLensService,
  ) {}

  setFolders(uris: string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  setCorpusGlobs(globs: string[]): void {
    this.corpusMatchers = globs.map((glob) => {
      const isMatch = picomatch(glob.replace(/\\/g, '/'), { dot: false });
      return (file: string) => {
        const relative = this.folders.map((folder) => path.relative(folder, file).split(path.sep).join('/'));
        return relative.some((candidate) => isMatch(candidate) || candidate.startsWith(`${glob.replace(/\/+$/, '')}/`));
      };
    });
  }

  /** Whether a file belongs to the corpus: listed by the setting, or recognised by its content. */
  isCorpusFile(file: string, text: string): boolean {
    if (this.corpusMatchers.length > 0) return this.corpusMatchers.some((matches) => matches(file));
    return isCorpusArticle(text);
  }

  /** Reads `.summit-lens/figures.yaml` and `meetings.yaml` of the first folder that has them. */
  loadKnowledge(): { workspaceFigures?: string; workspaceMeetings?: string; files: string[] } {
    const files: string[] = [];
    const read = (name: string) => {
      for (const folder of this.folders) {
        const file = path.join(folder, '.summit-lens', name);
        if (existsSync(file)) {
          files.push(file);
          try {
            return readFileSync(file, 'utf8');
          } catch {
            return '';
          }
        }
      }
      return undefined;
    };
    return { workspaceFigures: read('figures.yaml'), workspaceMeetings: read('meetings.yaml'), files };
  }

  /** Indexes every corpus file of every folder. Resolves when done or cancelled. */
  indexAll(progress?: WorkDoneProgressReporter, isCancelled: () => boolean = () => false): Promise<void> {
    this.indexing = this.indexing.then(() => this.runIndexAll(progress, isCancelled));
    return this.indexing;
  }

  whenIndexed(): Promise<void> {
    return this.indexing;
  }

  private async runIndexAll(progress: WorkDoneProgressReporter | undefined, isCancelled: () => boolean): Promise<void> {
    const files = this.folders.flatMap((folder) => listCorpusFiles(folder));
    const total = files.length;
    progress?.begin('Summit Lens', 0, `Indexing 0 / ${total.toLocaleString('en')} files`, true);
    let done = 0;
    let lastReport = Date.now();
    for (const file of files) {
      if (isCancelled()) break;
      await this.indexFile(file);
      done++;
      if (Date.now() - lastReport > 100) {
        progress?.report(Math.round((done / Math.max(1, total)) * 100), `Indexing ${done.toLocaleString('en')} / ${total.toLocaleString('en')} files`);
        lastReport = Date.now();
        // Let pending requests run between files so the editor stays responsive while indexing.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    progress?.done();
    this.connection.console.log(`Summit Lens indexed ${this.service.index.size} articles from ${done} files${isCancelled() ? ' (cancelled)' : ''}.`);
  }

  /** Reads one file from disk and indexes it, unless an editor holds it open. */
  async indexFile(file: string): Promise<void> {
    const uri = pathToFileURL(file).href;
    if (this.openUris.has(uri)) return;
    const read = await readArticleFile(file);
    if (!read.ok || !this.isCorpusFile(file, read.text)) {
      this.service.remove(uri);
      return;
    }
    this.service.update(uri, read.text);
  }

  /** Applies watched-file events; each touches only the files it names. Returns whether knowledge files changed. */
  async applyFileEvents(events: FileEvent[]): Promise<boolean> {
    let knowledgeChanged = false;
    for (const event of events) {
      if (!event.uri.startsWith('file:')) continue;
      const file = fileURLToPath(event.uri);
      if (path.basename(path.dirname(file)) === '.summit-lens' && KNOWLEDGE_FILES.includes(path.basename(file))) {
        knowledgeChanged = true;
        continue;
      }
      if (!CORPUS_EXTENSIONS.has(path.extname(file).toLowerCase())) continue;
      if (event.type === FileChangeType.Deleted) {
        if (!this.openUris.has(event.uri)) this.service.remove(event.uri);
      } else {
        await this.indexFile(file);
      }
    }
    return knowledgeChanged;
  }

  /** Re-analyses every indexed article with new knowledge: open ones from the editor, the rest from disk. */
  async reanalyzeAll(openText: (uri: string) => string | undefined): Promise<void> {
    for (const uri of [...this.service.index.uris()]) {
      const text = openText(uri);
      if (text !== undefined) this.service.update(uri, text);
      else if (uri.startsWith('file:')) await this.indexFile(fileURLToPath(uri));
    }
  }
}
