/**
 * Replaces a container's children without losing the keyboard's place: the element that had
 * focus (found again by its `data-key`) gets it back. The roster is rebuilt on every patch
 * (a submission, a connection), and a facilitator tabbing through it must not be thrown out.
 */
export function refill(container: HTMLElement, children: (Node | string)[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  const scroll = container.scrollTop;
  container.replaceChildren(...children);
  container.scrollTop = scroll;
  if (key === undefined) return;
  const again = Array.from(container.querySelectorAll<HTMLElement>("[data-key]")).find((el) => el.dataset.key === key);
  again?.focus();
}
