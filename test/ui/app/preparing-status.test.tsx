// @vitest-environment jsdom
/**
 * While the residents' history is prepared behind the drawn city, the map says so in plain words
 * with a progress bar a screen reader announces, and says what Play will do meanwhile.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreparingStatus } from '../../../src/ui/app/preparing-status';
import { uiStore } from '../../../src/ui/store/ui-store';
import { reactHost } from '../../support/dom';

describe('preparing status', () => {
  const dom = reactHost();
  const initial = uiStore.getState();
  afterEach(() => {
    uiStore.setState(initial, true);
  });

  it("shows the residents' records being prepared as a labelled progress bar in a status region", async () => {
    uiStore.setState({ preparing: { part: 'population', fraction: 0.404 } });
    await act(async () => dom.root.render(<PreparingStatus />));
    const status = dom.host.querySelector('[role="status"]')!;
    expect(status.textContent).toContain("Preparing residents' records… 40 %");
    const bar = status.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).toBe("Preparing residents' records");
    expect(bar.value).toBe(40);
    expect(bar.max).toBe(100);
    expect(status.textContent).toContain('Play will start the run once they are ready.');
  });

  it('says the run will start by itself once Play has been pressed, names an unknown step plainly, and goes once ready', async () => {
    uiStore.setState({ preparing: { part: '', fraction: 0 }, playing: true });
    await act(async () => dom.root.render(<PreparingStatus />));
    expect(dom.host.textContent).toContain('Preparing the simulation… 0 %');
    expect(dom.host.textContent).toContain('The run starts as soon as they are ready.');
    await act(async () => uiStore.setState({ preparing: null }));
    expect(dom.host.querySelector('[role="status"]')).toBeNull();
  });
});
