import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireApp } from '../../src/proxy/wire-app';
import { tempDir, testApp } from './fixtures';

/**
 * A demo folder laid out as the default config lays it out (the survey files
 * in `demo/surveys`), with a database left beside the pages and a link
 * from the pages into the survey files.
 */
async function demoApp() {
  const demoDir = tempDir();
  const surveysDir = join(demoDir, 'surveys');
  mkdirSync(join(surveysDir, 'acme'), { recursive: true });
  writeFileSync(join(demoDir, 'index.html'), '<h1>Shop</h1>');
  writeFileSync(join(demoDir, 'prices.json'), '{"basic": 5}');
  for (const file of ['_org.json', '_relay.json', '_templates.json', 'post-purchase.json']) writeFileSync(join(surveysDir, 'acme', file), '{"secret": "survey file"}');
  for (const file of ['responses.sqlite', 'responses.sqlite-wal', 'responses.sqlite-shm', 'responses.sqlite-journal', 'old.db', 'copy.sqlite3']) writeFileSync(join(demoDir, file), 'SQLite format 3');
  symlinkSync(surveysDir, join(demoDir, 'linked'));
  return (await testApp({ demoDir, surveysDir })).app;
}

describe('the demo folder', () => {
  it('still serves its pages and files', async () => {
    const app = await demoApp();
    expect(await (await app.request('/')).text()).toBe('<h1>Shop</h1>');
    expect(await (await app.request('/prices.json')).json()).toEqual({ basic: 5 });
  });

  it.each([
    '/surveys/acme/_org.json',
    '/surveys/acme/_relay.json',
    '/surveys/acme/_templates.json',
    '/surveys/acme/post-purchase.json',
    '/surveys/acme/',
    '/surveys/',
    '/surveys%2Facme%2F_org.json',
    '/%73urveys/acme/_org.json',
    '/surveys/acme/%5Forg.json',
    '/surveys/acme/%5forg%2ejson',
    '/SURVEYS/acme/_org.json',
    '/Surveys/Acme/_ORG.json',
    '/surveys//acme/_org.json',
    '/x/../surveys/acme/_org.json',
    '/x/%2e%2e/surveys/acme/_org.json',
    '/linked/acme/_org.json',
  ])('answers 404 to %s, as to any missing file: survey files are never downloadable', async (path) => {
    const res = await (await demoApp()).request(path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not found' });
  });

  it.each([
    '/responses.sqlite',
    '/responses.sqlite-wal',
    '/responses.sqlite-shm',
    '/responses.sqlite-journal',
    '/old.db',
    '/copy.sqlite3',
    '/RESPONSES.SQLITE',
    '/responses%2Esqlite',
    '/responses.sqlite%2Dwal',
  ])('answers 404 to the database file %s', async (path) => {
    const res = await (await demoApp()).request(path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not found' });
  });

  it('hides the survey files of the proxy as shipped (demo/ and demo/surveys, wired as main.ts wires them)', async () => {
    const logged: string[] = [];
    const dir = tempDir();
    const { app, store } = await wireApp(
      { surveysDir: 'demo/surveys', databasePath: join(dir, 'responses.sqlite'), demoDir: 'demo', allowedOrigins: [], widgetScriptPath: join(dir, 'missing.js'), apiTokens: [] },
      (message) => logged.push(message),
    );
    try {
      expect((await app.request('/')).status).toBe(200);
      for (const path of ['/surveys/acme/_org.json', '/surveys/acme/_relay.json', '/surveys/acme/post-purchase.json', '/surveys%2facme%2f_templates.json']) {
        expect((await app.request(path)).status, path).toBe(404);
      }
    } finally {
      await store.close();
    }
  });
});
