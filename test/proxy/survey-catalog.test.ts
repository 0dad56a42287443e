import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import postPurchase from '../../demo/surveys/acme/post-purchase.json';
import { loadSurveyCatalog, parseSurveyFile } from '../../src/proxy/survey-catalog';
import { tempDir } from './fixtures';

function surveysDir(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('parseSurveyFile()', () => {
  it('applies the schema defaults and leaves out the editor-only $schema hint', () => {
    const result = parseSurveyFile(JSON.stringify({ id: 7, name: 'Tiny', questions: [{ id: 1, question: 'Score?', answer_type: 'Rating' }], $schema: 'x' }));
    expect(result).toEqual({
      ok: true,
      survey: {
        id: 7,
        name: 'Tiny',
        questions: [{ id: 1, question: 'Score?', answer_type: 'Rating', required: false, scale: 'nps' }],
        customer_fields: [],
        custom_segments: [],
        trigger: { type: 'button', position: 'right' },
        thank_you: {},
        display: { triggers: [], urls: [], frequency: 'until_answered', sample_percent: 100 },
      },
    });
  });

  it('names the path and message of every schema problem', () => {
    const result = parseSurveyFile(JSON.stringify({ ...postPurchase, name: '', questions: [{ id: 1, question: 'Q', answer_type: 'Slider' }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toContain('name: ');
    expect(result.problem).toContain('questions.0.answer_type: ');
  });

  it('reports a file that is not JSON', () => {
    expect(parseSurveyFile('{ "id": 1,')).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') });
  });
});

describe('loadSurveyCatalog()', () => {
  it('serves every valid {org}/{code}.json by org and code', () => {
    const catalog = loadSurveyCatalog(surveysDir({ 'acme/post-purchase.json': JSON.stringify(postPurchase) }), () => {});
    expect(catalog.size).toBe(1);
    expect(catalog.get('acme', 'post-purchase')?.name).toBe('Post-purchase NPS');
    expect(catalog.get('acme', 'nope')).toBeUndefined();
    expect(catalog.get('other', 'post-purchase')).toBeUndefined();
  });

  it('skips an invalid file with one message naming the file and its zod issues, and loads the rest', () => {
    const dir = surveysDir({
      'acme/post-purchase.json': JSON.stringify(postPurchase),
      'acme/broken.json': JSON.stringify({ ...postPurchase, id: -3 }),
    });
    const messages: string[] = [];
    const catalog = loadSurveyCatalog(dir, (m) => messages.push(m));
    expect(catalog.size).toBe(1);
    expect(catalog.get('acme', 'broken')).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(join(dir, 'acme/broken.json'));
    expect(messages[0]).toMatch(/id: Too small/);
  });

  it('skips files whose names no request could use, and ignores files that are not JSON', () => {
    const dir = surveysDir({
      'acme/has space.json': JSON.stringify(postPurchase),
      'acme/README.md': '# notes',
    });
    const messages: string[] = [];
    expect(loadSurveyCatalog(dir, (m) => messages.push(m)).size).toBe(0);
    expect(messages).toEqual([expect.stringContaining('has space.json: org and survey names may only use letters')]);
  });

  it('starts with no surveys, and says so, when the directory does not exist', () => {
    const messages: string[] = [];
    expect(loadSurveyCatalog(join(tempDir(), 'missing'), (m) => messages.push(m)).size).toBe(0);
    expect(messages).toEqual([expect.stringContaining('cannot read surveys directory')]);
  });

  it('loads both demo surveys without complaint', () => {
    const messages: string[] = [];
    const catalog = loadSurveyCatalog(join(import.meta.dirname, '../../demo/surveys'), (m) => messages.push(m));
    expect(messages).toEqual([]);
    expect(catalog.size).toBe(2);
  });
});
