/**
 * A fixed list of words that answers "which word starts here?" and "does a word end here?"
 * in a text without trying every word: the words are bucketed by their first and last
 * UTF-16 unit, and a table says which units can start or end one at all. The recognisers ask
 * these questions at millions of positions per corpus, so a `some(startsWith)` over a hundred
 * words there costs more than the rest of the scan.
 */
export class WordList {
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();
  private readonly first = new Uint8Array(0x10000);
  private readonly last = new Uint8Array(0x10000);

  constructor(words: Iterable<string>) {
    // Longest first, so the first hit is the longest word.
    const sorted = [...new Set(words)].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
    for (const word of sorted) {
      const head = word.charCodeAt(0);
      const tail = word.charCodeAt(word.length - 1);
      this.first[head] = 1;
      this.last[tail] = 1;
      (this.byFirst.get(head) ?? this.byFirst.set(head, []).get(head)!).push(word);
      (this.byLast.get(tail) ?? this.byLast.set(tail, []).get(tail)!).push(word);
    }
  }

  /** The longest word that starts at `at`, if any. */
  startingAt(text: string, at: number): string | undefined {
    if (at >= text.length || this.first[text.charCodeAt(at)] === 0) return undefined;
    for (const word of this.byFirst.get(text.charCodeAt(at))!) if (text.startsWith(word, at)) return word;
    return undefined;
  }

  /** The longest word that ends at `end` (exclusive), if any. */
  endingAt(text: string, end: number): string | undefined {
    if (end <= 0 || end > text.length || this.last[text.charCodeAt(end - 1)] === 0) return undefined;
    for (const word of this.byLast.get(text.charCodeAt(end - 1))!) if (end >= word.length && text.startsWith(word, end - word.length)) return word;
    return undefined;
  }
}
