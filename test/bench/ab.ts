/**
 * `npm run bench:ab`: the app against another version of itself, typed into the bench's way (./keystrokes.ts)
 * in one Chromium run, key by key in turn, so that a change is measured against the same machine load:
 *  - A: the app as built from a folder (AB_DIR_A: `npx vite build --outDir DIR` on the version to compare
 *    with), else the working tree's build;
 *  - B: the working tree's build, with AB_CSS_B added to its page if given (a style tried without a build).
 * With neither set, A and B are the same page: the run then shows how far two runs of one page differ.
 * AB_KEYS keystrokes each (100 unless told), then as many with the CPU throttled 4×. Printed: one JSON object
 * per side, in ms per keystroke.
 */
import { launch, buildAndServe, serveDir } from '../e2e/browser';
import { keystroke, median, openSubject, p95, round } from './keystrokes';

const KEYS = Number(process.env.AB_KEYS ?? 100);
const fixture = new URL('../fixtures/full-2021.draft.json', import.meta.url).pathname;

const built = await buildAndServe();
const a = process.env.AB_DIR_A ? await serveDir(process.env.AB_DIR_A) : built;
const browser = await launch();
try {
  const sides = [
    { label: 'A', subject: await openSubject(browser, 'app', `${a.origin}/`, fixture) },
    { label: 'B', subject: await openSubject(browser, 'app', `${built.origin}/`, fixture, { css: process.env.AB_CSS_B }) },
  ].map((side) => ({ ...side, task: [] as number[], script: [] as number[], latency: [] as number[], throttled: [] as number[] }));
  // Each key goes to A then B, then B then A: neither side always types just after the other.
  const inTurn = (i: number) => (i % 2 === 0 ? sides : [...sides].reverse());
  for (let i = 0; i < KEYS; i++) {
    for (const side of inTurn(i)) {
      const r = await keystroke(side.subject, i, false);
      side.task.push(r.task);
      side.script.push(r.script);
      side.latency.push(r.latency);
    }
  }
  for (let i = 0; i < KEYS; i++) for (const side of inTurn(i)) side.throttled.push((await keystroke(side.subject, i, true)).latency);
  const out: Record<string, Record<string, number>> = {};
  for (const side of sides) {
    out[side.label] = {
      task_median_ms: round(median(side.task)),
      script_median_ms: round(median(side.script)),
      keystroke_median_ms: round(median(side.latency)),
      keystroke_p95_ms_throttled_4x: round(p95(side.throttled)),
    };
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await built.close();
  if (a !== built) await a.close();
}
