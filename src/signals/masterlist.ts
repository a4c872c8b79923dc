/** One downloadable file of a GDELT file list. */
export interface ListedFile {
  url: string;
  name: string;
  size: number;
  md5: string;
  /** `YYYYMMDDHHMMSS` (v2), `YYYYMMDD` (v1 daily), `YYYYMM` or `YYYY` (v1 backfile), from the name. */
  stamp: string;
  /** `export`, `mentions`, `gkg`, … (v2), `export` for v1 event files. */
  stream: string;
}

export interface ListProblem {
  line: number;
  message: string;
}

const MD5 = /^[0-9a-f]{32}$/i;

/**
 * Parses GDELT 2.0's masterfilelist.txt: `<size> <md5> <url>` per line. Lines that are not of that
 * shape (GDELT's list has a few) are returned as problems, not dropped in silence.
 * @example parseMasterList('150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip')
 */
export function parseMasterList(text: string): { files: ListedFile[]; problems: ListProblem[] } {
  const files: ListedFile[] = [];
  const problems: ListProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [size, md5, url, ...rest] = line.split(/\s+/);
    const name = url?.slice(url.lastIndexOf('/') + 1) ?? '';
    const m = /^(\d{14})\.(?:translation\.)?([a-z]+)\./i.exec(name);
    if (!size || !/^\d+$/.test(size) || !md5 || !MD5.test(md5) || !url || rest.length > 0 || !m) {
      problems.push({ line: i + 1, message: `not "<size> <md5> <url>" of a GDELT file: "${line}"` });
      return;
    }
    files.push({
      url,
      name,
      size: Number(size),
      md5: md5.toLowerCase(),
      stamp: m[1] as string,
      stream: (m[2] as string).toLowerCase(),
    });
  });
  return { files, problems };
}

/**
 * Joins GDELT 1.0's two lists (`filesizes`: `<size> <name>`, `md5sums`: `<md5>  <name>`) into
 * downloadable files under `baseUrl`. A name missing from either list is a problem.
 */
export function parseV1Lists(
  sizesText: string,
  md5Text: string,
  baseUrl: string,
): { files: ListedFile[]; problems: ListProblem[] } {
  const problems: ListProblem[] = [];
  const md5s = new Map<string, string>();
  md5Text.split('\n').forEach((raw, i) => {
    const [md5, name] = raw.trim().split(/\s+/);
    if (!raw.trim()) return;
    if (!md5 || !MD5.test(md5) || !name)
      problems.push({ line: i + 1, message: `md5sums: not "<md5> <name>": "${raw}"` });
    else md5s.set(name, md5.toLowerCase());
  });
  const files: ListedFile[] = [];
  sizesText.split('\n').forEach((raw, i) => {
    const [size, name] = raw.trim().split(/\s+/);
    if (!raw.trim()) return;
    const m = name ? /^(\d{4}(?:\d{2}(?:\d{2})?)?)\.(?:export\.CSV\.)?zip$/i.exec(name) : null;
    if (!size || !/^\d+$/.test(size) || !name) {
      problems.push({ line: i + 1, message: `filesizes: not "<size> <name>": "${raw}"` });
      return;
    }
    // The list also names the 1979–2013 reduced master file and others that are not event files.
    if (!m) return;
    const md5 = md5s.get(name);
    if (!md5) {
      problems.push({ line: i + 1, message: `filesizes: ${name} has no MD5 in md5sums` });
      return;
    }
    files.push({
      url: new URL(name, baseUrl).href,
      name,
      size: Number(size),
      md5,
      stamp: m[1] as string,
      stream: 'export',
    });
  });
  return { files, problems };
}

/**
 * The files whose period overlaps [from, to] (ISO dates, inclusive): a v1 yearly file counts for
 * every day of its year, a monthly one for its month.
 */
export function filesInRange(
  files: readonly ListedFile[],
  from: string,
  to: string,
  streams: readonly string[],
): ListedFile[] {
  const lo = from.replaceAll('-', '');
  const hi = to.replaceAll('-', '');
  return files.filter((f) => {
    if (!streams.includes(f.stream)) return false;
    const start = f.stamp.slice(0, 8).padEnd(8, '0');
    const end = f.stamp.slice(0, 8).padEnd(8, '9');
    return end >= lo && start <= hi;
  });
}
