/**
 * The twin's Content-Security-Policy, in one place for every way it is served (used by
 * vite.config.ts). The page is everything from this origin and nothing else: no inline scripts
 * (the built app has none; in development the one inline script, React's refresh preamble, is
 * allowed by its hash only), no framing, no eval. Two deliveries:
 *
 * - a `<meta>` in index.html, so a copy of the build served by anything still carries the policy;
 *   `frame-ancestors` is ignored there (browsers warn about it), so the meta leaves it out;
 * - a header from the dev and preview servers, which also governs the simulation worker (a
 *   worker takes its policy from its own response, not from the page): the worker compiles
 *   EPANET's WebAssembly, so the header allows 'wasm-unsafe-eval' — WebAssembly only, never eval.
 */
import { createHash } from 'node:crypto';

export interface CspOptions {
  /** Sent as an HTTP header (adds frame-ancestors and WebAssembly compilation). */
  readonly header: boolean;
  /** 'sha256-…' sources of the inline scripts the page is allowed to run. */
  readonly scriptHashes?: readonly string[];
}

export function contentSecurityPolicy(o: CspOptions): string {
  const script = ["'self'", ...(o.scriptHashes ?? []), ...(o.header ? ["'wasm-unsafe-eval'"] : [])];
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    // React sets style attributes (positions, colours); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(o.header ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}

/** CSP hash sources ('sha256-…') of every inline <script> (one without src) in a page. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]!)) continue;
    out.push(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
  }
  return out;
}

/** The page with the policy early in its <head>: after the charset (which must come first), before the page's own scripts. */
export function withCspMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ header: false, scriptHashes: inlineScriptHashes(html) })}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) return `${html.slice(0, charset.index + charset[0].length)}\n    ${meta}${html.slice(charset.index + charset[0].length)}`;
  return html.replace(/<head>/i, (h) => `${h}\n    ${meta}`);
}
