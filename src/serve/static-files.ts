/**
 * Serves the built app (Vite's dist folder) from `twin serve`, with the same Content-Security-
 * Policy as the dev and preview servers (csp.ts). GET and HEAD only; a path that would leave the
 * folder, or names a dot-file, is a 404. Everything comes from this origin, so a LAN with no
 * internet is enough.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy, inlineScriptHashes } from './csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFiles {
  (req: IncomingMessage, res: ServerResponse): void;
}

export function staticFiles(distDir: string): StaticFiles {
  const root = resolve(distDir);
  let hashes: string[] | null = null;
  const policy = () => {
    if (!hashes) {
      try {
        hashes = inlineScriptHashes(readFileSync(join(root, 'index.html'), 'utf8'));
      } catch {
        hashes = [];
      }
    }
    return contentSecurityPolicy({ header: true, scriptHashes: hashes });
  };
  return (req, res) => {
    res.setHeader('Content-Security-Policy', policy());
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('only GET and HEAD\n');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad address\n');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    const inside =
      file.startsWith(root + sep) &&
      !file
        .slice(root.length)
        .split(sep)
        .some((p) => p.startsWith('.'));
    let size = -1;
    try {
      const st = inside ? statSync(file) : null;
      if (st?.isFile()) size = st.size;
    } catch {
      // not there: 404 below
    }
    if (size < 0) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      // Built assets carry a content hash in their names; the page itself must be fetched fresh.
      'Cache-Control': /[\\/]assets[\\/]/.test(file.slice(root.length)) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}
