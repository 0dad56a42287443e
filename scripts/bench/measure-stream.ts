/** How a streamed download went, read to its end. */
export interface StreamRun {
  bytes: number;
  /** Line ends (LF) seen: CSV records, header included, when no field holds a line break. */
  lines: number;
  seconds: number;
  /** The process's peak resident memory during the read, less what it was at the start. */
  peakRssGrowth: number;
}

const SAMPLE_MS = 50;

/**
 * Sends one request and reads its body chunk by chunk to the end, sampling
 * the process's resident memory every 50 ms and after each chunk. The server
 * runs in this process, so the peak covers both ends: a reply built whole in
 * memory would show up as growth near its size. Never holds the body: it
 * counts bytes and line ends as they pass. Returns the reply's status and
 * content type and the body's first bytes, for the caller to check.
 */
export async function measureStream(send: () => Promise<Response> | Response): Promise<StreamRun & { status: number; contentType: string | null; head: string }> {
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sample = () => void (peak = Math.max(peak, process.memoryUsage.rss()));
  // The interval alone could starve: reading a stream served in process may never leave the microtask queue.
  const timer = setInterval(sample, SAMPLE_MS);
  const started = performance.now();
  try {
    const response = await send();
    let bytes = 0;
    let lines = 0;
    let head = '';
    if (response.body) {
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        const data = chunk.value;
        bytes += data.byteLength;
        for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) lines++;
        // The first chunk's start, byte-order mark kept (the default decoder drops it): the CSV's header line.
        if (!head) head = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data.subarray(0, 2000));
        sample();
      }
    }
    sample();
    return { status: response.status, contentType: response.headers.get('Content-Type'), head, bytes, lines, seconds: (performance.now() - started) / 1000, peakRssGrowth: peak - rssBefore };
  } finally {
    clearInterval(timer);
  }
}
