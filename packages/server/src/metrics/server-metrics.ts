import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics of one server (its own registry, so several servers in one process never clash). */
export class ServerMetrics {
  readonly registry = new Registry();
  /** `llm_shield_http_requests_total{method,route,status}`. */
  readonly requests: Counter<'method' | 'route' | 'status'>;
  /** `llm_shield_scan_duration_seconds{route}`: time of each scan (successful or not). */
  readonly scanDuration: Histogram<'route'>;
  /** `llm_shield_scanner_results_total{source,scanner,valid}`: llm-guard-api's `scanners.valid` counter. */
  readonly scannerResults: Counter<'source' | 'scanner' | 'valid'>;
  /** `llm_shield_ready`: 1 once the models are warm (or `lazy_load`), else 0. */
  readonly ready: Gauge;
  /** `llm_shield_in_flight_scans`. */
  readonly inFlight: Gauge;

  constructor(defaults = true) {
    if (defaults) collectDefaultMetrics({ register: this.registry, prefix: 'llm_shield_' });
    this.requests = new Counter({ name: 'llm_shield_http_requests_total', help: 'HTTP requests answered, by route and status.', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
    this.scanDuration = new Histogram({
      name: 'llm_shield_scan_duration_seconds',
      help: 'Duration of scans by route.',
      labelNames: ['route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.scannerResults = new Counter({ name: 'llm_shield_scanner_results_total', help: 'Scanner results by source (input/output), scanner and validity.', labelNames: ['source', 'scanner', 'valid'], registers: [this.registry] });
    this.ready = new Gauge({ name: 'llm_shield_ready', help: '1 when the server is ready (models warm or lazy loading), else 0.', registers: [this.registry] });
    this.inFlight = new Gauge({ name: 'llm_shield_in_flight_scans', help: 'Scans running now.', registers: [this.registry] });
  }
}
