/**
 * A byte stream of the texts `lines` yields, pulled as the client reads: at most
 * about `highWater` characters are ever buffered, so exporting a million rows
 * holds a chunk, not the million. Stops reading (and lets the source close) when
 * the client goes away.
 */
export function textStream(lines: AsyncIterable<string>, highWater = 64 * 1024): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      while (chunk.length < highWater) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
