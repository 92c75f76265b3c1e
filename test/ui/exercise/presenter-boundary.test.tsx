// @vitest-environment jsdom
/**
 * The presenter's error boundary: a part of the wall screen that fails to draw an update says so
 * in words instead of blanking the window, and tries again with a later update.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenterBoundary } from '../../../src/ui/exercise/presenter-view';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Map() {
  if (broken) throw new Error("Cannot read properties of null (reading 'tMs')");
  return <p data-testid="map">the map</p>;
}

afterEach(() => vi.useRealTimers());

describe('presenter error boundary', () => {
  it('shows what failed instead of a blank screen, then recovers with a later update', () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = document.createElement('div');
    const root = createRoot(host);
    const render = (key: number) =>
      act(() =>
        root.render(
          <div>
            <span data-testid="clock">01:00:00</span>
            <PresenterBoundary resetKey={key} what="map">
              <Map />
            </PresenterBoundary>
          </div>,
        ),
      );
    render(1);
    expect(host.querySelector('[data-testid="presenter-error"]')?.textContent).toMatch(
      /The map could not show the latest update \(Cannot read properties of null/,
    );
    expect(host.querySelector('[data-testid="clock"]')?.textContent).toBe('01:00:00');
    // The next good update, two seconds on, draws again.
    broken = false;
    render(2);
    expect(host.querySelector('[data-testid="map"]')).toBeNull();
    vi.advanceTimersByTime(2100);
    render(3);
    expect(host.querySelector('[data-testid="map"]')?.textContent).toBe('the map');
    act(() => root.unmount());
    errors.mockRestore();
  });
});
