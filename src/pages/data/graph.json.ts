import { loadArchive } from '../../data/archive.ts';
import { buildGraph } from '../../lib/data-export.ts';

/** `/data/graph.json`: documents and entities as nodes, document–entity edges with mention counts. */
export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(buildGraph(await loadArchive()), null, 1), {
    headers: { 'content-type': 'application/json' },
  });
}
