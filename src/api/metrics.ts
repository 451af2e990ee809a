import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AuditWriter } from '../audit/writer.ts';
import type { StoreAvailability } from '../db/availability.ts';
import type { WitnessPublisher } from '../audit/witness-publisher.ts';
import type { SinkDeliverer, SinkStats } from '../audit/sinks/deliverer.ts';

/** The service's Prometheus metrics, in a registry of its own (one per app instance). */
export function createMetrics(
  writer: AuditWriter,
  options: {
    defaultMetrics?: boolean | undefined;
    availability?: StoreAvailability | undefined;
    witnesses?: WitnessPublisher | undefined;
    sinks?: readonly SinkDeliverer[] | undefined;
  } = {},
) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const checks = new Counter({
    name: 'sargas_checks_total',
    help: 'Checks answered, by decision, direction and channel visibility.',
    labelNames: ['decision', 'direction', 'visibility'] as const,
    registers: [registry],
  });
  const findings = new Counter({
    name: 'sargas_findings_total',
    help: 'Findings by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sargas_check_duration_seconds',
    help: 'Time to answer a check inside the service, authentication and audit commit included, whatever the answer.',
    // fine around the 20 ms the helpdesk tools are promised
    buckets: [
      0.0005, 0.001, 0.002, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1,
    ],
    registers: [registry],
  });
  const commit = new Histogram({
    name: 'sargas_audit_commit_seconds',
    help: 'Duration of each audit transaction (group commit).',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'sargas_audit_batch_events',
    help: 'Events per audit transaction.',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [registry],
  });
  writer.onCommit((events, seconds) => {
    commit.observe(seconds);
    batchSize.observe(events);
  });
  new Gauge({
    name: 'sargas_audit_batches_total',
    help: 'Audit transactions committed (group commit).',
    registers: [registry],
    collect() {
      this.set(writer.stats.batches);
    },
  });
  new Gauge({
    name: 'sargas_audit_events_total',
    help: 'Audit events committed.',
    registers: [registry],
    collect() {
      this.set(writer.stats.events);
    },
  });
  new Gauge({
    name: 'sargas_audit_queue_rejections_total',
    help: 'Checks answered 503 at once because too many audit events were waiting.',
    registers: [registry],
    collect() {
      this.set(writer.stats.rejected);
    },
  });
  new Gauge({
    name: 'sargas_audit_queue_length',
    help: 'Audit events waiting for the next append.',
    registers: [registry],
    collect() {
      this.set(writer.pending);
    },
  });
  new Gauge({
    name: 'sargas_audit_failures_total',
    help: 'Audit batches that failed to commit (their checks answered 503).',
    registers: [registry],
    collect() {
      this.set(writer.stats.failures);
    },
  });
  new Gauge({
    name: 'sargas_audit_expired_total',
    help: 'Audit events dropped at their deadline, or refused at once while the store was down (their checks answered 503).',
    registers: [registry],
    collect() {
      this.set(writer.stats.expired);
    },
  });
  new Gauge({
    name: 'sargas_audit_batch_splits_total',
    help: 'Audit batches split to find the events the database refused (each such event failed alone).',
    registers: [registry],
    collect() {
      this.set(writer.stats.splits);
    },
  });
  new Gauge({
    name: 'sargas_store_up',
    help: '1 while the audit store is believed reachable, 0 while the circuit breaker is open.',
    registers: [registry],
    collect() {
      this.set(options.availability && !options.availability.up ? 0 : 1);
    },
  });
  const witnesses = options.witnesses;
  if (witnesses) {
    for (const [name, help, read] of [
      [
        'sargas_witness_pending',
        'Checkpoints waiting to reach a witness (the most behind of them).',
        () => witnesses.pending,
      ],
      [
        'sargas_witness_delivered_total',
        'Checkpoints delivered to witnesses.',
        () => witnesses.stats.delivered,
      ],
      [
        'sargas_witness_failures_total',
        'Failed deliveries to a witness (each retried).',
        () => witnesses.stats.failures,
      ],
    ] as const) {
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    }
  }
  // per sink (label: its name, never anything of a tenant's)
  const sinks = options.sinks ?? [];
  if (sinks.length > 0)
    for (const [name, help, read] of [
      [
        'sargas_sink_lag_events',
        'Events committed but not yet acknowledged by the sink.',
        (s: SinkStats) => s.lagEvents,
      ],
      [
        'sargas_sink_lag_seconds',
        'Age of the oldest event the sink has not acknowledged.',
        (s: SinkStats) => s.lagSeconds,
      ],
      [
        'sargas_sink_delivered_total',
        'Events the sink acknowledged (a redelivery after a failure counts again).',
        (s: SinkStats) => s.delivered,
      ],
      [
        'sargas_sink_failures_total',
        'Failed deliveries to the sink (each retried with backoff).',
        (s: SinkStats) => s.failures,
      ],
    ] as const) {
      new Gauge({
        name,
        help,
        labelNames: ['sink'] as const,
        registers: [registry],
        collect() {
          for (const d of sinks) this.set({ sink: d.sink.name }, read(d.stats));
        },
      });
    }
  if (sinks.length > 0)
    new Gauge({
      name: 'sargas_sink_refusals_total',
      help: 'Failed deliveries the receiver refused permanently (400, 401, 403, 404, 413, 422: a misconfigured receiver), by status; retried at the longest backoff, never dropped.',
      labelNames: ['sink', 'status'] as const,
      registers: [registry],
      collect() {
        for (const d of sinks)
          for (const [status, n] of d.stats.refusals)
            this.set({ sink: d.sink.name, status: String(status) }, n);
      },
    });
  return { registry, checks, findings, latency };
}

export type Metrics = ReturnType<typeof createMetrics>;
