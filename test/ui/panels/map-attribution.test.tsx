// @vitest-environment jsdom
/** The map data's licences need their credits shown wherever the map is: a corner of the city view, not a collapsed panel. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MapAttribution } from '../../../src/ui/panels/map-attribution';
import { uiStore } from '../../../src/ui/store/ui-store';
import type { WorldView } from '../../../src/worker/protocol';
import { reactHost } from '../../support/dom';

const world = (city: string | null, cameras: string | null) => ({ city: { attribution: city }, cyber: { attribution: cameras } }) as unknown as WorldView;

describe('map attribution overlay', () => {
  const dom = reactHost();
  const initial = uiStore.getState();
  afterEach(() => {
    uiStore.setState(initial, true);
  });

  it("shows an OpenStreetMap city's credit, linked to the copyright page, outside any <details>", async () => {
    uiStore.setState({ world: world('© OpenStreetMap contributors (ODbL)', null) });
    await act(async () => dom.root.render(<MapAttribution />));
    const box = dom.host.querySelector('[aria-label="Map data attribution"]')!;
    expect(box.textContent).toBe('© OpenStreetMap contributors (ODbL)');
    expect(box.closest('details')).toBeNull();
    expect(box.querySelector('a')!.getAttribute('href')).toBe('https://www.openstreetmap.org/copyright');
  });

  it("adds a camera register's credit, once when both are the same, and shows nothing for a generated city", async () => {
    uiStore.setState({
      world: world('© OpenStreetMap contributors (ODbL)', 'Contains public sector information licensed under the Open Government Licence v3.0'),
    });
    await act(async () => dom.root.render(<MapAttribution />));
    expect([...dom.host.querySelectorAll('.map-attribution > span')].map((s) => s.textContent)).toEqual([
      '© OpenStreetMap contributors (ODbL)',
      'Contains public sector information licensed under the Open Government Licence v3.0',
    ]);
    await act(async () => uiStore.setState({ world: world('Same', 'Same') }));
    expect(dom.host.querySelectorAll('.map-attribution > span').length).toBe(1);
    await act(async () => uiStore.setState({ world: world(null, null) }));
    expect(dom.host.querySelector('.map-attribution')).toBeNull();
  });
});
