/**
 * Points in a WindowedText as offsets into its whole text, and back. Every
 * drawn block carries its offsets (data-start, data-end) and holds nothing
 * but its text, so a DOM point's offset is its block's start plus the length
 * of the text before it in the block.
 */

/** Where the character at `offset` is drawn (null when its block is not drawn). */
export function rectAt(box: HTMLElement, offset: number): DOMRect | null {
  for (const block of box.querySelectorAll<HTMLElement>(':scope > [data-block]')) {
    const start = Number(block.dataset['start']);
    if (offset < start || offset >= Number(block.dataset['end'])) continue;
    let left = offset - start;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (left < length) {
        const range = document.createRange();
        range.setStart(node, left);
        range.setEnd(node, left + 1);
        return range.getBoundingClientRect();
      }
      left -= length;
    }
    return block.getBoundingClientRect();
  }
  return null;
}

/**
 * The reader's selection in the box as offsets into the whole text, or null
 * when nothing in it is selected.
 */
export function selectedSpan(box: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (box === null || selection === null || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.collapsed || !box.contains(range.startContainer) || !box.contains(range.endContainer)) {
    return null;
  }
  const start = offsetAt(box, range.startContainer, range.startOffset);
  const end = offsetAt(box, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

/** A DOM point in the box as an offset into the whole text. */
function offsetAt(box: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>('[data-block]');
  if (block !== null && block !== undefined && block.parentElement === box) {
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, offset);
    return Number(block.dataset['start']) + before.toString().length;
  }
  // Between blocks (on the box, or in a spacer, as a triple click gives): the next block's start.
  let after: Node | null = node === box ? (box.childNodes[offset] ?? null) : node;
  while (after !== null && after.parentNode !== box) after = after.parentNode;
  for (let n = after; n !== null; n = n.nextSibling) {
    if (n instanceof HTMLElement && n.dataset['start'] !== undefined)
      return Number(n.dataset['start']);
  }
  const drawn = box.querySelectorAll<HTMLElement>(':scope > [data-block]');
  const last = drawn[drawn.length - 1];
  return last === undefined ? null : Number(last.dataset['end']);
}
