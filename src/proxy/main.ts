/**
 * The proxy's entry point (`npm run serve`, built to dist/proxy/main.js): the
 * one place that reads `process.env`. Everything else is in startProxy, which
 * `npm start`'s demo calls too.
 */
import { startProxy } from './start-proxy';

startProxy(process.env).catch((error: unknown) => {
  console.error(`[survey-proxy] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
