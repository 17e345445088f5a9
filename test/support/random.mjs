// Seeded generators for the randomised tests: the same linear congruential steps everywhere, so a
// failing round replays from its seed.
const step = (seed) => (seed * 1103515245 + 12345) % 2147483648;

/** Whole numbers in [0, n) from `seed` on. */
export function seededIntegers(seed) {
  return (n) => {
    seed = step(seed);
    return seed % n;
  };
}

/** Fractions in [0, 1) from `seed` on. */
export function seededFractions(seed) {
  return () => (seed = step(seed)) / 2147483648;
}
