/** Writes a coordinate or length for SVG markup, rounded to one decimal: `12.345` → `12.3`, `-0.04` → `0`. */
export function formatCoordinate(value: number): string {
  // String() prints -0 as "0", and a whole number of tenths always prints with at most one decimal.
  return String(Math.round(value * 10) / 10);
}
