/**
 * A keyboard walk of what the page shows now, with Tab and Shift+Tab only: every stop is noted with its
 * accessible name (axe-core's computation) and whether focus is visible on it — its outline or box-shadow
 * while focused differs from the same element unfocused, and the outline is at least 2 px wide. The
 * interactive elements on screen that the walk must reach are listed by the page itself (one radio per
 * group: arrow keys move within a group).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface TabStop {
  /** Index in the walk's element list (the same element always gets the same index). */
  id: number;
  describe: string;
  name: string;
  visible: boolean;
}

export interface WalkResult {
  forward: TabStop[];
  backward: TabStop[];
  /** Interactive elements on screen that Tab never reached. */
  missed: string[];
}

declare global {
  interface Window {
    __walk?: { elements: Element[]; focusedStyle: Map<Element, string> };
    axe?: {
      setup(root: Document): void;
      teardown(): void;
      utils: { getNodeFromTree(el: Element): unknown };
      commons: { text: { accessibleTextVirtual(node: unknown): string } };
    };
  }
}

/** What the page notes at each stop (run in the page). */
function noteStop(): { id: number; describe: string; name: string } | null {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const walk = window.__walk!;
  let id = walk.elements.indexOf(el);
  if (id < 0) id = walk.elements.push(el) - 1;
  const s = getComputedStyle(el);
  walk.focusedStyle.set(
    el,
    JSON.stringify([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]),
  );
  const axe = window.axe!;
  axe.setup(document);
  const name = axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(el)).trim();
  axe.teardown();
  const testId = el.getAttribute('data-testid');
  const describe = `${el.tagName.toLowerCase()}${testId ? `[${testId}]` : ''}${
    el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''
  } "${name.slice(0, 40)}"`;
  return { id, describe, name };
}

async function walkOneWay(page: Page, key: 'Tab' | 'Shift+Tab', maxStops: number) {
  const stops: { id: number; describe: string; name: string }[] = [];
  let leftFirst = false;
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press(key);
    const stop = await page.evaluate(noteStop);
    if (stops.length > 0 && stop?.id !== stops[0].id) leftFirst = true;
    if (!stop) continue; // focus left the page (the browser's own UI) before wrapping round
    if (leftFirst && stop.id === stops[0].id) return stops;
    // Date inputs take one Tab per field (day, month, year): one stop.
    if (stops.at(-1)?.id !== stop.id) stops.push(stop);
  }
  throw new Error(
    `${key} did not come round in ${maxStops} presses: ${stops.map((s) => s.describe).join(', ')}`,
  );
}

/** Walks the page forwards and backwards from where focus is (start from the body for the whole page). */
export async function keyboardWalk(page: Page, maxStops = 150): Promise<WalkResult> {
  await page.evaluate(axeSource);
  await page.evaluate(() => {
    window.__walk = { elements: [], focusedStyle: new Map() };
  });
  const forward = await walkOneWay(page, 'Tab', maxStops);
  const backward = await walkOneWay(page, 'Shift+Tab', maxStops);
  const result = await page.evaluate(() => {
    const walk = window.__walk!;
    // Unfocused look of each element, compared with its look while focused.
    (document.activeElement as HTMLElement | null)?.blur();
    const visible = walk.elements.map((el) => {
      const s = getComputedStyle(el);
      const focused = JSON.parse(walk.focusedStyle.get(el) ?? '[]') as string[];
      const unfocused = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow];
      const outline = focused[0] !== 'none' && parseFloat(focused[1]) >= 2;
      return (
        JSON.stringify(focused) !== JSON.stringify(unfocused) && (outline || focused[3] !== 'none')
      );
    });
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // With a modal dialog open, the rest of the page is inert.
    const scope = document.querySelector('dialog:modal') ?? document;
    const candidates = [
      ...scope.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=true]',
      ),
    ].filter(
      (el) =>
        shown(el) &&
        el.getAttribute('tabindex') !== '-1' &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest('[inert]') &&
        // A closed <details>'s content is not on screen.
        !(el.closest('details:not([open])') && el.tagName !== 'SUMMARY'),
    );
    const radioGroups = new Set<string>();
    const missed: string[] = [];
    for (const el of candidates) {
      if (walk.elements.includes(el)) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        const group = el.name;
        const reached = walk.elements.some(
          (w) => w instanceof HTMLInputElement && w.type === 'radio' && w.name === group,
        );
        if (reached || radioGroups.has(group)) continue;
        radioGroups.add(group);
      }
      missed.push(
        `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 40) ?? ''}`,
      );
    }
    return { visible, missed };
  });
  const tag = (s: { id: number; describe: string; name: string }): TabStop => ({
    ...s,
    visible: result.visible[s.id],
  });
  return { forward: forward.map(tag), backward: backward.map(tag), missed: result.missed };
}

/** Walks the screen and expects: every interactive element reached, each named and visibly focused,
 * and Shift+Tab visiting the same stops in the reverse order. */
export async function expectKeyboardWalk(page: Page, screen: string): Promise<WalkResult> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const walk = await keyboardWalk(page);
  console.log(
    `keyboard ${screen}: ${walk.forward.length} stops${walk.missed.length ? `, missed ${walk.missed.join('; ')}` : ''}` +
      walk.forward
        .filter((s) => !s.name || !s.visible)
        .map(
          (s) =>
            `\n  ${s.describe}${s.name ? '' : ' (no name)'}${s.visible ? '' : ' (focus not visible)'}`,
        )
        .join(''),
  );
  expect.soft(walk.missed, `${screen}: interactive elements Tab never reached`).toEqual([]);
  expect
    .soft(
      walk.forward.filter((s) => !s.name).map((s) => s.describe),
      `${screen}: stops without a name`,
    )
    .toEqual([]);
  expect
    .soft(
      walk.forward.filter((s) => !s.visible).map((s) => s.describe),
      `${screen}: stops without a visible focus indicator`,
    )
    .toEqual([]);
  // Shift+Tab from the first stop goes round the other way: the same stops, reversed.
  const back = walk.backward.map((s) => s.id);
  const expectedBack = [...walk.forward].reverse().map((s) => s.id);
  expect.soft(back, `${screen}: Shift+Tab order is Tab order reversed`).toEqual(expectedBack);
  return walk;
}
