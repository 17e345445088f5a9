/**
 * A set of two-character openings (first and second UTF-16 unit), answered by one bit lookup.
 * Scanners over Chinese text meet a word's first character far more often than the word: most
 * characters that start a name or a role word are common ones, followed by something else. This
 * filter turns those away before the slower lookups (a trie's map, a list of words). It may say
 * yes for a pair never added (two pairs can share a bit), never no for one that was.
 */
const BITS = 1 << 20;

export class PairFilter {
  private readonly bits = new Uint32Array(BITS >>> 5);

  add(first: number, second: number): void {
    const bit = PairFilter.bitOf(first, second);
    this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  /** Whether some added pair may be (first, second). */
  mayHave(first: number, second: number): boolean {
    const bit = PairFilter.bitOf(first, second);
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  private static bitOf(first: number, second: number): number {
    return ((first << 4) ^ second) & (BITS - 1);
  }
}
