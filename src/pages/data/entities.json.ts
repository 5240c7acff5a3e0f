import { loadArchive } from '../../data/archive.ts';

/** `/data/entities.json`: every enterprise, directive and person, as in their files. */
export async function GET(): Promise<Response> {
  const archive = await loadArchive();
  const sorted = <T extends { id: string }>(items: Iterable<T>) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  const body = {
    enterprises: sorted(archive.enterprises.values()),
    directives: sorted(archive.directives.values()),
    people: sorted(archive.people.values()),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'content-type': 'application/json' } });
}
