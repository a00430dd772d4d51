// Types of mulberry32.mjs for the TypeScript tests that import it.
export function mulberry32(seed: number): () => number;
export function prng(seed: number): () => number;
