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
  /** Per unit: `LONGER` when a word of two or more units starts (or ends) with it, `SINGLE` when it is a word itself. */
  private readonly first = new Uint8Array(0x10000);
  private readonly last = new Uint8Array(0x10000);
  /**
   * The first two (and last two) units of the longer words, hashed: most places where a common
   * first unit stands (总, 副, 主 for role words) are ruled out by the next unit, without trying
   * the twenty words of the bucket. A hash shared by another pair only costs a look at the bucket.
   */
  private readonly heads = new Uint8Array(0x10000);
  private readonly tails = new Uint8Array(0x10000);

  constructor(words: Iterable<string>) {
    // Longest first, so the first hit is the longest word.
    const sorted = [...new Set(words)].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
    for (const word of sorted) {
      const head = word.charCodeAt(0);
      const tail = word.charCodeAt(word.length - 1);
      const kind = word.length === 1 ? SINGLE : LONGER;
      this.first[head] |= kind;
      this.last[tail] |= kind;
      if (word.length > 1) {
        this.heads[pairHash(head, word.charCodeAt(1))] = 1;
        this.tails[pairHash(word.charCodeAt(word.length - 2), tail)] = 1;
      }
      (this.byFirst.get(head) ?? this.byFirst.set(head, []).get(head)!).push(word);
      (this.byLast.get(tail) ?? this.byLast.set(tail, []).get(tail)!).push(word);
    }
  }

  /** The longest word that starts at `at`, if any. */
  startingAt(text: string, at: number): string | undefined {
    if (at >= text.length || at < 0) return undefined;
    const head = text.charCodeAt(at);
    const kinds = this.first[head];
    if (kinds === 0) return undefined;
    if ((kinds & LONGER) !== 0 && at + 1 < text.length && this.heads[pairHash(head, text.charCodeAt(at + 1))] !== 0) {
      for (const word of this.byFirst.get(head)!) if (text.startsWith(word, at)) return word;
      return undefined;
    }
    // No longer word starts here: the one-unit word, if any, is the bucket's last (shortest).
    return (kinds & SINGLE) !== 0 ? lastOf(this.byFirst.get(head)!) : undefined;
  }

  /** The longest word that ends at `end` (exclusive), if any. */
  endingAt(text: string, end: number): string | undefined {
    if (end <= 0 || end > text.length) return undefined;
    const tail = text.charCodeAt(end - 1);
    const kinds = this.last[tail];
    if (kinds === 0) return undefined;
    if ((kinds & LONGER) !== 0 && end >= 2 && this.tails[pairHash(text.charCodeAt(end - 2), tail)] !== 0) {
      for (const word of this.byLast.get(tail)!) if (end >= word.length && text.startsWith(word, end - word.length)) return word;
      return undefined;
    }
    return (kinds & SINGLE) !== 0 ? lastOf(this.byLast.get(tail)!) : undefined;
  }
}

/** Kinds of word a unit starts or ends, as bits. */
export const LONGER = 1;
export const SINGLE = 2;

function lastOf(words: readonly string[]): string {
  return words[words.length - 1];
}

/** A 16-bit hash of two UTF-16 units. */
export function pairHash(a: number, b: number): number {
  return (a * 31 + b) & 0xffff;
}
