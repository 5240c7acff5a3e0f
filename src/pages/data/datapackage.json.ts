import { CSV_FORMULA_NOTE, DOCUMENT_COLUMNS } from '../../lib/data-export.ts';
import { TEXTS_RESOURCE } from '../../lib/texts-export.ts';

/** `/data/datapackage.json`: a Frictionless Data package describing the downloads. */
export function GET(): Response {
  const pkg = {
    name: 'soe-reform-archive',
    title: 'SOE Reform Archive · 国企改革文献库',
    description:
      'Metadata of speeches, reports and news on Chinese state-owned-enterprise reform, with the enterprises, directives and people they name.',
    licenses: [
      { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Metadata: CC BY 4.0' },
    ],
    resources: [
      {
        name: 'documents',
        path: 'documents.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: CSV_FORMULA_NOTE,
        schema: {
          fields: DOCUMENT_COLUMNS.map((column) => ({ name: column.name, type: column.type })),
          primaryKey: ['id'],
        },
      },
      { name: 'documents-json', path: 'documents.json', format: 'json', mediatype: 'application/json' },
      { name: 'entities', path: 'entities.json', format: 'json', mediatype: 'application/json' },
      { name: 'graph', path: 'graph.json', format: 'json', mediatype: 'application/json' },
      TEXTS_RESOURCE,
    ],
  };
  return new Response(JSON.stringify(pkg, null, 1), { headers: { 'content-type': 'application/json' } });
}
