import { at } from './base-path.ts';

/** Host names that only the machine itself (or its private network) can reach. */
function isLocalHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '::1' ||
    h === '0.0.0.0' ||
    /^127\./.test(h) ||
    /^10\./.test(h) ||
    /^192\.168\./.test(h) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(h) ||
    /^f[cd][0-9a-f]{2}:/.test(h) ||
    /^fe80:/.test(h)
  );
}

/**
 * The public address of a page of this site, for citations: under the configured public URL, or
 * under the address the request came to unless that is a local one (a citation that says
 * "http://127.0.0.1:3000/…" leads nobody anywhere). Undefined when no public address is known.
 *
 * @example publicPageUrl('/papers/x', 'http://127.0.0.1:3000/papers/x') // undefined
 */
export function publicPageUrl(sitePath: string, requestUrl: string, publicUrl?: string): string | undefined {
  // The page of the dataset being served, which for any but the default one is under /d/<id>.
  const path = at(sitePath);
  // A public URL may have a path of its own (https://example.org/entente); pages sit under it.
  if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}${path}`;
  const request = new URL(requestUrl);
  return isLocalHost(request.hostname) ? undefined : new URL(path, request.origin).href;
}
