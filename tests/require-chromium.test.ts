import { describe, expect, it } from 'vitest';
import { planChromium, planPackages } from '../src/dev/require-chromium.ts';

const machine = { path: '/usr/bin/chromium', custom: false, root: false, aptGet: true };

describe('npm test on a machine without Chromium', () => {
  it('goes ahead when the browser is there', () => {
    expect(planChromium({ ...machine, executable: () => true })).toEqual({ action: 'ready' });
  });

  it("installs Debian's chromium where it may: as root with apt-get", () => {
    expect(planChromium({ ...machine, root: true, executable: () => false })).toEqual({ action: 'install' });
  });

  it('stops with one line saying what to install otherwise', () => {
    const plan = planChromium({ ...machine, executable: () => false });
    expect(plan.action).toBe('stop');
    const message = plan.action === 'stop' ? plan.message : '';
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/apt-get install chromium/);
    expect(planChromium({ ...machine, root: true, aptGet: false, executable: () => false }).action).toBe('stop');
  });

  it('never installs over a CHROMIUM_PATH that points nowhere', () => {
    const plan = planChromium({ ...machine, path: '/opt/none', custom: true, root: true, executable: () => false });
    expect(plan).toMatchObject({ action: 'stop', message: expect.stringMatching(/CHROMIUM_PATH is \/opt\/none/) });
  });

  it('asks for Java, which the HTML checker needs, the same way', () => {
    const java = [{ what: 'Java for the Nu Html Checker', package: 'default-jre-headless' }];
    expect(planPackages([], false, true)).toEqual({ action: 'ready' });
    expect(planPackages(java, true, true)).toEqual({ action: 'install' });
    expect(planPackages(java, false, true)).toEqual({
      action: 'stop',
      message:
        "npm test needs Java for the Nu Html Checker: install Debian's default-jre-headless (sudo apt-get install default-jre-headless)",
    });
  });
});
