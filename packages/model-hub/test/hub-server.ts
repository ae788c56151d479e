/**
 * A Hugging Face Hub of our own for tests: node:http on 127.0.0.1 (port 0) serving fixture repos with the Hub's
 * endpoint shapes (`/{repo}/resolve/{rev}/{path}` with Range, ETag, `X-Linked-Etag`, `X-Linked-Size`,
 * `X-Repo-Commit` and 302 redirects of LFS files to a CDN path; `/api/models/{repo}/revision/{rev}`,
 * `/api/models/{repo}/tree/{rev}`, `/api/models/{repo}/paths-info/{rev}`), with fault injection.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FixtureFile {
  path: string;
  content: Uint8Array;
  /** Stored with Git LFS (redirected to the CDN, sha256 oid); default false (stored in git). */
  lfs?: boolean;
}

export interface FixtureCommit {
  sha: string;
  files: FixtureFile[];
}

export interface FixtureRepo {
  repoId: string;
  commits: FixtureCommit[];
  /** Branch → commit sha. */
  branches: Record<string, string>;
  /** When set, requests need `Authorization: Bearer <one of these>`. */
  tokens?: string[];
}

/** A fault the server injects into one answer. */
export type Fault =
  | { kind: 'status'; status: number }
  /** Announces the full length, sends `after` bytes, then closes the connection cleanly. */
  | { kind: 'truncate'; after: number }
  /**
   * Sends the first `after` bytes without a Content-Length (chunked) and ends the response normally: the client sees
   * a body that is short but complete as HTTP goes, so exactly `after` bytes reach it, whatever the timing.
   */
  | { kind: 'cut'; after: number }
  /** Sends `after` bytes, then resets the connection (RST). */
  | { kind: 'reset'; after: number }
  /** Same length, different bytes. */
  | { kind: 'corrupt' }
  /** Sends `extra` bytes more than the file has (and says so in Content-Length). */
  | { kind: 'wrong-size'; extra: number }
  /** Sends `chunk` bytes every `delayMs`. */
  | { kind: 'slow'; chunk: number; delayMs: number }
  /** Sends `after` bytes, then nothing, keeping the connection open. */
  | { kind: 'stall'; after: number }
  /** Answers Range requests with the whole file (200). */
  | { kind: 'ignore-range' }
  /** Never answers (no status line, no headers); on API endpoints too. */
  | { kind: 'hang' }
  /** API endpoints: sends the status line, headers and the first `after` bytes of the JSON, then nothing. */
  | { kind: 'stall-json'; after: number };

export interface FaultContext {
  endpoint: 'resolve' | 'cdn' | 'revision' | 'tree' | 'paths-info';
  repoId: string;
  path?: string;
  /** 1 for the first request to this endpoint and path, 2 for the second… */
  count: number;
  range?: string;
}

export interface LoggedRequest {
  method: string;
  url: string;
  endpoint: string;
  range?: string;
  authorization?: string;
}

