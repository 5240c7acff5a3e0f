const REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an XML text node or a quoted attribute value: `A&B <x>` becomes `A&amp;B &lt;x&gt;`.
 * The apostrophe becomes `&#39;`, which XML, XHTML and HTML all read back the same way.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => REPLACEMENTS[character] ?? character);
}
