/** JSON syntax errors name the line and column and why, and never repeat the text (V8's messages quote it). */
import { describe, expect, it } from 'vitest';
import { formatIssue, loadScenarioText, parseSession } from '../../src/scenario';
import { parseCameraRegister } from '../../src/scenario/import/camera-register';
import { findJsonError } from '../../src/scenario/json-error';

describe('JSON syntax errors', () => {
  it('name the line and column and never repeat the text', () => {
    const secret = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1';
    const r = loadScenarioText(secret, { fileName: 'passwd' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toMatch(/^not valid JSON at line 1, column 1: expected a value/);
    expect(formatIssue(r.issues[0]!)).not.toMatch(/root|bin|bash/);
    const s = parseSession(secret);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(formatIssue(s.issues[0]!)).not.toMatch(/root|bin|bash/);
    // A camera register read as CSV or GeoJSON names the header's size, not its text.
    for (const name of ['cams.csv', 'cams.geojson']) {
      const c = parseCameraRegister(secret, name, 'cctv.register');
      expect(c.issues.length).toBeGreaterThan(0);
      for (const i of c.issues) expect(formatIssue(i)).not.toMatch(/root|bin|bash/);
    }
  });

  it('agree with JSON.parse on where the text goes wrong', () => {
    const text = '{\n  "version": 1,\n  "seed": 4\n  "duration": "1h"\n}';
    expect(findJsonError(text)).toEqual({ offset: text.indexOf('"duration"'), reason: expect.stringMatching(/expected ',' or '}'/) });
    expect(findJsonError('{"a": [1, 2, {"b": "c\\u00e9"}], "d": -1.5e3}')).toBeNull();
    expect(findJsonError('{"a": 1,}')!.reason).toMatch(/comma too many/);
    expect(findJsonError('"abc')!.reason).toMatch(/not closed/);
    expect(findJsonError('['.repeat(100_000))!.offset).toBe(100_000);
  });
});
