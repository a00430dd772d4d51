// mulberry32: a small, seeded PRNG. The benchmark's config and the tests' random edits and bytes come from it, so
// the same seed always gives the same input and a failure can be replayed (Math.random() cannot).

/** Unsigned 32-bit integers from `seed`. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Numbers in [0, 1) from `seed`. */
export function prng(seed) {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}
