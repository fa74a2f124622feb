import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Serves the built React app; unknown non-API paths get index.html (client-side routing). */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up on disk per request, so a rebuilt dist/web (new hashed
    // asset names) is served without restarting; a missing file falls to the handler below.
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false });
    // the root is a directory on disk, which the static plugin refuses (403): it is the app (issue 13 item 1)
    app.get('/', { config: { access: 'public' } }, (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0];
    // a missing asset is a 404, not the app page (a browser would try to run HTML as a script)
    if (url.startsWith('/api') || url.startsWith('/assets/') || req.method !== 'GET' || !hasWeb) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${url}` } });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
