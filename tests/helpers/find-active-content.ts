import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const CLOBBERABLE = new Set(['location', 'cookie', 'document', 'window', 'name', 'top', 'self']);

/**
 * Parses a page like a browser would and lists what could run code or clobber globals: script
 * elements other than external modules and JSON-LD, event-handler attributes, javascript: URLs,
 * frames, objects, inline styles, and ids or names that shadow globals.
 */
export function findActiveContent(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element') check(node);
    if ('children' in node) node.children.forEach(visit);
  };
  const check = (element: Element) => {
    const props = element.properties;
    const describe = `<${element.tagName}${Object.keys(props).length ? ' ' + JSON.stringify(props) : ''}>`;
    if (element.tagName === 'script') {
      const type = String(props.type ?? '');
      if (!(type === 'application/ld+json' || (type === 'module' && props.src))) found.push(describe);
    }
    if (['iframe', 'object', 'embed', 'style', 'base', 'form'].includes(element.tagName) && !props.role) {
      if (element.tagName !== 'form' || String(props.action ?? '').startsWith('javascript:')) found.push(describe);
    }
    for (const [key, value] of Object.entries(props)) {
      if (/^on/i.test(key)) found.push(describe);
      if (key === 'style') found.push(describe);
      if (
        (key === 'href' || key === 'src' || key === 'action') &&
        /^\s*(javascript|vbscript|data:text\/html)/i.test(String(value))
      ) {
        found.push(describe);
      }
      if ((key === 'id' || key === 'name') && CLOBBERABLE.has(String(value))) found.push(describe);
    }
  };
  visit(fromHtml(html));
  return found;
}
