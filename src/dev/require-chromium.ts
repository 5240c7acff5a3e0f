// The first step of `npm test`: the browser tests need Debian's Chromium (never a downloaded
// browser). Where it is missing, install it when this process may (root, with apt-get, as on CI
// machines and containers), otherwise stop at once with one line saying what to install, rather
// than letting the browser tests fail or skip an hour later.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { CHROMIUM } from './browser.ts';

/** What to do about the browser: nothing, install it, or tell the user. */
export type ChromiumPlan = { action: 'ready' } | { action: 'install' } | { action: 'stop'; message: string };

/** Decides from the facts of this machine; pure, so it can be tested for every case. */
export function planChromium(facts: {
  path: string;
  custom: boolean;
  executable: (path: string) => boolean;
  root: boolean;
  aptGet: boolean;
}): ChromiumPlan {
  if (facts.executable(facts.path)) return { action: 'ready' };
  if (facts.custom) {
    return {
      action: 'stop',
      message: `npm test: CHROMIUM_PATH is ${facts.path}, which is not an executable file: point it at a Chromium binary or unset it to use Debian's /usr/bin/chromium`,
    };
  }
  if (facts.root && facts.aptGet) return { action: 'install' };
  return {
    action: 'stop',
    message: `npm test needs Chromium for its browser tests and ${facts.path} is missing: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary`,
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const plan = planChromium({
    path: CHROMIUM,
    custom: process.env.CHROMIUM_PATH !== undefined,
    executable: isExecutable,
    root: process.getuid?.() === 0,
    aptGet: hasAptGet,
  });
  if (plan.action === 'ready') return;
  if (plan.action === 'stop') {
    console.error(plan.message);
    process.exit(1);
  }
  console.error("npm test: installing Debian's chromium for the browser tests (apt-get install chromium)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (run.status !== 0) {
      console.error(
        `npm test: apt-get ${args.join(' ')} failed: install Debian's chromium yourself (apt-get install chromium)`,
      );
      process.exit(1);
    }
  }
  if (!isExecutable(CHROMIUM)) {
    console.error(`npm test: chromium was installed but ${CHROMIUM} is still missing: set CHROMIUM_PATH to its binary`);
    process.exit(1);
  }
}

if (import.meta.main) main();
