// citeproc (citeproc-js in CommonJS) ships no types: the part of its API the archive uses.
declare module 'citeproc' {
  interface CslSystem {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface CslEngine {
    opt: { development_extensions: { wrap_url_and_doi: boolean } };
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [{ bibstart: string; bibend: string; entry_ids: string[][] }, string[]] | false;
  }
  /** A node of citeproc's parsed style (its `XmlJSON` form). */
  interface XmlJsonNode {
    name: string;
    attrs: Record<string, string>;
    children: (XmlJsonNode | string)[];
  }
  const CSL: {
    /** A style as its XML text, or as parsed by `parseXml`. */
    Engine: new (sys: CslSystem, style: string | XmlJsonNode, lang?: string, forceLang?: boolean) => CslEngine;
    /** citeproc-js's own XML parser: a style's text as the tree its engine reads. */
    parseXml(xml: string): XmlJsonNode;
    XmlJSON: {
      prototype: {
        getNodesByName(root: XmlJsonNode, name: string, nameattrval?: string, ret?: XmlJsonNode[]): XmlJsonNode[];
      };
    };
  };
  export default CSL;
}
