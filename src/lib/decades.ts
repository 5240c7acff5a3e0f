/** Items of one decade, in the order they were given. */
export interface DecadeGroup<T> {
  /** The decade's first year: 1990 for 1990–1999. */
  decade: number;
  items: T[];
}

/**
 * Runs of items by decade, in the order given (newest first in, newest decade first out); a
 * decade met again after another starts a new run, so give the items sorted by year.
 */
export function groupByDecade<T>(items: readonly T[], yearOf: (item: T) => number): DecadeGroup<T>[] {
  const groups: DecadeGroup<T>[] = [];
  for (const item of items) {
    const decade = Math.floor(yearOf(item) / 10) * 10;
    const last = groups.at(-1);
    if (last?.decade === decade) last.items.push(item);
    else groups.push({ decade, items: [item] });
  }
  return groups;
}
