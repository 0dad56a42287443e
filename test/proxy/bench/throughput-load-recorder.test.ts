import { describe, expect, it } from 'vitest';
import { createLoadRecorder } from '../../../scripts/bench/throughput/load-recorder';

describe('createLoadRecorder()', () => {
  it('counts acknowledged/s and latency only for answers completed inside the window', () => {
    const recorder = createLoadRecorder({ fromMs: 1000, toMs: 3000 });
    recorder.record('warm-up', 900, 990, 201);
    recorder.record('a', 1000, 1002, 201);
    recorder.record('b', 1500, 1510, 201);
    recorder.record('c', 2990, 3005, 201);
    const summary = recorder.summary();
    expect(summary.ackPerSecond).toBe(1);
    expect(summary.p50Ms).toBe(2);
    expect(summary.p99Ms).toBe(10);
  });

  it('keeps every acknowledged id, warm-up and drain included, for the lost check', () => {
    const recorder = createLoadRecorder({ fromMs: 1000, toMs: 2000 });
    recorder.record('warm-up', 0, 10, 201);
    recorder.record('retry', 1000, 1001, 200);
    recorder.record('late', 1999, 2100, 201);
    expect(recorder.summary().ackIds).toEqual(['warm-up', 'retry', 'late']);
  });

  it('counts errors by status over the whole run and leaves them out of the latencies', () => {
    const recorder = createLoadRecorder({ fromMs: 1000, toMs: 2000 });
    recorder.record('busy', 500, 600, 503);
    recorder.record('busy-again', 1100, 1101, 503);
    recorder.record('reset', 1200, 1200, 'socket');
    recorder.record('ok', 1300, 1340, 201);
    const summary = recorder.summary();
    expect(summary.errors).toEqual({ 503: 2, socket: 1 });
    expect(summary.ackIds).toEqual(['ok']);
    expect(summary.p50Ms).toBe(40);
  });
});
