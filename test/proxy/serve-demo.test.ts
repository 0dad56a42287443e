import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoFilePath } from '../../src/proxy/serve-demo';
import { tempDir, testApp } from './fixtures';

async function demoApp() {
  const parent = tempDir();
  const demoDir = join(parent, 'demo');
  mkdirSync(join(demoDir, 'assets'), { recursive: true });
  writeFileSync(join(parent, 'secret.txt'), 'do not serve');
  writeFileSync(join(demoDir, '.env'), 'SECRET=1');
  const files: Record<string, string> = {
    'index.html': '<h1>Demo</h1>',
    'assets/app.js': 'init()',
    'assets/site.css': 'body{}',
    'assets/data.json': '{}',
    'assets/logo.svg': '<svg/>',
    'assets/logo.png': 'PNG',
    'assets/index.html': '<p>assets</p>',
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(demoDir, path), text);
  return (await testApp({ demoDir })).app;
}

describe('demo pages', () => {
  it('serves index.html at /', async () => {
    const res = await (await demoApp()).request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<h1>Demo</h1>');
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/site.css', 'text/css; charset=utf-8'],
    ['/assets/data.json', 'application/json; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/logo.png', 'image/png'],
    ['/assets/', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await (await demoApp()).request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(type);
  });

  it.each(['/missing.html', '/assets', '/.env', '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/%252e%252e/secret.txt', '/..%5csecret.txt', '/%E0%A4%A', '/index.html%00'])(
    'answers 404 {"message":"Not found"} to %s',
    async (path) => {
      const res = await (await demoApp()).request(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ message: 'Not found' });
    },
  );
});

describe('demoFilePath()', () => {
  it.each(['/../x', '/a/../../x', '/%2e%2e/x', '/..%2fx', '/a\\..\\x', '/.hidden', '//etc/passwd', '/%ZZ'])('refuses %s', (path) => {
    expect(demoFilePath('/srv/demo', path)).toBeUndefined();
  });

  it('maps a plain path and a folder to files under the root', () => {
    expect(demoFilePath('/srv/demo', '/a/b.js')).toBe('/srv/demo/a/b.js');
    expect(demoFilePath('/srv/demo', '/a/')).toBe('/srv/demo/a/index.html');
    expect(demoFilePath('/srv/demo', '/caf%C3%A9.html')).toBe('/srv/demo/café.html');
  });
});
