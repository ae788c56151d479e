import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stub answers next and what it was asked. */
export interface StubState {
  /** The answer's text pieces (streamed one per chunk/event; joined when not streaming). */
  reply: string[];
  /** Every request body received, in order. */
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  /** Requests whose client went away before the answer ended. */
  aborted: number;
}

/** A local OpenAI-compatible server on 127.0.0.1 (port 0): chat completions and responses, JSON and SSE. */
export interface StubServer {
  baseURL: string;
  state: StubState;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>));
    request.on('error', reject);
  });
}

function sse(response: ServerResponse, events: unknown[], state: StubState, named: boolean): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.on('close', () => {
    if (!response.writableFinished) state.aborted += 1;
  });
  for (const event of events) {
    const type = (event as { type?: string }).type;
    response.write(`${named && type ? `event: ${type}\n` : ''}data: ${JSON.stringify(event)}\n\n`);
  }
  if (!named) response.write('data: [DONE]\n\n');
  response.end();
}

function chat(body: Record<string, unknown>, response: ServerResponse, state: StubState): void {
  const base = { id: 'chatcmpl-stub', created: 1_700_000_000, model: String(body['model'] ?? 'stub') };
  if (!body['stream']) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: state.reply.join(''), refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
      }),
    );
    return;
  }
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] });
  sse(response, [chunk({ role: 'assistant', content: '' }, null), ...state.reply.map((content) => chunk({ content }, null)), chunk({}, 'stop')], state, false);
}

function responses(body: Record<string, unknown>, response: ServerResponse, state: StubState): void {
  const text = state.reply.join('');
  const final = {
    id: 'resp_stub',
    object: 'response',
    created_at: 1_700_000_000,
    model: String(body['model'] ?? 'stub'),
    status: 'completed',
    output: [{ type: 'message', id: 'msg_stub', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] }],
  };
  if (!body['stream']) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(final));
    return;
  }
  const at = { item_id: 'msg_stub', output_index: 0, content_index: 0 };
  let sequence = 0;
  const events = [
    { type: 'response.created', response: { ...final, status: 'in_progress', output: [] }, sequence_number: sequence++ },
    ...state.reply.map((delta) => ({ type: 'response.output_text.delta', ...at, delta, logprobs: [], sequence_number: sequence++ })),
    { type: 'response.output_text.done', ...at, text, logprobs: [], sequence_number: sequence++ },
    { type: 'response.completed', response: final, sequence_number: sequence++ },
  ];
  sse(response, events, state, true);
}

/** Starts the stub on 127.0.0.1 with an ephemeral port. */
export async function startStubServer(): Promise<StubServer> {
  const state: StubState = { reply: ['Hello.'], requests: [], aborted: 0 };
  const server: Server = createServer((request, response) => {
    void readBody(request).then(
      (body) => {
        const path = request.url ?? '';
        state.requests.push({ path, body });
        if (request.method === 'POST' && path.endsWith('/chat/completions')) chat(body, response, state);
        else if (request.method === 'POST' && path.endsWith('/responses')) responses(body, response, state);
        else {
          response.writeHead(404, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { message: `no route ${path}` } }));
        }
      },
      () => {
        response.writeHead(400);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
