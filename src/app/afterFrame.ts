/**
 * Runs work after the next frame has been drawn: in a task posted from the frame's animation callbacks, which
 * the browser runs once it has painted that frame. A page that draws no frame (a tab in the background) runs it
 * after a short wait instead, so nothing waits for the tab to be shown again.
 */
const FALLBACK_MS = 100;

export function afterNextFrame(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    work();
  };
  const fallback = setTimeout(run, FALLBACK_MS);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
}
