/**
 * Which files are corpus articles: the workspace folders, the `summitLens.corpus` globs,
 * `files.exclude`, and (when no glob lists the files) the core's one content rule. The editor and
 * the CLI both choose files here, so they can never disagree about what is an article.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CORPUS_EXTENSIONS, isCorpusArticle } from '../core/index';
import { listCorpusFiles } from '../io/readArticleFile';

/** VS Code's `files.exclude`: glob → true, or a `when` clause (which we cannot evaluate, so it does not exclude). */
export type FilesExclude = Record<string, boolean | { when: string }>;

/** The workspace's own knowledge files, in `.summit-lens/` of a workspace folder. */
export const KNOWLEDGE_FILES = ['figures.yaml', 'meetings.yaml'];

/**
 * The one rule for a candidate's content, in the main thread and in index workers alike: a file
 * the corpus setting or the command line names is an article; any other must read as one.
 */
export function readsAsArticle(listed: boolean, text: string): boolean {
  return listed || isCorpusArticle(text);
}

export class CorpusFiles {
  private folderPaths: string[] = [];
  private corpusMatchers: Array<(file: string) => boolean> = [];
  private excludeMatchers: Array<(relative: string) => boolean> = [];
  /** Files named one by one (the CLI's arguments): articles whatever their content. */
  private readonly named = new Set<string>();

  get folders(): readonly string[] {
    return this.folderPaths;
  }

  setFolders(folders: string[]): void {
    this.folderPaths = folders.map((folder) => path.resolve(folder));
  }

  /** Files given by name rather than by folder: listed, so analysed whatever their content. */
  addNamedFile(file: string): void {
    this.named.add(path.resolve(file));
  }

  setCorpusGlobs(globs: readonly string[]): void {
    this.corpusMatchers = globs.map((glob) => {
      const isMatch = picomatch(glob.replace(/\\/g, '/'), { dot: false });
      const folderPrefix = `${glob.replace(/\/+$/, '')}/`;
      return (file: string) =>
        this.folderPaths.some((folder) => {
          const relative = path.relative(folder, file).split(path.sep).join('/');
          return isMatch(relative) || relative.startsWith(folderPrefix);
        });
    });
  }

  /** Honours `files.exclude`: excluded files and folders are neither indexed nor followed. */
  setFilesExclude(exclude: FilesExclude | undefined): void {
    this.excludeMatchers = Object.entries(exclude ?? {})
      .filter(([, enabled]) => enabled === true)
      .map(([glob]) => picomatch(glob.replace(/\\/g, '/'), { dot: true }));
  }

  isExcluded(file: string): boolean {
    if (this.excludeMatchers.length === 0) return false;
    for (const folder of this.folderPaths) {
      const relative = path.relative(folder, file).split(path.sep).join('/');
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      // A pattern naming a folder excludes everything below it, as in VS Code.
      const parts = relative.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        if (this.excludeMatchers.some((matches) => matches(prefix))) return true;
      }
    }
    return false;
  }

  /** Whether the corpus setting (or the command line) names this file: then it is analysed whatever its content. */
  isListed(file: string): boolean {
    return this.named.has(file) || this.corpusMatchers.some((matches) => matches(file));
  }

  /** Whether only listed files are articles (a corpus setting is given). */
  get listsFiles(): boolean {
    return this.corpusMatchers.length > 0;
  }

  /** Whether a path may hold an article at all: its extension, not excluded, and listed when a corpus setting is given. */
  isCandidate(file: string): boolean {
    if (!CORPUS_EXTENSIONS.has(path.extname(file).toLowerCase())) return this.named.has(file);
    if (this.isExcluded(file)) return false;
    return !this.listsFiles || this.isListed(file);
  }

  /** Every candidate of every folder and every named file, sorted. */
  list(): string[] {
    const files = new Set<string>(this.named);
    for (const folder of this.folderPaths) {
      for (const file of listCorpusFiles(folder, (candidate) => this.isExcluded(candidate))) {
        if (this.isCandidate(file)) files.add(file);
      }
    }
    return [...files].sort();
  }

  /** The knowledge file a path names (`<folder>/.summit-lens/figures.yaml`), if it is one. */
  isKnowledgeFile(file: string): boolean {
    return path.basename(path.dirname(file)) === '.summit-lens' && KNOWLEDGE_FILES.includes(path.basename(file));
  }
}
