const OPENING = new Set(['(', '（']);
const CLOSING = new Set([')', '）']);
const SEPARATORS = [': ', '; ', '：', '；'];

/**
 * Cuts the editorial gloss off a name: a clause after a colon or semicolon outside brackets, then
 * any bracketed remarks at the end. `Head of the municipal SASAC (the text says 我委); the speaker
 * is not named` becomes `Head of the municipal SASAC`; brackets inside a name (`党委（扩大）会议`)
 * stay. Returns the text unchanged if nothing would be left.
 */
export function stripGloss(text: string): string {
  let depth = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const character = text[i] ?? '';
    if (OPENING.has(character)) depth++;
    else if (CLOSING.has(character)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATORS.some((separator) => text.startsWith(separator, i))) {
      end = i;
      break;
    }
  }
  let name = text.slice(0, end).trim();
  for (let open = trailingGroupStart(name); open > 0; open = trailingGroupStart(name)) {
    name = name.slice(0, open).trim();
  }
  name = name.replace(/[,，、]$/, '').trim();
  return name === '' ? text.trim() : name;
}

/** Where the bracketed group that ends `text` opens, or -1 when `text` does not end in one. */
function trailingGroupStart(text: string): number {
  if (!CLOSING.has(text.at(-1) ?? '')) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const character = text[i] ?? '';
    if (CLOSING.has(character)) depth++;
    else if (OPENING.has(character) && --depth === 0) return i;
  }
  return -1;
}
