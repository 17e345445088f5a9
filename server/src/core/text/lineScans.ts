/**
 * Results of scans over an article's matching text whose matches never hold a line break and
 * depend on their own line only (a leftmost-longest pass over a word list restarts at every
 * line). They are kept with the text, so after an edit only the lines it touched are scanned
 * again: in a 100,000-character article that is a line or two instead of the whole text.
 */

/** A match of a line-local scan: `[start, end)` on one line. */
export interface LineMatch {
  start: number;
  end: number;
}

/** Scans `text[from, to)`, where `from` starts a line and `to` ends one (a line break's offset or the text's end). */
export type LineScan<T extends LineMatch> = (text: string, from: number, to: number) => T[];

interface Kept {
  /** What the matches were made with (a form index, a catalogue): another one scans again. */
  owner: object;
  matches: LineMatch[];
  scan: LineScan<LineMatch>;
  move: (match: LineMatch, delta: number) => LineMatch;
}

export class LineScans {
  private readonly kept = new Map<string, Kept>();

  constructor(readonly text: string) {}

  /**
   * The matches of `scan` over the whole text, scanned once per text and `owner` (what the scan
   * matches with: new knowledge makes a new one). `move` shifts a match by `delta`.
   */
  matches<T extends LineMatch>(name: string, owner: object, scan: LineScan<T>, move: (match: T, delta: number) => T): T[] {
    let kept = this.kept.get(name);
    if (kept?.owner !== owner) {
      kept = { owner, matches: scan(this.text, 0, this.text.length), scan: scan as LineScan<LineMatch>, move: move as unknown as Kept['move'] };
      this.kept.set(name, kept);
    }
    return kept.matches as T[];
  }

  /**
   * The scans of `text`, made from this one's text by replacing `[start, end)` with `inserted`:
   * matches on lines before the edit are kept, those on lines after it move, and the lines the
   * edit touched (in the new text) are scanned again.
   */
  afterEdit(text: string, edit: { start: number; end: number; inserted: string }): LineScans {
    const next = new LineScans(text);
    const old = this.text;
    const delta = edit.inserted.length - (edit.end - edit.start);
    const lineStart = edit.start === 0 ? 0 : old.lastIndexOf('\n', edit.start - 1) + 1;
    const oldBreak = old.indexOf('\n', edit.end);
    const oldLineEnd = oldBreak < 0 ? old.length : oldBreak;
    const newLineEnd = oldBreak < 0 ? text.length : oldBreak + delta;
    for (const [name, { owner, matches, scan, move }] of this.kept) {
      const updated: LineMatch[] = [];
      let i = 0;
      while (i < matches.length && matches[i].start < lineStart) updated.push(matches[i++]);
      for (const match of scan(text, lineStart, newLineEnd)) updated.push(match);
      while (i < matches.length && matches[i].start < oldLineEnd) i++;
      for (; i < matches.length; i++) updated.push(move(matches[i], delta));
      next.kept.set(name, { owner, matches: updated, scan, move });
    }
    return next;
  }
}
