/** Text safe inside an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Everything up to `<body>`: not indexed, no favicon request, no Referer, the page's own stylesheet. */
function pageHead(title: string, lang: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/hosted.css">
</head>
<body>`;
}

export interface HostedPageInput {
  title: string;
  lang: string;
  org: string;
  survey: string;
  params: Record<string, string>;
}

/**
 * The hosted survey page (`/s/{token}`): the survey full-page, rendered by
 * the widget itself in inline mode, with the request's details prefilled.
 * No inline script or style, so it runs under the strict CSP it is served with.
 */
export function hostedPage({ title, lang, org, survey, params }: HostedPageInput): string {
  const widget = JSON.stringify({ org, survey, display: 'inline' });
  return `${pageHead(title, lang)}
<main>
<noscript><p class="message">This survey needs JavaScript. Please turn it on, or open the link in another browser.</p></noscript>
<div data-customersure-survey-widget data-widget-params="${escapeHtml(widget)}" data-survey-params="${escapeHtml(JSON.stringify(params))}"></div>
</main>
<script src="/survey_widget.js"></script>
<script src="/hosted.js"></script>
</body>
</html>
`;
}

/** A page with one message, for links that are answered already or unknown. */
export function messagePage(title: string, message: string, lang = 'en'): string {
  return `${pageHead(title, lang)}
<main class="message"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>
</body>
</html>
`;
}

/** Calls `init()` once the widget has loaded: a file, so the page needs no inline script. */
export const HOSTED_INIT_SCRIPT = 'CustomerSureSurveyWidget.init();\n';

/** The page around the survey: centred, readable, light and dark. */
export const HOSTED_STYLES = `:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0;min-height:100vh;background:#f3f4f6;color:#111827}
main{box-sizing:border-box;max-width:40rem;margin:0 auto;padding:2rem 1rem}
.message{text-align:center;padding-top:20vh}
.message h1{font-size:1.5rem;margin:0 0 .5rem}
.message p{color:#4b5563;margin:0}
@media (prefers-color-scheme:dark){body{background:#111827;color:#f9fafb}.message p{color:#d1d5db}}
@media (max-width:600px){main{padding:1rem .5rem}}
`;
