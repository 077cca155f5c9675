/**
 * Keeps what the clerk is working in where it is on screen when a section's summary above it grows or shrinks.
 *
 * A slip in a cell brings a finding, and the summary at the top of the section grows by a line or appears
 * whole: the table below it, and the cell being typed into, would move down under the clerk's eyes (measured:
 * 116 pixels for a summary's first two lines) and back up when the slip is mended. The browser's own scroll
 * anchoring does not hold the focused cell (it anchors to whatever it picks first in the viewport), so it is
 * turned off (`overflow-anchor: none` in styles.css) and done here for the one kind of change that moves the
 * page while typing: the summaries are watched for changes of height after layout, and the page is scrolled
 * by the same amount, in the same frame, when the focused element is below the summary that changed.
 *
 * Each summary sits in a slot whose height is set here from the summary's: the slot has size and layout
 * containment, so a change inside it that keeps its height, the numbers a finding quotes changing with each
 * keystroke, is laid out within the slot instead of from the document down (measured with `npm run bench`:
 * layout 1.08 -> 0.59 ms a keystroke, task 8.05 -> 7.13 ms).
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react';

/** Each watched content: the slot it sits in, and its height as last seen. */
const watched = new WeakMap<Element, { slot: HTMLElement; height?: number }>();
let observer: ResizeObserver | null = null;

function heightOf(entry: ResizeObserverEntry): number {
  return entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
}

function onResize(entries: ResizeObserverEntry[]): void {
  const focused = document.activeElement;
  let shift = 0;
  for (const entry of entries) {
    const seen = watched.get(entry.target);
    if (!seen) continue;
    const { slot, height: before } = seen;
    const now = heightOf(entry);
    seen.height = now;
    if (before === now) continue;
    slot.style.height = `${now}px`;
    if (before === undefined || !focused || focused === document.body) continue;
    const where = slot.compareDocumentPosition(focused);
    // Below the summary, not inside it (a reason being typed in the summary moves with it).
    if (where & Node.DOCUMENT_POSITION_FOLLOWING && !(where & Node.DOCUMENT_POSITION_CONTAINED_BY)) shift += now - before;
  }
  if (shift !== 0) window.scrollBy(0, shift);
}

/**
 * Sizes a slot (size and layout containment in styles.css) to its content's height, before the first paint and
 * at every change, and keeps the focused element below it where it is on screen when that height changes.
 */
export function useSizedSlot(slot: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const box = slot.current;
    const el = content.current;
    if (!box || !el || typeof ResizeObserver === 'undefined') return;
    observer ??= new ResizeObserver(onResize);
    watched.set(el, { slot: box });
    observer.observe(el);
    // Contained only where it is sized: without a ResizeObserver the slot simply grows with its content.
    box.classList.add('sized');
    return () => {
      observer?.unobserve(el);
      watched.delete(el);
      box.classList.remove('sized');
      box.style.height = '';
    };
  }, [slot, content]);
}

/**
 * Follows the height of the page's sticky header, with the notices shown under it, in the CSS variable
 * `--topbar-height`: the toolbar wraps to a second line on narrower screens and a notice comes and goes, and the
 * navigation's sticky place, a section's scroll target and the space kept free when the browser scrolls a
 * focused field into view (tabbing to a cell) all sit below them.
 */
export function useStickyHeaderHeight(header: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = header.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const follow = new ResizeObserver(() => document.documentElement.style.setProperty('--topbar-height', `${el.offsetHeight}px`));
    follow.observe(el);
    return () => follow.disconnect();
  }, [header]);
}
