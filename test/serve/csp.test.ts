/**
 * The Content-Security-Policy the twin is served with: no inline scripts beyond those hashed, no
 * eval, no framing where a header can say so, and WebAssembly (EPANET, in the worker) only in the
 * header that governs the worker.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, withCspMeta } from '../../src/serve/csp';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? null;

describe('content security policy', () => {
  it('allows scripts from this origin only: no inline, no eval', () => {
    for (const header of [false, true]) {
      const p = contentSecurityPolicy({ header });
      const script = directive(p, 'script-src')!;
      expect(script).not.toContain("'unsafe-inline'");
      expect(script).not.toContain("'unsafe-eval'");
      expect(
        script
          .split(' ')
          .slice(1)
          .filter((s) => s !== "'wasm-unsafe-eval'"),
      ).toEqual(["'self'"]);
      expect(directive(p, 'object-src')).toBe("object-src 'none'");
      expect(directive(p, 'base-uri')).toBe("base-uri 'none'");
    }
  });

  it('forbids framing and allows WebAssembly only in the header (a meta cannot say frame-ancestors)', () => {
    const header = contentSecurityPolicy({ header: true });
    expect(directive(header, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(header, 'script-src')).toContain("'wasm-unsafe-eval'");
    const meta = contentSecurityPolicy({ header: false });
    expect(directive(meta, 'frame-ancestors')).toBeNull();
    expect(directive(meta, 'script-src')).not.toContain('wasm');
  });

  it("hashes exactly the inline scripts of a page, and puts the policy after the charset, before the page's scripts", () => {
    const code = 'window.$RefreshReg$ = () => {};';
    const html = `<html><head><meta charset="UTF-8" /><title>t</title><script type="module">${code}</script><script type="module" src="/a.js"></script></head><body></body></html>`;
    const want = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([want]);
    expect(inlineScriptHashes('<script src="/x.js"></script>')).toEqual([]);
    const out = withCspMeta(html);
    expect(out.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(out.indexOf('<script'));
    expect(out.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(out.indexOf('charset'));
    expect(out).toContain(`script-src 'self' ${want};`);
  });
});
