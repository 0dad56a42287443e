import type { WidgetFile } from './widget-file';

/** One file in the manifest, keyed by its stable name. */
export interface ManifestEntry {
  /** The content-addressed name, served from the proxy's root and written to `dist/`. */
  file: string;
  /** Hex sha256 of the plain bytes. */
  sha256: string;
  /** For the snippet's `integrity` attribute. */
  integrity: string;
  /** Sizes in bytes: plain, gzip and brotli, as served. */
  bytes: number;
  gzip: number;
  br: number;
}

/**
 * The manifest of the current build, the same at `GET /survey_widget.json`
 * and in `dist/widget-manifest.json` (scripts/compress-widget.mjs writes it):
 * what a merchant needs to pin a build, e.g.
 * `<script src="https://proxy.example/{file}" integrity="{integrity}" crossorigin="anonymous">`.
 *
 * @example
 * widgetManifest([script, styles])['survey_widget.js'].file // 'survey_widget.1a2b3c4d5e6f.js'
 */
export function widgetManifest(files: readonly WidgetFile[]): Record<string, ManifestEntry> {
  return Object.fromEntries(
    files.map((f) => [
      f.name,
      { file: f.hashedName, sha256: f.sha256, integrity: f.integrity, bytes: f.encodings.identity.bytes.length, gzip: f.encodings.gzip.bytes.length, br: f.encodings.br.bytes.length },
    ]),
  );
}
