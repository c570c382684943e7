/**
 * Keyboard focus in the panel: it never falls to the page when the control
 * that has it goes away.
 */

/** The controls that can take the keyboard focus. */
const FOCUSABLE =
  'button, input, select, textarea, [href], [tabindex]:not([tabindex="-1"])';

/** Whether the focus has fallen to the page (nothing, or the body, has it). */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

/** Whether an element can take the focus now: attached, enabled, shown. */
export function canFocus(element: Element | null | undefined): boolean {
  return (
    element instanceof HTMLElement &&
    element.isConnected &&
    !(element as HTMLButtonElement).disabled &&
    element.getClientRects().length > 0 &&
    !element.closest('[inert], [aria-hidden="true"]')
  );
}

/**
 * Keeps the keyboard focus inside a container: when the control that has
 * it is removed, disabled or hidden (a deleted key, a removed paired file, a
 * button that is disabled once used), the focus goes to the control that
 * followed it, or else to the one before it, instead of falling to the page.
 * Focus that the user moves elsewhere (to another part of the app, another
 * window) is left alone: the control that had it can still take it.
 */
export class FocusKeeper {
  /**
   * Keep the focus inside `node` (until `dispose`).
   */
  constructor(readonly node: HTMLElement) {
    node.addEventListener('focusout', this._onFocusOut);
  }

  /** Stop keeping the focus. */
  dispose(): void {
    this.node.removeEventListener('focusout', this._onFocusOut);
  }

  /**
   * The focus is leaving a control. When it goes nowhere, the controls
   * around it are noted now (they may be gone in a moment), and the next
   * frame gives the focus to the nearest one left, if the focus has fallen
   * to the page because the control itself cannot have it any more.
   */
  private _onFocusOut = (event: FocusEvent): void => {
    const lost = event.target;
    if (event.relatedTarget !== null || !(lost instanceof HTMLElement)) {
      return;
    }
    const all = Array.from(this.node.querySelectorAll<HTMLElement>(FOCUSABLE));
    const index = all.indexOf(lost);
    const candidates =
      index < 0
        ? []
        : [...all.slice(index + 1), ...all.slice(0, index).reverse()];
    requestAnimationFrame(() => {
      if (!focusLost() || canFocus(lost)) {
        return;
      }
      candidates.find(canFocus)?.focus();
    });
  };
}
