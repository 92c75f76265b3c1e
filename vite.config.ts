import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, inlineScriptHashes, withCspMeta } from './src/serve/csp.js';

/**
 * The Content-Security-Policy wherever the twin is served (src/serve/csp.ts): a <meta> in the
 * page, and a header from the dev and preview servers (which alone can forbid framing and covers
 * the worker). Hashes of the page's inline scripts are taken from the page as served: none in a
 * build, React's refresh preamble in development.
 */
function csp(): Plugin {
  let devHashes: string[] = [];
  const sendHeaders = (res: ServerResponse, hashes: () => readonly string[]) => {
    const writeHead = res.writeHead;
    // Set when the response goes out, so the page's hashes are those of the HTML just transformed.
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      this.setHeader('Content-Security-Policy', contentSecurityPolicy({ header: true, scriptHashes: hashes() }));
      this.setHeader('X-Frame-Options', 'DENY');
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['writeHead'];
  };
  return {
    name: 'citytwin-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) devHashes = inlineScriptHashes(html);
        return withCspMeta(html);
      },
    },
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        sendHeaders(res, () => devHashes);
        next();
      });
    },
    configurePreviewServer(server) {
      let built: string[] | null = null;
      const hashes = () => {
        if (built) return built;
        try {
          built = inlineScriptHashes(readFileSync(resolve(server.config.root, server.config.build.outDir, 'index.html'), 'utf8'));
        } catch {
          built = [];
        }
        return built;
      };
      server.middlewares.use((_req, res, next) => {
        sendHeaders(res, hashes);
        next();
      });
    },
  };
}

// The twin is served from one origin and works offline: nothing here points elsewhere.
export default defineConfig({
  plugins: [react(), csp()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, strictPort: true },
});
