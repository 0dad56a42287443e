/**
 * The port each of `connections` connections opens to: the ports in turn, so
 * 200 connections over 3 instances are 67, 67 and 66, as a round-robin front
 * would spread them.
 *
 * @example
 * roundRobin(4, [8001, 8002, 8003]) // [8001, 8002, 8003, 8001]
 */
export function roundRobin(connections: number, ports: readonly number[]): number[] {
  if (ports.length === 0) throw new Error('roundRobin needs at least one port');
  return Array.from({ length: connections }, (_, i) => ports[i % ports.length]!);
}
