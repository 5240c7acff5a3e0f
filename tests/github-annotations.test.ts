import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGithubAnnotation } from '../src/checker/github-annotations.ts';
import { suggestOption } from '../src/cli/command-line.ts';

/**
 * Reads one workflow command the way GitHub's runner does (documented syntax:
 * `::command key=value,key=value::message`, with %25, %0D, %0A in the message and also %3A, %2C
 * in property values), so the test checks what a pull request would show, not our own strings.
 */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text
      .replaceAll('%0D', '\r')
      .replaceAll('%0A', '\n')
      .replaceAll('%3A', ':')
      .replaceAll('%2C', ',')
      .replaceAll('%25', '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  const message = match[3]!.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
  return { command: match[1]!, properties, message };
}

describe('npm run check --format github', () => {
  it('writes an error on its file, line and column, titled by the field', () => {
    const line = formatGithubAnnotation({
      severity: 'error',
      file: 'content/documents/x.md',
      line: 12,
      column: 3,
      field: 'enterprises[1]',
      message: 'unknown enterprise "foo"',
    });
    expect(line).toBe(
      '::error file=content/documents/x.md,line=12,col=3,title=npm run check%3A enterprises[1]::unknown enterprise "foo"',
    );
  });

  it('survives commas, colons, percent signs, newlines and Chinese in file names and messages', () => {
    const problem = {
      severity: 'warning' as const,
      file: 'content/documents/a,b:c%d 国企.md',
      line: 4,
      column: 1,
      field: 'title.zh',
      message: '标题“国企改革：三年行动”, 50% done:\nsecond line\r\nthird',
    };
    const line = formatGithubAnnotation(problem);
    expect(line.split('\n')).toHaveLength(1);
    const parsed = parseWorkflowCommand(line);
    expect(parsed.command).toBe('warning');
    expect(parsed.properties).toEqual({
      file: problem.file,
      line: '4',
      col: '1',
      title: 'npm run check: title.zh',
    });
    expect(parsed.message).toBe(problem.message);
  });

  it('leaves out the line and column of a problem that has no place', () => {
    const parsed = parseWorkflowCommand(
      formatGithubAnnotation({ severity: 'error', file: 'content/enterprises', message: 'two files share the id x' }),
    );
    expect(parsed.properties).toEqual({ file: 'content/enterprises', title: 'npm run check' });
  });

  it('prints one annotation per problem from the real command, and still fails on errors', () => {
    const content = mkdtempSync(join(tmpdir(), 'annotations-'));
    cpSync('content', content, { recursive: true });
    const file = join(content, 'documents', '2005-yueqing-second-light-industry-work-conference-speech.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('type: speech', 'type: speach'));
    const run = spawnSync(process.execPath, ['src/cli/check.ts', '--content', content, '--format', 'github'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(1);
    const parsed = parseWorkflowCommand(annotations[0]!);
    expect(parsed.command).toBe('error');
    expect(parsed.properties.file).toMatch(/2005-yueqing-second-light-industry-work-conference-speech\.md$/);
    expect(parsed.properties.line).toBe('4');
    expect(parsed.message).toMatch(/speech/);
  });

  it('refuses an unknown option and suggests the one meant', () => {
    const run = spawnSync(process.execPath, ['src/cli/check.ts', '--formt', 'github'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/did you mean --format\?/);
    expect(suggestOption("Unknown option '--ful'", ['full', 'content'])).toBe('--full');
    expect(suggestOption("Unknown option '--zzz'", ['full', 'content'])).toBeUndefined();
  });
});
