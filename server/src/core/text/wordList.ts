/**
 * A fixed list of words that answers "which word starts here?" and "does a word end here?"
 * in a text without trying every word: a table says which UTF-16 units can start or end a word
 * at all, and the longer words are bucketed by their first (or last) two units, hashed. The
 * recognisers ask these questions at millions of positions per corpus: a `some(startsWith)` over
 * a hundred words there cost more than the rest of the scan, and so did trying the thirty role
 * words that start with 副 wherever 副 stands.
 */
export class WordList {
  /** Per unit: `LONGER` when a word of two or more units starts (ends) with it, `SINGLE` when it is a word itself. */
  private readonly first = new Uint8Array(0x10000);
  private readonly last = new Uint8Array(0x10000);
  /** The hashes of the first (last) two units of the longer words. */
  private readonly heads = new PairHashes();
  private readonly tails = new PairHashes();
  /** The longer words by that hash, longest first, so that the first hit is the longest word. */
  private readonly byHead = new Map<number, string[]>();
  private readonly byTail = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    const sorted = [...new Set(words)].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
    for (const word of sorted) {
      const head = word.charCodeAt(0);
      const tail = word.charCodeAt(word.length - 1);
      if (word.length === 1) {
        this.first[head] |= SINGLE;
        this.last[tail] |= SINGLE;
        continue;
      }
      this.first[head] |= LONGER;
      this.last[tail] |= LONGER;
      const headHash = pairHash(head, word.charCodeAt(1));
      const tailHash = pairHash(word.charCodeAt(word.length - 2), tail);
      this.heads.add(headHash);
      this.tails.add(tailHash);
      addTo(this.byHead, headHash, word);
      addTo(this.byTail, tailHash, word);
    }
  }

  /** The longest word that starts at `at`, if any. */
  startingAt(text: string, at: number): string | undefined {
    if (at >= text.length || at < 0) return undefined;
    const head = text.charCodeAt(at);
    const kinds = this.first[head];
    if (kinds === 0) return undefined;
    if ((kinds & LONGER) !== 0 && at + 1 < text.length) {
      const hash = pairHash(head, text.charCodeAt(at + 1));
      if (this.heads.has(hash)) for (const word of this.byHead.get(hash)!) if (text.startsWith(word, at)) return word;
    }
    // A one-unit word is the shortest: it counts only when no longer word starts here.
    return (kinds & SINGLE) !== 0 ? text[at] : undefined;
  }

  /** The longest word that ends at `end` (exclusive), if any. */
  endingAt(text: string, end: number): string | undefined {
    if (end <= 0 || end > text.length) return undefined;
    const tail = text.charCodeAt(end - 1);
    const kinds = this.last[tail];
    if (kinds === 0) return undefined;
    if ((kinds & LONGER) !== 0 && end >= 2) {
      const hash = pairHash(text.charCodeAt(end - 2), tail);
      if (this.tails.has(hash)) for (const word of this.byTail.get(hash)!) if (end >= word.length && text.startsWith(word, end - word.length)) return word;
    }
    return (kinds & SINGLE) !== 0 ? text[end - 1] : undefined;
  }
}

/** Kinds of word a unit starts or ends, as bits. */
export const LONGER = 1;
export const SINGLE = 2;

/**
 * A set of 16-bit hashes of pairs of units (`pairHash`), one bit each: 8 KB, so that it stays in
 * the processor's nearest cache (`PairFilter`'s 128 KB suit a catalogue's thousands of openings,
 * not a list of a few hundred words).
 */
export class PairHashes {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  add(hash: number): void {
    this.bits[hash >>> 5] |= 1 << (hash & 31);
  }

  has(hash: number): boolean {
    return (this.bits[hash >>> 5] & (1 << (hash & 31))) !== 0;
  }
}

/** A 16-bit hash of two UTF-16 units. */
export function pairHash(a: number, b: number): number {
  return (a * 31 + b) & 0xffff;
}

function addTo<T>(buckets: Map<number, T[]>, key: number, item: T): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(item);
  else buckets.set(key, [item]);
}
