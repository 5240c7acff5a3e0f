/** A value frontmatter can hold: text, flags, lists and nested fields. */
export type FrontmatterValue =
  string | number | boolean | undefined | readonly FrontmatterValue[] | { readonly [key: string]: FrontmatterValue };

// YAML reads these as booleans, null or numbers, so they are quoted even though they are slugs.
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);
const NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * Writes fields as YAML frontmatter between `---` lines, in the order given; undefined fields
 * are left out. Ids and enum values stay plain (as editors write them); all other text is double-quoted (JSON escaping
 * is valid YAML), so dates stay strings and no Chinese punctuation can break the syntax.
 */
export function formatFrontmatter(data: { readonly [key: string]: FrontmatterValue }): string {
  return `---\n${formatMapping(data, '')}---\n`;
}

function formatMapping(data: { readonly [key: string]: FrontmatterValue }, indent: string): string {
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) out += `${indent}${key}: []\n`;
      else out += `${indent}${key}:\n${value.map((item) => formatItem(item, `${indent}  `)).join('')}`;
    } else if (typeof value === 'object') {
      out += `${indent}${key}:\n${formatMapping(value as { readonly [key: string]: FrontmatterValue }, `${indent}  `)}`;
    } else out += `${indent}${key}: ${formatScalar(value as string | number | boolean)}\n`;
  }
  return out;
}

function formatItem(item: FrontmatterValue, indent: string): string {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    // The first field shares the line with the dash; the others line up under it.
    const fields = formatMapping(item as { readonly [key: string]: FrontmatterValue }, `${indent}  `);
    return `${indent}- ${fields.slice(indent.length + 2)}`;
  }
  return `${indent}- ${formatScalar(item as string | number | boolean)}\n`;
}

function formatScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain =
    /^[a-z0-9][A-Za-z0-9-]*$/.test(value) &&
    /[a-z]/.test(value) &&
    !RESERVED.has(value.toLowerCase()) &&
    !NUMBER.test(value);
  return plain ? value : JSON.stringify(value);
}
