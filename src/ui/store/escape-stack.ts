/**
 * Which open panels Escape closes, topmost first: a panel that opens goes on top of the stack and
 * leaves it when it closes, so Escape always closes the one the user opened last (the console, the
 * Why? chain, the privacy panel, the indicator chooser, a decision card), never one behind it.
 * Modal dialogs (the scenario chooser, the sweep view, the briefing) take Escape themselves first.
 */
import { useEffect, useRef } from 'react';

interface Entry {
  readonly close: () => void;
}

const stack: Entry[] = [];

/** Puts a panel on the stack while `open`; `close` is read when Escape comes, so it may change between renders. */
export function useCloseOnEscape(open: boolean, close: () => void): void {
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    if (!open) return;
    const entry: Entry = { close: () => latest.current() };
    stack.push(entry);
    return () => {
      const i = stack.lastIndexOf(entry);
      if (i >= 0) stack.splice(i, 1);
    };
  }, [open]);
}

/** Closes the topmost open panel; false when none is open. */
export function closeTopmost(): boolean {
  const top = stack.pop();
  if (!top) return false;
  top.close();
  return true;
}

/** How many panels are open (for tests). */
export const openPanelCount = (): number => stack.length;
