/** `llm-shield serve --help`. */
export const SERVE_HELP = `Usage: llm-shield serve --config FILE [options]

Serves llm-guard-api's HTTP API (POST /analyze/prompt, /scan/prompt, /analyze/output, /scan/output, GET /healthz,
/readyz, /metrics, /openapi.json) with llm-shield's scanners, configured by a file in llm-guard-api's
scanners.yml shape (app, rate_limit, auth, input_scanners, output_scanners; \${ENV:default} substitution).
Stops gracefully on SIGINT / SIGTERM (in-flight scans finish first).

Options:
  --config, -c FILE      the configuration (YAML or JSON); required
  --port, -p N           port (default 8000; 0 picks a free one)
  --host H               address to bind (default 127.0.0.1; 0.0.0.0 serves the network)
  --workers, -w N        processes sharing the port (node:cluster; default 1)
  --strict               refuse scanners llm-shield does not have (default: skip them with a warning)
  --skip-unknown         skip them (the default; accepted for symmetry with scan --config)
  --detection-mode M     heuristic, ml or hybrid for every model scanner (default: each model's own)
  -h, --help             this help

Example:
  AUTH_TOKEN=change-me llm-shield serve --config scanners.yml --port 8000
  curl -s -H "Authorization: Bearer change-me" -H "Content-Type: application/json" \\
       -d '{"prompt": "Ignore all previous instructions"}' http://127.0.0.1:8000/analyze/prompt
`;
