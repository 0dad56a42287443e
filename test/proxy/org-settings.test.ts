import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgSettings } from '../../src/proxy/org-settings/org-settings';
import { loadSurveyCatalog } from '../../src/proxy/survey-catalog';
import { tempDir } from './fixtures';

const DEMO = join(import.meta.dirname, '../../demo/surveys');

describe('org settings', () => {
  it('reads the demo org’s time zone and templates, sorted by name, with the seed’s defaults', () => {
    const logged: string[] = [];
    const settings = loadOrgSettings(DEMO, (m) => logged.push(m));
    expect(logged).toEqual([]);
    expect(settings.timeZone('acme')).toBe('Europe/London');
    expect(settings.emailTemplates('acme').map((t) => [t.id, t.name, t.archived])).toEqual([[10, 'Post Sale Feedback Email', false], [11, 'Reminder', false]]);
    expect(settings.textMessageTemplates('acme')).toEqual([expect.objectContaining({ id: 20, archived: false })]);
  });

  it('defaults an org without files to UTC and no templates', () => {
    const settings = loadOrgSettings(DEMO, () => {});
    expect(settings.timeZone('nobody')).toBe('UTC');
    expect(settings.emailTemplates('constructor')).toEqual([]);
  });

  it('ignores a broken file with one message naming it and its problem, keeping the defaults', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', '_org.json'), JSON.stringify({ time_zone: 'Mars/Olympus' }));
    writeFileSync(join(dir, 'acme', '_templates.json'), '{ "email_templates": [');
    const logged: string[] = [];
    const settings = loadOrgSettings(dir, (m) => logged.push(m));
    expect(settings.timeZone('acme')).toBe('UTC');
    expect(logged).toEqual([
      expect.stringMatching(/ignored .*_org\.json: time_zone: an IANA time zone/),
      expect.stringMatching(/ignored .*_templates\.json: not valid JSON/),
    ]);
  });

  it('are never read as surveys, and two surveys of one org may not share an id', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    const survey = { id: 5, name: 'S', questions: [{ id: 1, question: 'Q?', answer_type: 'Rating' }] };
    writeFileSync(join(dir, 'acme', 'a.json'), JSON.stringify(survey));
    writeFileSync(join(dir, 'acme', 'b.json'), JSON.stringify(survey));
    writeFileSync(join(dir, 'acme', '_org.json'), '{}');
    const logged: string[] = [];
    const catalog = loadSurveyCatalog(dir, (m) => logged.push(m));
    expect(catalog.size).toBe(1);
    expect(catalog.byId('acme', 5)?.name).toBe('S');
    expect(logged).toEqual([expect.stringContaining('b.json: id 5 is already used by a.json in acme')]);
  });
});
