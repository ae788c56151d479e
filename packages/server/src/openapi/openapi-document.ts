/**
 * The server's OpenAPI 3.1 document (`GET /openapi.json`). Its request and response schemas are llm-guard-api's
 * (same names, fields and required lists), so a client generated from llm-guard-api's document works unchanged;
 * the batch routes, `?explain=1`, the error body and the security schemes are llm-shield's additions. The
 * request schemas are also the ones Fastify validates bodies with.
 */

const suppress = { items: { type: 'string' }, type: 'array', title: 'Scanners to suppress', default: [], maxItems: 256 } as const;
const scores = { additionalProperties: { type: 'number' }, type: 'object', title: 'Risk scores of individual scanners' } as const;
const explainedRuns = { type: 'array', title: 'Every scanner\'s full result (with ?explain=1)', items: { $ref: '#/components/schemas/ExplainedRun' } } as const;

/** Largest number of texts in one batch request. */
export const MAX_BATCH_ITEMS = 100;

/** The component schemas, by name. */
export const componentSchemas = {
  AnalyzePromptRequest: {
    properties: { prompt: { type: 'string', title: 'Prompt' }, scanners_suppress: suppress },
    type: 'object',
    required: ['prompt'],
    title: 'AnalyzePromptRequest',
  },
  ScanPromptRequest: {
    properties: { prompt: { type: 'string', title: 'Prompt' }, scanners_suppress: suppress },
    type: 'object',
    required: ['prompt'],
    title: 'ScanPromptRequest',
  },
  AnalyzeOutputRequest: {
    properties: { prompt: { type: 'string', title: 'Prompt' }, output: { type: 'string', title: 'Model output' }, scanners_suppress: suppress },
    type: 'object',
    required: ['prompt', 'output'],
    title: 'AnalyzeOutputRequest',
  },
  ScanOutputRequest: {
    properties: { prompt: { type: 'string', title: 'Prompt' }, output: { type: 'string', title: 'Model output' }, scanners_suppress: suppress },
    type: 'object',
    required: ['prompt', 'output'],
    title: 'ScanOutputRequest',
  },
  AnalyzePromptResponse: {
    properties: { is_valid: { type: 'boolean', title: 'Whether the prompt is safe' }, scanners: scores, sanitized_prompt: { type: 'string', title: 'Sanitized prompt' }, results: explainedRuns },
    type: 'object',
    required: ['is_valid', 'scanners', 'sanitized_prompt'],
    title: 'AnalyzePromptResponse',
  },
  ScanPromptResponse: {
    properties: { is_valid: { type: 'boolean', title: 'Whether the prompt is safe' }, scanners: scores, results: explainedRuns },
    type: 'object',
    required: ['is_valid', 'scanners'],
    title: 'ScanPromptResponse',
  },
  AnalyzeOutputResponse: {
    properties: { is_valid: { type: 'boolean', title: 'Whether the output is safe' }, scanners: scores, sanitized_output: { type: 'string', title: 'Sanitized output' }, results: explainedRuns },
    type: 'object',
    required: ['is_valid', 'scanners', 'sanitized_output'],
    title: 'AnalyzeOutputResponse',
  },
  ScanOutputResponse: {
    properties: { is_valid: { type: 'boolean', title: 'Whether the output is safe' }, scanners: scores, results: explainedRuns },
    type: 'object',
    required: ['is_valid', 'scanners'],
    title: 'ScanOutputResponse',
  },
  PromptBatchRequest: {
    properties: { prompts: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: MAX_BATCH_ITEMS, title: 'Prompts' }, scanners_suppress: suppress },
    type: 'object',
    required: ['prompts'],
    title: 'PromptBatchRequest',
  },
  OutputBatchRequest: {
    properties: {
      items: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_BATCH_ITEMS,
        title: 'Prompt and output pairs',
        items: { type: 'object', properties: { prompt: { type: 'string' }, output: { type: 'string' } }, required: ['prompt', 'output'] },
      },
      scanners_suppress: suppress,
    },
    type: 'object',
    required: ['items'],
    title: 'OutputBatchRequest',
  },
  BatchResponse: {
    properties: { results: { type: 'array', title: 'One answer per text, in order (the single route\'s response shape)', items: { type: 'object' } } },
    type: 'object',
    required: ['results'],
    title: 'BatchResponse',
  },
  ExplainedRun: {
    properties: {
      id: { type: 'string' },
      scanner: { type: 'string' },
      status: { type: 'string', enum: ['completed', 'skipped'] },
      reason: { type: 'string' },
      valid: { type: 'boolean' },
      score: { type: 'number' },
      threshold: { type: 'number' },
      risk_score: { type: 'number' },
      method: { type: 'string' },
      severity: { type: 'string' },
      explanation: { type: 'string' },
      fallback_reason: { type: 'string' },
      model: { type: 'object' },
      findings: { type: 'array', items: { type: 'object' } },
      duration_ms: { type: 'number' },
    },
    type: 'object',
    required: ['id', 'scanner', 'status'],
    title: 'ExplainedRun',
  },
  ErrorResponse: {
    properties: { message: { type: 'string' }, details: {}, code: { type: 'string', title: 'Stable error code (LLMS_…)' } },
    type: 'object',
    required: ['message', 'code'],
    title: 'ErrorResponse',
  },
} as const;

