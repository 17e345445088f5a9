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
