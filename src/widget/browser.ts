/**
 * The script-tag entry: the one module that touches `window` and `document`
 * when it loads. It installs `window.CustomerSureSurveyWidget` (the name the
 * CustomerSure snippet calls) and does nothing else until the page calls it.
 */
import { createWidgetApi } from './widget-api';
import type { SurveyWidgetApi } from './widget-api';

declare global {
  interface Window {
    CustomerSureSurveyWidget?: SurveyWidgetApi;
  }
}

// currentScript is only set while this script first runs; it is where the proxy lives.
const script = document.currentScript as HTMLScriptElement | null;
const scriptBase = script?.src ? new URL('.', script.src).href : location.origin;

// A second copy of the script must not replace the first one's widgets.
window.CustomerSureSurveyWidget ??= createWidgetApi({ document, fetch: fetch.bind(window), console, crypto, scriptBase });
