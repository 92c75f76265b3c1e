import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { samplingNote, UnicityChart } from '../../../src/ui/privacy/unicity-chart';
import type { PrivacyView } from '../../../src/worker/privacy-query';

const curve = (spatialM: number, temporalS: number, sampled: (p: number) => number, eligible: (p: number) => number): PrivacyView['unicity'] =>
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((p) => ({
    dataset: 'wifi' as const,
    p,
    spatialM,
    temporalS,
    epsilon: p / 10,
    sampled: sampled(p),
    eligible: eligible(p),
  }));

describe('unicity chart', () => {
  it('labels each line with the resolution the analysis used, and says when traces were sampled', () => {
    // A release in 500 m cells and 2 h bins: its finest curve is at that resolution, whatever was asked for.
    const u = [
      ...curve(
        500,
        7200,
        () => 500,
        (p) => 2000 - 100 * p,
      ),
      ...curve(
        1000,
        14400,
        () => 500,
        (p) => 2000 - 100 * p,
      ),
    ];
    const html = renderToStaticMarkup(<UnicityChart unicity={u} />);
    expect(html).toContain('500 m cells, 2 h');
    expect(html).toContain('1 km cells, 4 h');
    expect(html).not.toContain('sensor');
    expect(samplingNote(u)).toBe('Each point from a random sample of traces: 500 of 1,900 at p = 1; 26% to 50% of those that qualify.');
    expect(html).toContain('500 of 1,900 at p = 1');
  });

  it('says nothing of sampling when every trace was used', () => {
    const u = curve(
      0,
      3600,
      (p) => 100 - p,
      (p) => 100 - p,
    );
    expect(samplingNote(u)).toBeNull();
    expect(renderToStaticMarkup(<UnicityChart unicity={u} />)).toContain('sensor, 1 h');
  });
});
