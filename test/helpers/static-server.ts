import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * A plain static server, as any host is: a file for its path, a folder's `index.html`, a folder
 * without its slash redirected to it, 404 otherwise. No rewriting, no fallback page.
 */
export function serveFolder(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    let file = path.join(root, decodeURIComponent(pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return void res.writeHead(301, { location: `${pathname}/` }).end();
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

/**
 * Follows every link, stylesheet, script, image and form action of every HTML page reached from
 * `start` over HTTP; returns the pages seen and every link whose target did not answer 200.
 */
export async function crawlServed(start: string, limit = 10_000) {
  const origin = new URL(start).origin;
  const seen = new Set<string>([start]);
  const queue = [{ url: start, from: '(start)' }];
  const broken: { url: string; status: number; from: string }[] = [];
  const pages: string[] = [];
  while (queue.length > 0 && seen.size <= limit) {
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async ({ url, from }) => {
        const res = await fetch(url);
        if (res.status !== 200) {
          broken.push({ url, status: res.status, from });
          return;
        }
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html'))
          return void (await res.arrayBuffer());
        pages.push(url);
        const html = await res.text();
        for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
          const raw = m[1]!.replace(/&amp;/g, '&');
          if (raw.startsWith('#')) continue;
          const to = new URL(raw, url);
          if (to.origin !== origin) continue;
          to.hash = '';
          if (!seen.has(to.href)) {
            seen.add(to.href);
            queue.push({ url: to.href, from: url });
          }
        }
      }),
    );
  }
  return { pages, broken, seen: seen.size };
}
