/*
 * Characters that change the order in which text is displayed without being seen themselves:
 * an override (U+202E) in a title makes it read differently on screen from what is stored, in
 * the site, in citations and in a reviewer's diff ("Trojan Source", CVE-2021-42574). Chinese and
 * English text never needs them, so the checker refuses them wherever they stand.
 */
const NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** Every bidirectional control character in `text`, with its index and what to do. */
export function findBidiControls(text: string): { index: number; message: string }[] {
  const found: { index: number; message: string }[] = [];
  for (const match of text.matchAll(/[\u202A-\u202E\u2066-\u2069]/g)) {
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase();
    found.push({
      index: match.index,
      message: `invisible U+${code} ${NAMES[match[0]]}: it makes the text show in another order than it is written (and than a diff shows); delete it`,
    });
  }
  return found;
}
