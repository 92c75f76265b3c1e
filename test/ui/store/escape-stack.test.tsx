// @vitest-environment jsdom
/** Escape closes the panel opened last, and a panel that closes by other means leaves the stack. */
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { closeTopmost, openPanelCount, useCloseOnEscape } from '../../../src/ui/store/escape-stack';
import { reactHost } from '../../support/dom';

let setters: Record<string, (open: boolean) => void> = {};

function Panel({ name }: { name: string }) {
  const [open, setOpen] = useState(false);
  setters[name] = setOpen;
  useCloseOnEscape(open, () => setOpen(false));
  return open ? <p data-panel={name} /> : null;
}

describe('escape stack', () => {
  const dom = reactHost();
  const shown = () => [...dom.host.querySelectorAll('[data-panel]')].map((e) => e.getAttribute('data-panel'));

  it('closes the most recently opened panel first, whatever the order on the page', async () => {
    setters = {};
    await act(async () =>
      dom.root.render(
        <>
          <Panel name="console" />
          <Panel name="chain" />
          <Panel name="privacy" />
        </>,
      ),
    );
    await act(async () => setters.chain!(true));
    await act(async () => setters.privacy!(true));
    await act(async () => setters.console!(true));
    expect(openPanelCount()).toBe(3);
    await act(async () => void closeTopmost());
    expect(shown()).toEqual(['chain', 'privacy']);
    // Closed by its own button: it leaves the stack, and Escape goes to the one below.
    await act(async () => setters.privacy!(false));
    await act(async () => void closeTopmost());
    expect(shown()).toEqual([]);
    expect(openPanelCount()).toBe(0);
    expect(closeTopmost()).toBe(false);
  });
});