export interface HubServer {
  url: string;
  requests: LoggedRequest[];
  /** Number of CDN answers that started at byte 0 with a body, per sha256. */
  fullTransfers: Map<string, number>;
  setFault(fault: ((context: FaultContext) => Fault | undefined) | undefined): void;
  close(): Promise<void>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function gitBlobSha1(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** `size` deterministic bytes from `seed`. */
export function deterministicBytes(seed: string, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let block = createHash('sha256').update(seed).digest();
  for (let offset = 0; offset < size; offset += block.length) {
    out.set(block.subarray(0, Math.min(block.length, size - offset)), offset);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

interface Served {
  file: FixtureFile;
  sha256: string;
  gitOid: string;
  pointerSize: number;
}

function describeFile(file: FixtureFile): Served {
  const sha256 = sha256Hex(file.content);
  if (!file.lfs) return { file, sha256, gitOid: gitBlobSha1(file.content), pointerSize: 0 };
  const pointer = new TextEncoder().encode(`version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${file.content.length}\n`);
  return { file, sha256, gitOid: gitBlobSha1(pointer), pointerSize: pointer.length };
}

export async function startHubServer(repos: FixtureRepo[]): Promise<HubServer> {
  let fault: ((context: FaultContext) => Fault | undefined) | undefined;
  const counts = new Map<string, number>();
  const requests: LoggedRequest[] = [];
  const fullTransfers = new Map<string, number>();
  const sockets = new Set<Socket>();
  const byId = new Map(repos.map((repo) => [repo.repoId, repo]));
  const blobs = new Map<string, Uint8Array>();
  for (const repo of repos) for (const commit of repo.commits) for (const file of commit.files) blobs.set(sha256Hex(file.content), file.content);

  const nextFault = (context: Omit<FaultContext, 'count'>): Fault | undefined => {
    const key = `${context.endpoint} ${context.repoId} ${context.path ?? ''}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    return fault?.({ ...context, count });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'Internal', String(error));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    const range = req.headers.range;
    const log = (endpoint: string) =>
      requests.push({
        method: req.method ?? 'GET',
        url: req.url ?? '',
        endpoint,
        ...(range ? { range } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });

    if (segments[0] === 'cdn') {
      const [, org, name, sha] = segments;
      log('cdn');
      const content = sha === undefined ? undefined : blobs.get(sha);
      if (!content || sha === undefined) return sendError(res, 404, 'EntryNotFound', 'no such object');
      const injected = nextFault({ endpoint: 'cdn', repoId: `${org}/${name}`, path: sha, ...(range ? { range } : {}) });
      return serveBytes(req, res, content, injected, { ETag: `"${sha}"` }, (start) => {
        if (start === 0) fullTransfers.set(sha, (fullTransfers.get(sha) ?? 0) + 1);
      });
    }

    if (segments[0] === 'api' && segments[1] === 'models') {
      const [, , org, name, endpoint, ...rest] = segments;
      const repoId = `${org}/${name}`;
      const kind = endpoint as FaultContext['endpoint'];
      log(kind);
      const repo = authorise(req, res, repoId);
      if (!repo) return;
      const revision = rest[0] ?? 'main';
      const commit = findCommit(repo, revision);
      if (!commit) return sendError(res, 404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
      const injected = nextFault({ endpoint: kind, repoId, ...(range ? { range } : {}) });
      if (injected?.kind === 'status') return sendError(res, injected.status, undefined, 'injected');
      if (injected?.kind === 'hang') return;
      const sendJson = (response: ServerResponse, body: unknown) => sendJsonWith(response, body, injected);
      const served = commit.files.map(describeFile);
      if (endpoint === 'revision' && req.method === 'GET') {
        return sendJson(res, {
          _id: `id-${repoId}`,
          id: repoId,
          sha: commit.sha,
          private: false,
          gated: repo.tokens ? 'manual' : false,
          downloads: 0,
          likes: 0,
          lastModified: '2024-01-01T00:00:00.000Z',
          pipeline_tag: 'text-classification',
          siblings: served.map((s) => ({ rfilename: s.file.path })),
        });
      }
      if (endpoint === 'tree' && req.method === 'GET') {
        const prefix = rest.slice(1).join('/');
        return sendJson(res, served.filter((s) => prefix === '' || s.file.path.startsWith(`${prefix}/`)).map((s) => entryOf(s, commit, false)));
      }
      if (endpoint === 'paths-info' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req)) || '{}') as { paths?: string[]; expand?: boolean };
        const wanted = new Set(body.paths ?? []);
        return sendJson(res, served.filter((s) => wanted.has(s.file.path)).map((s) => entryOf(s, commit, body.expand === true)));
      }
      return sendError(res, 404, undefined, 'Not Found');
    }

    const resolveAt = segments.indexOf('resolve');
    if (resolveAt === 2) {
      const [org, name, , revision, ...pathParts] = segments;
      const repoId = `${org}/${name}`;
      const path = pathParts.join('/');
      log('resolve');
      const repo = authorise(req, res, repoId);
      if (!repo) return;
      const commit = revision === undefined ? undefined : findCommit(repo, revision);
      if (!commit) return sendError(res, 404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
      const file = commit.files.find((f) => f.path === path);
      if (!file) return sendError(res, 404, 'EntryNotFound', `${path} does not exist on "${revision}"`);
      const served = describeFile(file);
      const injected = nextFault({ endpoint: 'resolve', repoId, path, ...(range ? { range } : {}) });
      if (injected?.kind === 'status') return sendError(res, injected.status, undefined, 'injected');
      const common = { 'X-Repo-Commit': commit.sha };
      if (file.lfs) {
        res.writeHead(302, {
          ...common,
          Location: `/cdn/${repoId}/${served.sha256}`,
          ETag: `"${served.gitOid}"`,
          'X-Linked-Etag': `"${served.sha256}"`,
          'X-Linked-Size': String(file.content.length),
          'Content-Length': '0',
        });
        return res.end();
      }
      return serveBytes(req, res, file.content, injected, { ...common, ETag: `"${served.gitOid}"` });
    }
    sendError(res, 404, undefined, 'Not Found');
  }

  function authorise(req: IncomingMessage, res: ServerResponse, repoId: string): FixtureRepo | undefined {
    const repo = byId.get(repoId);
    if (!repo) {
      sendError(res, 401, 'RepoNotFound', 'Repository not found');
      return undefined;
    }
    if (repo.tokens) {
      const auth = req.headers.authorization;
      if (!auth) {
        sendError(res, 401, 'GatedRepo', 'Access to this model is restricted. You must be authenticated.');
        return undefined;
      }
      if (!repo.tokens.includes(auth.replace(/^Bearer /, ''))) {
        sendError(res, 403, 'GatedRepo', 'Your request to access this model is awaiting review.');
        return undefined;
      }
    }
    return repo;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fullTransfers,
    setFault(next) {
      fault = next;
      counts.clear();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function findCommit(repo: FixtureRepo, revision: string): FixtureCommit | undefined {
  const sha = repo.branches[revision] ?? revision;
  return repo.commits.find((commit) => commit.sha === sha);
}

function entryOf(served: Served, commit: FixtureCommit, expand: boolean) {
  return {
    type: 'file',
    oid: served.gitOid,
    size: served.file.content.length,
    path: served.file.path,
    ...(served.file.lfs ? { lfs: { oid: served.sha256, size: served.file.content.length, pointerSize: served.pointerSize } } : {}),
    ...(expand ? { lastCommit: { id: commit.sha, title: 'fixture', date: '2024-01-01T00:00:00.000Z' } } : {}),
  };
}

function sendJsonWith(res: ServerResponse, body: unknown, fault: Fault | undefined) {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  if (fault?.kind === 'stall-json') {
    res.write(text.slice(0, fault.after)); // and nothing more: the connection stays open
    return;
  }
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string | undefined, message: string) {
  const text = JSON.stringify({ error: message });
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...(code ? { 'X-Error-Code': code } : {}),
    'X-Error-Message': message,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serveBytes(
  req: IncomingMessage,
  res: ServerResponse,
  content: Uint8Array,
  fault: Fault | undefined,
  headers: Record<string, string>,
  onStart?: (start: number) => void,
) {
  if (fault?.kind === 'hang') return;
  let start = 0;
  const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const honourRange = match !== null && fault?.kind !== 'ignore-range';
  if (honourRange) {
    start = Number(match[1]);
    if (start >= content.length && content.length > 0) {
      res.writeHead(416, { 'Content-Range': `bytes */${content.length}` });
      return res.end();
    }
  }
  let body: Uint8Array = content.subarray(start);
  if (fault?.kind === 'corrupt') body = body.map((byte, index) => (index === 7 ? byte ^ 0xff : byte));
  if (fault?.kind === 'wrong-size') body = Buffer.concat([body, new Uint8Array(fault.extra).fill(0x2a)]);
  const status = honourRange ? 206 : 200;
  res.writeHead(status, {
    ...headers,
    'Accept-Ranges': 'bytes',
    'Content-Type': 'application/octet-stream',
    ...(fault?.kind === 'cut' ? {} : { 'Content-Length': String(body.length) }),
    ...(honourRange ? { 'Content-Range': `bytes ${start}-${content.length - 1}/${content.length}` } : {}),
  });
  if (req.method === 'HEAD') return res.end();
  onStart?.(start);
  if (fault?.kind === 'cut') {
    res.end(body.subarray(0, fault.after));
    return;
  }
  if (fault?.kind === 'truncate' || fault?.kind === 'reset' || fault?.kind === 'stall') {
    res.write(body.subarray(0, fault.after));
    await sleep(20);
    if (fault.kind === 'truncate') res.socket?.end();
    if (fault.kind === 'reset') res.socket?.resetAndDestroy();
    return;
  }
  if (fault?.kind === 'slow') {
    for (let offset = 0; offset < body.length; offset += fault.chunk) {
      if (res.destroyed) return;
      res.write(body.subarray(offset, offset + fault.chunk));
      await sleep(fault.delayMs);
    }
    return res.end();
  }
  res.end(body);
}
