// The first step of `npm test`: the browser tests need Debian's Chromium (never a downloaded
// browser) and the Nu Html Checker needs Java. Where one is missing, install it when this process
// may (root, with apt-get, as on CI machines and containers), otherwise stop at once with one line
// saying what to install, rather than letting the tests fail or skip minutes later.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { CHROMIUM } from './browser.ts';

/** What to do about a package the tests need: nothing, install it, or tell the user. */
export type PackagePlan = { action: 'ready' } | { action: 'install' } | { action: 'stop'; message: string };

/** Decides from the facts of this machine; pure, so it can be tested for every case. */
export function planChromium(facts: {
  path: string;
  custom: boolean;
  executable: (path: string) => boolean;
  root: boolean;
  aptGet: boolean;
}): PackagePlan {
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

/** What to do about other Debian packages the tests need, given which are missing. */
export function planPackages(
  missing: readonly { what: string; package: string }[],
  root: boolean,
  aptGet: boolean,
): PackagePlan {
  if (missing.length === 0) return { action: 'ready' };
  if (root && aptGet) return { action: 'install' };
  const packages = missing.map((item) => item.package).join(' ');
  const what = missing.map((item) => item.what).join(' and ');
  return {
    action: 'stop',
    message: `npm test needs ${what}: install Debian's ${packages} (sudo apt-get install ${packages})`,
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

function install(packages: readonly string[]): void {
  console.error(`npm test: installing Debian's ${packages.join(' ')} (apt-get install)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (run.status !== 0) {
      console.error(
        `npm test: apt-get ${args.join(' ')} failed: install ${packages.join(' ')} yourself (apt-get install)`,
      );
      process.exit(1);
    }
  }
}

function main(): void {
  const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const root = process.getuid?.() === 0;
  const browser = planChromium({
    path: CHROMIUM,
    custom: process.env.CHROMIUM_PATH !== undefined,
    executable: isExecutable,
    root,
    aptGet: hasAptGet,
  });
  const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
  const others = planPackages(
    hasJava ? [] : [{ what: 'Java for the Nu Html Checker', package: 'default-jre-headless' }],
    root,
    hasAptGet,
  );
  for (const plan of [browser, others]) {
    if (plan.action === 'stop') {
      console.error(plan.message);
      process.exit(1);
    }
  }
  const packages = [
    ...(browser.action === 'install' ? ['chromium'] : []),
    ...(others.action === 'install' ? ['default-jre-headless'] : []),
  ];
  if (packages.length === 0) return;
  install(packages);
  if (!isExecutable(CHROMIUM)) {
    console.error(`npm test: chromium was installed but ${CHROMIUM} is still missing: set CHROMIUM_PATH to its binary`);
    process.exit(1);
  }
}

if (import.meta.main) main();
