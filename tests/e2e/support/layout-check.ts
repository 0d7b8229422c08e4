/**
 * A layout check of what the page shows now, for WCAG 1.4.10 (reflow) and 1.4.4 (resize text): no
 * horizontal scrolling of the page, every visible control and line of text inside the viewport
 * horizontally, none overlapping another, and no text cut off by its own box. Boxes are the controls
 * (buttons, fields, canvases, sliders) and the line boxes of text outside them; a visually hidden element
 * (a live region) is not on screen and is skipped; inside a scrolling or clipping box only the part it
 * shows counts. Shadow DOM (wavesurfer's drawing) is its own layout.
 */
import { expect, type Page } from '@playwright/test';

export interface LayoutProblem {
  kind: 'page scrolls sideways' | 'outside the viewport' | 'overlap' | 'cut off';
  what: string;
}

function checkLayout(): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const vw = document.documentElement.clientWidth;
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push({
      kind: 'page scrolls sideways',
      what: `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`,
    });
  const CONTROL =
    'button, input:not([type=hidden]), select, textarea, canvas, [role=slider], progress, summary';
  // checkVisibility: a closed <details>'s content is laid out but not rendered (content-visibility), and
  // its boxes would otherwise count.
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    return (
      el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) &&
      r.width >= 2 &&
      r.height >= 2
    );
  };
  /** A label laid over its sibling drawing on purpose (the review's lane names over the lanes). */
  const overlay = (a: Element, b: Element) =>
    a.parentElement === b.parentElement &&
    (getComputedStyle(a).position === 'absolute' || getComputedStyle(b).position === 'absolute');
  const label = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  /** The part of `rect` its clipping ancestors (overflow other than visible) let show; null: none. */
  const visiblePart = (el: Element, rect: DOMRect): DOMRect | null => {
    let [l, t, r, b] = [rect.left, rect.top, rect.right, rect.bottom];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      [l, t, r, b] = [
        Math.max(l, c.left),
        Math.max(t, c.top),
        Math.min(r, c.right),
        Math.min(b, c.bottom),
      ];
    }
    return r - l >= 2 && b - t >= 2 ? new DOMRect(l, t, r - l, b - t) : null;
  };
  const boxes: { rect: DOMRect; el: Element; what: string }[] = [];
  // With a modal dialog open the page behind it is covered (and inert): only the dialog is checked.
  const scope = document.querySelector('dialog:modal') ?? document.body;
  for (const el of scope.querySelectorAll(CONTROL))
    if (shown(el) && !el.closest('.visually-hidden')) {
      const rect = visiblePart(el, el.getBoundingClientRect());
      if (rect) boxes.push({ rect, el, what: label(el) });
    }
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim()) continue;
    if (
      parent.closest(CONTROL) ||
      parent.closest('.visually-hidden, [hidden], option, script, style') ||
      !parent.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })
    )
      continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      const rect = visiblePart(parent, line);
      if (rect)
        boxes.push({ rect, el: parent, what: `text "${node.textContent.trim().slice(0, 30)}"` });
    }
    // Cut off: text in a box that clips it.
    const s = getComputedStyle(parent);
    if (
      (s.overflowX !== 'visible' || s.textOverflow === 'ellipsis') &&
      parent.scrollWidth > parent.clientWidth + 1
    )
      problems.push({ kind: 'cut off', what: label(parent) });
  }
  for (const b of boxes)
    if (b.rect.left < -1 || b.rect.right > vw + 1)
      problems.push({
        kind: 'outside the viewport',
        what: `${b.what} at ${Math.round(b.rect.left)}–${Math.round(b.rect.right)} of ${vw}`,
      });
  const seen = new Set<string>();
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      // A control and the text or control inside it (a summary's text, a canvas in a button) are one.
      if (a.el.contains(b.el) || b.el.contains(a.el) || overlay(a.el, b.el)) continue;
      const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (w > 1 && h > 1) {
        const what = `${a.what} × ${b.what}`;
        if (!seen.has(what)) problems.push({ kind: 'overlap', what });
        seen.add(what);
      }
    }
  return problems;
}

/** Checks the layout at the page's current size and records a soft failure listing what is wrong. */
export async function expectReflows(page: Page, state: string): Promise<void> {
  const size = page.viewportSize();
  // Layout settles after a resize (charts redraw from a ResizeObserver, a frame or more later on a busy
  // machine): what still overlaps or sticks out after 3 s is a problem.
  await page
    .waitForFunction(`(${checkLayout.toString()})().length === 0`, null, {
      timeout: 3000,
      polling: 100,
    })
    .catch(() => undefined);
  const problems = await page.evaluate(checkLayout);
  console.log(
    `layout ${state} at ${size?.width}×${size?.height}: ${problems.length} problems` +
      problems
        .slice(0, 8)
        .map((p) => `\n  ${p.kind}: ${p.what}`)
        .join(''),
  );
  expect
    .soft(
      problems.map((p) => `${p.kind}: ${p.what}`),
      `${state} at ${size?.width}×${size?.height}`,
    )
    .toEqual([]);
}
