/**
 * Reads the workspace's own knowledge files (`.summit-lens/figures.yaml`, `meetings.yaml`) as the
 * articles are read: regular files only after following links, under a size limit, so a FIFO or a
 * link to /dev/zero can neither block nor grow the process. A file that is there but cannot be
 * read is reported, never skipped in silence.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { KnowledgeSource } from '../core/index';
import { decodeBytes, readFileBytes, stampOf } from '../io/readArticleFile';
import { KNOWLEDGE_FILES } from './corpusFiles';

/** A knowledge file is a hand-written catalogue: far larger than this is not one. */
export const MAX_KNOWLEDGE_FILE_BYTES = 8 * 1024 * 1024;

export interface KnowledgeFileProblem {
  file: string;
  message: string;
}

export interface WorkspaceKnowledge {
  source: KnowledgeSource;
  /** The knowledge files found (read or not), where their problems are shown. */
  files: string[];
  /** Files or folders that are there but could not be read. */
  problems: KnowledgeFileProblem[];
}

/** Reads `.summit-lens/figures.yaml` and `meetings.yaml` of the first folder that has each. */
export function readWorkspaceKnowledge(folders: readonly string[]): WorkspaceKnowledge {
  const files: string[] = [];
  const problems: KnowledgeFileProblem[] = [];
  const read = (name: string): string | undefined => {
    for (const folder of folders) {
      const file = path.join(folder, '.summit-lens', name);
      let present: boolean;
      try {
        present = statSync(file, { throwIfNoEntry: false }) !== undefined;
      } catch (error) {
        // The folder itself cannot be read (no permission): the user expects the file to count.
        problems.push({ file, message: `Summit Lens cannot read ${file}: ${messageOf(error)}` });
        files.push(file);
        return undefined;
      }
      if (!present) continue;
      files.push(file);
      const stamp = stampOf(file);
      if (stamp.ok && stamp.size > MAX_KNOWLEDGE_FILE_BYTES) {
        problems.push({ file, message: `Summit Lens did not read ${file}: ${(stamp.size / 1048576).toFixed(1)} MB is more than a knowledge file's limit of ${MAX_KNOWLEDGE_FILE_BYTES / 1048576} MB.` });
        return undefined;
      }
      const bytes = readFileBytes(file, stamp);
      if (!bytes.bytes) {
        problems.push({ file, message: `Summit Lens cannot read ${file}: ${bytes.message}.` });
        return undefined;
      }
      const decoded = decodeBytes(bytes.bytes);
      return decoded.ok ? decoded.text : undefined;
    }
    return undefined;
  };
  const source: KnowledgeSource = { workspaceFigures: read(KNOWLEDGE_FILES[0]), workspaceMeetings: read(KNOWLEDGE_FILES[1]) };
  return { source, files, problems };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
