import { describe, expect, it } from 'vitest';
import { formatErrors, limitOf, microsPerAck, reportRows, verdicts, type BenchRow } from '../../../scripts/bench/throughput/throughput-report';

const idle = { cores: 0.3, busiestCores: 0.3, machineBusy: 0.4, machineIowait: 0 };
function row(overrides: Partial<BenchRow>): BenchRow {
  return { target: 'sqlite', mode: 'closed', load: 20, ackPerSecond: 12_000, p50Ms: 1.2, p99Ms: 4, errors: {}, acknowledged: 60_000, lost: 0, server: idle, generatorCores: 0.5, ...overrides };
}

describe('verdicts()', () => {
  it('passes SQLite at 10,000 acknowledged/s and says what share of the bare server that is', () => {
    const lines = verdicts([row({ target: 'bare', ackPerSecond: 40_000, lost: undefined }), row({ load: 20, ackPerSecond: 9_000 }), row({ load: 200, ackPerSecond: 10_000 })]);
    expect(lines[0]).toBe("PASS  SQLite ≥ 10,000 acknowledged/s with synchronous FULL: best 10,000/s at 200 connections, 25% of the bare server's 40,000/s (target 25%)");
  });

  it('fails SQLite below 10,000/s', () => {
    expect(verdicts([row({ ackPerSecond: 9_999 })])[0]).toMatch(/^FAIL {2}SQLite ≥ 10,000/);
  });

  it('judges p99 at 1,000 req/s on every proxy target, and fails one that answered with errors', () => {
    const lines = verdicts([
      row({ mode: 'open', load: 1000, p99Ms: 3.5 }),
      row({ target: 'pg-3', mode: 'open', load: 1000, p99Ms: 2, errors: { 503: 4 } }),
      row({ target: 'bare', mode: 'open', load: 1000, p99Ms: 90, lost: undefined }),
    ]);
    expect(lines).toContain('FAIL  p99 ≤ 25 ms at 1,000 req/s: proxy, SQLite 3.50 ms PASS; proxy ×3, PostgreSQL 2.00 ms with errors 503×4 FAIL');
  });

  it('fails "0 lost" when any acknowledged response is missing, counting over every run with a database', () => {
    const lines = verdicts([row({ lost: 0, acknowledged: 10 }), row({ target: 'pg-1', lost: 2, acknowledged: 5 }), row({ target: 'bare', lost: undefined, acknowledged: 99 })]);
    expect(lines.at(-1)).toBe('FAIL  0 lost: 2 of 15 acknowledged responses missing from their database');
  });
});

describe('CPU per acknowledged response', () => {
  it('is the cores used divided by the responses a second, in µs', () => {
    expect(microsPerAck(0.5, 1000)).toBe(500);
  });

  it('is unknown for a run that acknowledged nothing', () => {
    expect(microsPerAck(0.5, 0)).toBeNaN();
  });

  it('is reported per target with what one core of it would carry, PostgreSQL apart', () => {
    const lines = verdicts([
      row({ target: 'bare', ackPerSecond: 20_000, lost: undefined, server: { ...idle, cores: 0.5 } }),
      row({ target: 'pg-1', ackPerSecond: 1_000, server: { ...idle, cores: 0.8 }, databaseCores: 0.3 }),
    ]);
    expect(lines).toContain(
      'CPU per acknowledged response (best closed-loop run; steady on a shared machine): node:http 201 25 µs (40,000/s per server core); proxy ×1, PostgreSQL 800 µs + PostgreSQL 300 µs (1,250/s per server core)',
    );
  });
});

describe('limitOf()', () => {
  it('blames the machine when all its cores are busy', () => {
    expect(limitOf(row({ server: { ...idle, machineBusy: 0.95, busiestCores: 0.95 } }))).toBe('machine CPU');
  });

  it('blames the server when one of its processes uses a whole core (Node serves on one)', () => {
    expect(limitOf(row({ server: { ...idle, busiestCores: 0.97 } }))).toBe('server CPU');
  });

  it('blames the load generator or PostgreSQL when they are the ones flat out', () => {
    expect(limitOf(row({ generatorCores: 0.99 }))).toBe('generator CPU');
    expect(limitOf(row({ databaseCores: 1.4 }))).toBe('database CPU');
  });

  it('names waits when nothing is CPU-bound, and the offered rate in an open loop', () => {
    expect(limitOf(row({}))).toBe('waits (fsync, I/O)');
    expect(limitOf(row({ mode: 'open' }))).toBe('offered rate');
  });
});

describe('reportRows()', () => {
  it('puts each run on one line under a header, with errors by status', () => {
    const [header, line] = reportRows([row({ errors: { 503: 12, socket: 1 }, server: { ...idle, cores: 0.98, busiestCores: 0.98 } })]);
    expect(header?.slice(0, 7)).toEqual(['target', 'load', 'ack/s', 'p50 ms', 'p99 ms', 'errors', 'lost']);
    expect(line).toEqual(['proxy, SQLite', '20 conn', '12,000', '1.20', '4.00', '503×12, socket×1', '0', '0.98', '82', '-', '-', '0.50', '40%', '0%', 'server CPU']);
  });

  it('formats no errors as 0', () => {
    expect(formatErrors({})).toBe('0');
  });
});