const explainParameter = {
  name: 'explain',
  in: 'query',
  required: false,
  description: 'llm-shield: add `results`, every scanner\'s full result (findings with spans, method, model).',
  schema: { type: 'string', enum: ['0', '1', 'true', 'false'] },
} as const;

const errors = (codes: readonly number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }]));

function post(summary: string, request: string, response: string, secured: boolean) {
  return {
    post: {
      tags: ['Analyze'],
      summary,
      parameters: [explainParameter],
      requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${request}` } } }, required: true },
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: { $ref: `#/components/schemas/${response}` } } } },
        ...errors([400, 401, 413, 415, 422, 429, 500, 503, 504]),
      },
      ...(secured ? { security: [{ HTTPBearer: [] }, { HTTPBasic: [] }] } : {}),
    },
  };
}

function get(tag: string, summary: string) {
  return { get: { tags: [tag], summary, responses: { '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } } } } };
}

/**
 * Builds the OpenAPI document.
 *
 * @param title - `app.name` (default `LLM Guard API`)
 * @param version - the server package's version
 * @param secured - whether the scan routes need credentials
 */
export function buildOpenApiDocument(title: string, version: string, secured: boolean): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title, description: 'llm-shield: an llm-guard-api-compatible API to run llm-shield scanners.', version },
    paths: {
      '/': get('Main', 'Read Root'),
      '/healthz': get('Health', 'Read Healthcheck'),
      '/readyz': get('Health', 'Read Readiness (503 while models warm up)'),
      '/analyze/output': post('Analyze an output and return the sanitized output and the results of the scanners', 'AnalyzeOutputRequest', 'AnalyzeOutputResponse', secured),
      '/scan/output': post('Scan an output running scanners in parallel without sanitizing it', 'ScanOutputRequest', 'ScanOutputResponse', secured),
      '/analyze/prompt': post('Analyze a prompt and return the sanitized prompt and the results of the scanners', 'AnalyzePromptRequest', 'AnalyzePromptResponse', secured),
      '/scan/prompt': post('Scan a prompt running scanners in parallel without sanitizing it', 'ScanPromptRequest', 'ScanPromptResponse', secured),
      '/analyze/prompt/batch': post('Analyze many prompts (llm-shield)', 'PromptBatchRequest', 'BatchResponse', secured),
      '/scan/prompt/batch': post('Scan many prompts (llm-shield)', 'PromptBatchRequest', 'BatchResponse', secured),
      '/analyze/output/batch': post('Analyze many outputs (llm-shield)', 'OutputBatchRequest', 'BatchResponse', secured),
      '/scan/output/batch': post('Scan many outputs (llm-shield)', 'OutputBatchRequest', 'BatchResponse', secured),
      '/metrics': { get: { tags: ['Metrics'], summary: 'Prometheus metrics', responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/openapi.json': get('Main', 'This document'),
    },
    components: {
      schemas: componentSchemas,
      securitySchemes: { HTTPBearer: { type: 'http', scheme: 'bearer' }, HTTPBasic: { type: 'http', scheme: 'basic' } },
    },
  };
}
