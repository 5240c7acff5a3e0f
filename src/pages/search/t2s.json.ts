import { listTraditionalToSimplifiedPairs } from '../../lib/script-convert.ts';

/** `/search/t2s.json`: the character pairs the search page uses to read traditional queries. */
export function GET(): Response {
  return new Response(JSON.stringify(listTraditionalToSimplifiedPairs()), {
    headers: { 'content-type': 'application/json' },
  });
}
