/**
 * What a screen reader is given during a scripted call: a MutationObserver in the page records every
 * change of the cue live regions (text, politeness), of the banner's cue and of the meters' levels. Each
 * cue is announced once per change in words — never a meter figure — and "You're talking over" is the
 * only assertive one.
 */
import { test, expect } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { everyCueCall } from './support/a11y-states.js';
import { BANNER_COPY, type BannerState } from '../../renderer/src/live-coach/cue-copy.js';
import { CueAnnouncer } from '../../renderer/src/live-coach/cue-announcement.js';

interface Heard {
  t: number;
  politeness: string;
  text: string;
}
interface Scene {
  t: number;
  banner: string;
  heated: boolean;
}
declare global {
  interface Window {
    __liveProbe?: { heard: Heard[]; scenes: Scene[]; meterChanges: number };
  }
}

/**
 * Init script: one MutationObserver over the page. It notes each change of what the regions say (their
 * text, when not emptied), each change of the coach's state the regions follow (their data-cue and
 * data-heated), and counts the meters' level changes.
 */
function installLiveProbe(): void {
  const probe = { heard: [] as Heard[], scenes: [] as Scene[], meterChanges: 0 };
  window.__liveProbe = probe;
  new MutationObserver((records) => {
    const t = performance.now();
    const container = document.querySelector<HTMLElement>('[data-testid="cue-live-regions"]');
    const regions = new Set<HTMLElement>();
    let sceneChanged = false;
    for (const r of records) {
      const node = r.target instanceof HTMLElement ? r.target : r.target.parentElement;
      if (r.type === 'attributes' && r.attributeName === 'data-level') probe.meterChanges += 1;
      else if (r.type === 'attributes' && r.target === container) sceneChanged = true;
      else if (container && node && container.contains(node) && node !== container)
        regions.add(node.closest<HTMLElement>('[aria-live]')!);
    }
    if (sceneChanged && container) {
      const scene = {
        t,
        banner: container.dataset.cue ?? '',
        heated: container.dataset.heated === 'true',
      };
      const last = probe.scenes.at(-1);
      if (!last || last.banner !== scene.banner || last.heated !== scene.heated)
        probe.scenes.push(scene);
    }
    for (const region of regions) {
      const text = region.textContent ?? '';
      if (text !== '')
        probe.heard.push({ t, politeness: region.getAttribute('aria-live') ?? '', text });
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-level', 'data-cue', 'data-heated'],
  });
}

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('a scripted call: each cue change is announced once in words through the live regions, talking over assertively', async () => {
  const call = everyCueCall();
  app = await launchApp({ captureWav: call.file, initScript: installLiveProbe });
  const { page } = app;
  // Both regions are in the page, empty, before the call: a screen reader follows only regions it knows.
  const regions = page.getByTestId('cue-live-regions').locator('[aria-live]');
  await expect(regions).toHaveCount(2);
  await expect(regions.first()).toHaveText('');
  await expect(regions.last()).toHaveText('');
  await page.getByTestId('start-call').click();
  await page.getByTestId('end-call').waitFor();
  // Wait for the call's last cue (the loud answer) to come and go: the file has played.
  await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'too-loud', {
    timeout: 40_000,
  });
  await expect(page.getByTestId('cue-banner')).not.toHaveAttribute('data-cue', 'too-loud', {
    timeout: 20_000,
  });
  await page.getByTestId('end-call').click();
  await page.getByTestId('wrap-up').waitFor();
  const probe = await page.evaluate(() => window.__liveProbe!);

  const heard = probe.heard.map((h) => `${h.politeness}: ${h.text}`);
  console.log(
    `coach changes ${probe.scenes.length} (${probe.scenes.map((c) => c.banner + (c.heated ? '*' : '')).join(' → ')}); ` +
      `meter updates ${probe.meterChanges}; announced ${heard.length}:\n  ${heard.join('\n  ')}`,
  );
  // The same announcements the rule gives for the banner's changes, in order — no more (meters, figures,
  // Ready / Listening), no fewer.
  const announcer = new CueAnnouncer();
  const expected = probe.scenes.flatMap((c) => {
    const said = announcer.next({ banner: c.banner as BannerState, heated: c.heated }, c.t / 1000);
    return said ? [`${said.politeness}: ${said.text}`] : [];
  });
  expect(heard).toEqual(expected);
  // Every cue of the call was heard, in its words; only talking over was assertive (* = caller heated).
  const cues: BannerState[] = [
    'wait-for-pause',
    'your-turn',
    'caller-heated',
    'talking-over',
    'too-loud',
  ];
  for (const cue of cues)
    expect(
      heard.some(
        (h) =>
          h.startsWith(cue === 'talking-over' ? 'assertive: ' : 'polite: ') &&
          h.includes(BANNER_COPY[cue].title),
      ),
      BANNER_COPY[cue].title,
    ).toBe(true);
  // Far fewer announcements than screen updates: at most one per change of the coach, none per meter frame.
  expect(probe.meterChanges).toBeGreaterThan(50);
  expect(heard.length).toBeLessThanOrEqual(probe.scenes.length);
  expect(heard.length).toBeLessThanOrEqual(12);
  expect(heard.every((h) => !/\d/.test(h))).toBe(true);
  expect(app.consoleErrors).toEqual([]);
});
