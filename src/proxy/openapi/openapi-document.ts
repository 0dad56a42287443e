/** Placeholder until the generated document lands (same session). */
export function openApiDocument(): unknown {
  return { openapi: '3.1.0', info: { title: 'survey-widget proxy', version: '0.1.0' }, paths: {} };
}
