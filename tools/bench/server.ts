/**
 * Serves the bench's binary indexes on 127.0.0.1 (the corpus server's generated routes carry text only), with
 * CORS so the harness page on the corpus server's origin can fetch them. Nothing is cached.
 */
import { createServer } from 'node:http';
import { listen, type StaticServer } from '../../tests/support/chromium';

export type BinaryServer = StaticServer;

/** Serves each `files[path]` as `application/octet-stream`; anything else is a 404. */
export async function serveBinaries(files: Record<string, Uint8Array>): Promise<BinaryServer> {
  const server = createServer((req, res) => {
    const body = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    res.writeHead(body ? 200 : 404, {
      'content-type': body ? 'application/octet-stream' : 'text/plain',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    res.end(body ?? 'not found');
  });
  return listen(server);
}
