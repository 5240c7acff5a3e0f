import { escapeXml } from './escape-xml.ts';
import { formatCoordinate } from './format-coordinate.ts';

/** What every chart's `<svg>` element carries: its box, accessible name and description, and ids. */
export interface SvgFrame {
  /** Starts the ids of the `<title>` and `<desc>`, so it must be unique on the page. */
  idPrefix: string;
  /** The accessible name of the image. */
  title: string;
  /** A sentence that summarises what the image shows. */
  description: string;
  /** The `lang` attribute of the `<svg>` element. */
  lang: string;
  /** The class of the `<svg>` element, for the site's CSS. */
  className: string;
  /** `[minX, minY, width, height]` of the viewBox. */
  viewBox: readonly [number, number, number, number];
}

const ID_PREFIX = /^[A-Za-z][\w-]*$/;

/**
 * Wraps chart markup in a self-contained `<svg>` with `role="group"` (its bars and nodes are links,
 * which `role="img"` would hide from assistive technology), a `<title>` and a `<desc>` that
 * name and describe it, and `fill="currentColor"` so unstyled shapes follow the text colour.
 */
export function renderSvgRoot(frame: SvgFrame, body: string): string {
  const { idPrefix, title, description, lang, className, viewBox } = frame;
  // The prefix is one token of aria-labelledby, which a space or a leading digit would break.
  if (!ID_PREFIX.test(idPrefix)) {
    throw new Error(`idPrefix must start with a letter and hold only letters, digits, - and _, got "${idPrefix}"`);
  }
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox.map(formatCoordinate).join(' ')}"` +
      ` class="${escapeXml(className)}" role="group" aria-labelledby="${titleId}" aria-describedby="${descId}"` +
      ` lang="${escapeXml(lang)}" fill="currentColor">`,
    `<title id="${titleId}">${escapeXml(title)}</title>`,
    `<desc id="${descId}">${escapeXml(description)}</desc>`,
    body,
    '</svg>',
  ].join('\n');
}
