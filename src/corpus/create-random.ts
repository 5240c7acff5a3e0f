/** A seeded source of random choices: the same seed gives the same sequence on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both ends included. */
  int: (min: number, max: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** One item of a non-empty list, each equally likely. */
  pick: <T>(list: readonly T[]) => T;
  /** One item of a non-empty list, with the given weights. */
  pickWeighted: <T>(list: readonly (readonly [T, number])[]) => T;
  /** An index into a list of `length` items, skewed towards the front (a few items get most picks). */
  skewedIndex: (length: number) => number;
  /** A standard normal deviate (Box–Muller). */
  normal: () => number;
}

/**
 * Creates a mulberry32 generator: 32 bits of state, fast, and good enough for synthetic text.
 * `Math.random` is never used, so a corpus is reproducible from its seed.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number],
    pickWeighted: (list) => {
      const total = list.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of list) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return (list[list.length - 1] as (typeof list)[number])[0];
    },
    // Squaring a uniform deviate gives index 0 about 1/sqrt(length) of the picks: a long tail
    // of rarely cited entities behind a few that appear everywhere, as in a real archive.
    skewedIndex: (length) => Math.floor(next() ** 2 * length),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** Derives an independent seed for item `index` of a corpus, so items can be made in any order. */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
