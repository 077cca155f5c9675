/**
 * Writes text into an element whose text the page keeps outside React (a finding's wording, a cell's message).
 * The element's one text node is changed in place: setting textContent would replace the node, and the browser
 * would take the old text out of the layout and build the new one (measured: two text nodes removed and added
 * a keystroke, where a change in place is one "text changed").
 */
export function writeText(el: HTMLElement, text: string): void {
  const only = el.firstChild;
  if (only !== null && only === el.lastChild && only.nodeType === Node.TEXT_NODE) {
    const node = only as Text;
    if (node.data !== text) node.data = text;
  } else if (el.textContent !== text) {
    el.textContent = text;
  }
}
