import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestLogLine } from '../../http/request-log.ts';

/**
 * The server's metrics in Prometheus format (prom-client): requests and their latency per route,
 * answers by kind and backend, not-found answers by reason, library changes and their duration,
 * and, read at each scrape, the library's size, the dense index and the feedback given.
 */
export interface MetricSources {
  library: () => { documents: number; clauses: number; passages: number };
  denseWindows: () => number | null;
  feedback: () => { up: number; down: number };
}

export interface ServerMetrics {
  observeRequest(line: RequestLogLine): void;
  observeLibraryChange(operation: string, ms: number): void;
  render(): Promise<{ contentType: string; body: string }>;
}

export function createPrometheusMetrics(sources: MetricSources, version: string): ServerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'policy-qa' });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'policy_qa_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'policy_qa_http_request_duration_seconds', help: 'HTTP request duration by route (a streamed answer: until its end)', labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [registry],
  });
  const answers = new Counter({ name: 'policy_qa_answers_total', help: 'Answers by kind (lead, figure, …, not-found) and backend', labelNames: ['kind', 'backend'], registers: [registry] });
  const notFound = new Counter({ name: 'policy_qa_not_found_total', help: 'Not-found answers by reason (uncovered-place, uncovered-document, unseen-topic, off-topic, missing-fact, …)', labelNames: ['reason'], registers: [registry] });
  const changes = new Histogram({
    name: 'policy_qa_library_change_duration_seconds', help: 'Library changes (ingest, add, remove, reindex) and how long each took, re-indexing included', labelNames: ['operation'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers: [registry],
  });
  const size = new Gauge({
    name: 'policy_qa_library_size', help: 'Documents, numbered clauses and passages in the library', labelNames: ['what'], registers: [registry],
    collect() {
      const stats = sources.library();
      this.set({ what: 'documents' }, stats.documents);
      this.set({ what: 'clauses' }, stats.clauses);
      this.set({ what: 'passages' }, stats.passages);
    },
  });
  void size;
  new Gauge({
    name: 'policy_qa_dense_index_windows', help: 'Clause windows in the HNSW index (0 when the dense path is off)', registers: [registry],
    collect() {
      this.set(sources.denseWindows() ?? 0);
    },
  });
  new Gauge({
    name: 'policy_qa_feedback', help: 'Answers rated up and down (stored ratings)', labelNames: ['rating'], registers: [registry],
    collect() {
      const feedback = sources.feedback();
      this.set({ rating: 'up' }, feedback.up);
      this.set({ rating: 'down' }, feedback.down);
    },
  });
  new Gauge({ name: 'policy_qa_info', help: 'The running version', labelNames: ['version'], registers: [registry] }).set({ version }, 1);

  return {
    observeRequest(line) {
      requests.inc({ method: line.method, route: line.route, status: String(line.status) });
      latency.observe({ method: line.method, route: line.route }, line.ms / 1000);
      if (line.answerKind) {
        answers.inc({ kind: line.answerKind, backend: line.backend ?? 'unknown' });
        if (line.notFoundReason) notFound.inc({ reason: line.notFoundReason });
      }
    },
    observeLibraryChange(operation, ms) {
      changes.observe({ operation }, ms / 1000);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
