import { describe, expect, it } from 'vitest';
import { bandIndex, busState, lineName, loadingBand, LOADING_BANDS, shortSiteName, shownFlow, shownLoading, spoofed } from '../../../src/ui/power/power-style';

describe('power line loading scale', () => {
  it('puts loadings in calm, warm, hot and overloaded bands at 60%, 90% and 100%', () => {
    expect([0, 0.59, 0.6, 0.89, 0.9, 1.0, 1.01, 2.5].map((l) => loadingBand(l).id)).toEqual(['calm', 'calm', 'warm', 'warm', 'hot', 'hot', 'over', 'over']);
    expect(bandIndex(0.3)).toBe(0);
    expect(bandIndex(1.2)).toBe(LOADING_BANDS.length - 1);
  });

  it('gives every band its own colour and a cue besides colour', () => {
    expect(new Set(LOADING_BANDS.map((b) => b.color)).size).toBe(LOADING_BANDS.length);
    for (const b of LOADING_BANDS) expect(b.cue.length).toBeGreaterThan(0);
  });

  it('shows SCADA flows in the operator view and true flows otherwise', () => {
    expect(shownFlow('truth', 50, 20)).toBe(50);
    expect(shownFlow('operator', 50, 20)).toBe(20);
    expect(shownLoading(-50, 100)).toBe(0.5);
    expect(shownLoading(50, 0)).toBe(0);
  });

  it('calls a reading spoofed only when it differs by more than rounding', () => {
    expect(spoofed(57, 22.8)).toBe(true);
    expect(spoofed(57, 57.2)).toBe(false);
    expect(spoofed(0.2, 0.1)).toBe(false);
    expect(spoofed(-40, 40)).toBe(true);
  });
});

describe('bus states and names', () => {
  it('tells energised, shedding and de-energised buses apart', () => {
    expect(busState(1, 0)).toBe('energised');
    expect(busState(1, 4.7)).toBe('shedding');
    expect(busState(0, 10)).toBe('de-energised');
  });

  it('names lines by their sites', () => {
    expect(shortSiteName('Old Town Primary Substation')).toBe('Old Town');
    expect(shortSiteName('Grid Supply Point')).toBe('Grid Supply Point');
    expect(lineName('Old Town Primary Substation', 'Elm Park Primary Substation')).toBe('Old Town – Elm Park line');
  });
});
