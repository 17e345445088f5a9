/**
 * The index of the last element of an ascending array that is at most `value` (0 when none is),
 * by binary search: how offsets find their line and their source-map piece.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The index of the first element of an ascending array that is at least `value` (its length when none is). */
export function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first of a list sorted by `start` that starts at or after `value` (its length when none does). */
export function firstStartingAtOrAfter(sorted: ReadonlyArray<{ start: number }>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
