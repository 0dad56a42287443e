import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoPageCsp } from '../../src/proxy/demo-page-csp';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('demoPageCsp()', () => {
  it('allows a page without inline code nothing but this proxy’s own files', () => {
    const csp = demoPageCsp('<!doctype html><link rel="stylesheet" href="/demo.css"><script src="/survey_widget.js"></script><script src="/demo.js"></script>');
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'style-src')).toBe("style-src 'self'");
    expect(csp).toContain("default-src 'self'");
  });

  it('hashes an inline script as the browser does: its text exactly, CR LF read as LF', () => {
    const csp = demoPageCsp('<script>\r\n  CustomerSureSurveyWidget.init();\r\n</script>');
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' ${sha256('\n  CustomerSureSurveyWidget.init();\n')}`);
  });

  it('reads a > inside a quoted attribute (JSON params) as part of the value, not the end of the tag', () => {
    const csp = demoPageCsp(`<div data-survey-params='{"note": "a > b"}' onclick="go()">x</div>`);
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' 'unsafe-hashes' ${sha256('go()')}`);
  });

  it('hashes attribute values with their character references decoded, each value once', () => {
    const csp = demoPageCsp(`<b style="content: &quot;&#x2713;&quot;">1</b><i style='content: "✓"'>2</i>`);
    expect(directive(csp, 'style-src')).toBe(`style-src 'self' 'unsafe-hashes' ${sha256('content: "✓"')}`);
  });

  it('hashes an inline <style>, in any case of tag name', () => {
    expect(directive(demoPageCsp('<STYLE media="screen">p{color:red}</STYLE>'), 'style-src')).toBe(`style-src 'self' ${sha256('p{color:red}')}`);
  });

  it('is never loose: no unsafe-inline, no eval, no plugins, no <base>, framed only by the proxy', () => {
    const csp = demoPageCsp('<script>x()</script><p style="color:red" onmouseover="y()">z</p>');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'");
  });
});
