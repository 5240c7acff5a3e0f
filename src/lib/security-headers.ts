/**
 * The headers every response of the site should carry, read from `public/_headers` so the file
 * static hosts use, the README's server snippets and the tests agree.
 */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s+([A-Za-z-]+):\s*(.+?)\s*$/.exec(line);
    if (match) headers[match[1]!.toLowerCase()] = match[2]!;
  }
  return headers;
}
