/**
 * The results dashboard in Chromium, against the proxy as `npm start` runs it,
 * seeded with the demo's history over HTTP: signing in and out, every view,
 * the filters, the exports, a live update, axe-core in every view and look,
 * the keyboard alone, and screenshots of it all in screenshots/dashboard/.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OverviewJson } from '../../src/shared/dashboard/dashboard-replies';
import { E2E_API_TOKEN, WAIT_MS } from './harness';
import {
  API_HEADERS, LOOKS, audit, cardNumber, csvRecords, en, eventually, focused, numberIn, pressUntil, setUpDashboard, settled, snap, tableHeaders, tableRows, tourViews,
} from './dashboard-pages';

const dash = setUpDashboard();

describe('signing in and out', () => {
  it('shows the form, refuses a wrong token with the server’s message, and opens the overview with the org’s numbers', async () => {
    const { page, context } = await dash.signedOut();
    const token = page.getByLabel(en.tokenLabel);
    await token.fill('not-the-token');
    await page.getByRole('button', { name: en.signInButton }).click();
    const refusal = await fetch(dash.url('api/session'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 'not-the-token' }) });
    const { message } = (await refusal.json()) as { message: string };
    await eventually(() => page.getByRole('alert').textContent()).toBe(message);

    await token.fill(E2E_API_TOKEN);
    await token.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.overviewTitle }).waitFor();
    await settled(page);
    const shown = numberIn(await cardNumber(page, en.responsesCard).textContent() ?? '');
    const overview = (await (await context.request.get(dash.url('api/overview?period=30-days&bucket=day'))).json()) as OverviewJson;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBe(overview.responses.count);
    // NPS as the v1 API counts it, over the same 30 days.
    const nps = (await (await fetch(`${dash.proxy.origin}/api/nps?period=30-days`, { headers: API_HEADERS })).json()) as { net_promoter_score: number; total_number_of_ratings: number };
    expect(numberIn(await cardNumber(page, en.npsCard).textContent() ?? '')).toBe(nps.net_promoter_score);
    await page.getByRole('region', { name: en.npsCard }).getByText(`${nps.total_number_of_ratings.toLocaleString('en-US')} ratings`).waitFor();

    // The token is nowhere a script or a shared link could read it; the session cookie is HttpOnly.
    const traces = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, location.href]));
    expect(traces).not.toContain(E2E_API_TOKEN);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.value.includes(E2E_API_TOKEN)])).toEqual([['sw_dashboard', true, 'Strict', false]]);
  });

  it('signs out back to the form, after which the API refuses that browser', async () => {
    const { page, context } = await dash.signedIn();
    await page.getByRole('button', { name: en.signOut }).click();
    await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
    expect((await context.request.get(dash.url('api/me'))).status()).toBe(401);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
  });
});

describe('each view shows the seeded data', () => {
  it('overview: responses, NPS, CSAT, a custom scale’s average, and trend charts named for what they show', async () => {
    const { page } = await dash.signedIn();
    expect(numberIn(await cardNumber(page, en.responsesCard).textContent() ?? '')).toBeGreaterThan(0);
    expect(await cardNumber(page, en.npsCard).textContent()).toMatch(/^[+\u2212-]?\d+$/);
    expect(await cardNumber(page, en.csatCard).textContent()).toMatch(/^\d+(\.\d)?%$/);
    const ease = page.getByRole('region', { name: 'How easy was it to get help?' });
    expect(await ease.locator('.big').textContent()).toMatch(/^\d(\.\d)?$/);
    await ease.getByText(/^Average \d(\.\d)? on a scale of 1 to 7$/).waitFor();
    const trend = page.getByRole('region', { name: en.trendTitle });
    for (const title of [en.trendResponsesTitle, en.trendNpsTitle]) {
      const chart = trend.getByRole('img', { name: new RegExp(`^${title}`) });
      expect(await chart.locator('title').textContent()).toBe(title);
    }
  });

  it('league tables: Leeds Trinity ranks last among sites by NPS; staff and a custom segment rank too', async () => {
    const { page } = await dash.signedIn('#/league');
    const table = page.getByRole('table', { name: 'League table by Site' });
    const sites = await tableRows(table);
    expect(sites.map((r) => r[0])).toHaveLength(4);
    expect(sites.at(-1)?.[0]).toBe('Leeds Trinity');
    const npsColumn = (await tableHeaders(table)).indexOf(en.colNps);
    const scores = sites.map((r) => numberIn(r[npsColumn]!));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    await page.getByLabel(en.dimension).selectOption({ label: en.dimStaff });
    await eventually(() => page.url()).toContain('dimension=staff_code');
    // Rows, not the caption, say the new table is in: the caption changes with the URL, before the data.
    const staff = page.getByRole('table', { name: 'League table by Staff member' });
    await eventually(async () => (await tableRows(staff)).map((r) => r[0])).toEqual(expect.arrayContaining(['Luke Harper', 'Amara Okafor', 'Sam Lee']));

    await page.getByLabel(en.dimension).selectOption('account_type');
    const segment = page.getByRole('table', { name: 'League table by account_type' });
    await eventually(async () => (await tableRows(segment)).map((r) => r[0]).sort()).toEqual(['business', 'consumer']);
  });

  it('responses: a page of rows; one opens with its answers and its order reference', async () => {
    const { page, context } = await dash.signedIn('#/responses');
    const table = page.getByRole('table', { name: en.responsesCaption });
    expect(await table.locator('tbody tr').count()).toBe(25);
    const list = (await (await context.request.get(dash.url('api/responses?period=30-days&limit=25'))).json()) as { items: { id: number }[] };
    // The newest response with a reference, as the API has it.
    let detail: { id: number; reference: string | null; answers: { question: string | null }[] } | undefined;
    for (const { id } of list.items) {
      detail = (await (await context.request.get(dash.url(`api/responses/${id}`))).json()) as typeof detail;
      if (detail?.reference) break;
    }
    expect(detail?.reference).toBeTruthy();
    await table.locator(`a[href="#/responses/${detail!.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: `Response ${detail!.id}` }).waitFor();
    await settled(page);
    const answers = page.getByRole('region', { name: en.answersTitle });
    expect(await answers.locator('dt').allTextContents()).toEqual(detail!.answers.map((a) => a.question));
    const about = page.getByRole('region', { name: en.aboutTitle });
    await about.getByText(detail!.reference!, { exact: true }).waitFor();
  });

  it('invitations: all 40 over two pages; one opens with its timeline', async () => {
    const { page } = await dash.signedIn('#/invitations');
    await page.getByText('40 invitations').waitFor();
    const table = page.getByRole('table', { name: en.invitationsCaption });
    const first = await tableRows(table);
    await page.getByText('Page 1 of 2').waitFor();
    await page.getByRole('link', { name: en.nextPage }).click();
    await page.getByText('Page 2 of 2').waitFor();
    await settled(page);
    const second = await tableRows(table);
    expect(first.length + second.length).toBe(40);
    expect(new Set([...first, ...second].map((r) => r[0])).size).toBe(40);

    const id = second[0]![0]!;
    await table.getByRole('link', { name: id, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Invitation ${id}` }).waitFor();
    await settled(page);
    const timeline = page.getByRole('region', { name: en.timelineTitle });
    // Its first event is its creation, with the time it happened.
    const created = timeline.getByRole('listitem').first();
    expect(await created.locator('strong').textContent()).toBe('created');
    expect(await created.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('filters', () => {
  it('a period and a survey change the overview’s numbers and its URL, and Back restores the filter before', async () => {
    const { page } = await dash.signedIn();
    const responses = async () => numberIn((await cardNumber(page, en.responsesCard).textContent()) ?? '');
    const month = await responses();
    await page.getByLabel(en.range).selectOption({ label: en.periodLast7Days });
    await eventually(() => page.url()).toContain('period=7-days');
    await eventually(responses).toBeLessThan(month);
    const week = await responses();
    await page.getByLabel(en.survey).selectOption({ label: 'Post-purchase NPS' });
    await eventually(() => page.url()).toContain('survey_id=1484');
    await eventually(responses).toBeLessThan(week);
    // Post-purchase asks no CSAT question.
    await page.getByRole('region', { name: en.csatCard }).getByText(en.noRatings).waitFor();

    await page.goBack();
    await eventually(() => page.url()).not.toContain('survey_id');
    expect(page.url()).toContain('period=7-days');
    await eventually(responses).toBe(week);
    expect(await page.getByLabel(en.survey).inputValue()).toBe('');
  });

  it('a site and NPS 0-6 show only that site’s detractors; Back lifts the score cap again', async () => {
    const { page } = await dash.signedIn('#/responses?period=12-months');
    const table = page.getByRole('table', { name: en.responsesCaption });
    const headers = await tableHeaders(table);
    const [site, nps] = [headers.indexOf(en.colSite), headers.indexOf(en.colNps)];
    await page.getByLabel(en.filterSite, { exact: true }).selectOption({ label: 'Leeds Trinity' });
    await eventually(() => page.url()).toContain('segment=site_code%3Aleeds');
    await page.getByLabel(en.scoreScale, { exact: true }).selectOption({ label: en.scaleNps });
    await eventually(() => page.url()).toContain('score_scale=nps');
    await page.getByLabel(en.scoreMax).fill('6');
    await page.getByLabel(en.scoreMax).press('Tab');
    await eventually(() => page.url()).toContain('score_max=6');
    await eventually(async () => {
      const rows = await tableRows(table);
      return rows.length > 0 && rows.every((r) => r[site] === 'Leeds Trinity' && numberIn(r[nps]!) <= 6);
    }).toBe(true);

    await page.goBack();
    await eventually(() => page.url()).not.toContain('score_max');
    expect(await page.getByLabel(en.scoreMax).inputValue()).toBe('');
    expect(await page.getByLabel(en.scoreScale, { exact: true }).inputValue()).toBe('nps');
    await eventually(async () => (await tableRows(table)).some((r) => numberIn(r[nps]!) > 6)).toBe(true);
  });

  it('search finds what a customer wrote, quotes and all', async () => {
    const { page } = await dash.signedIn('#/responses?period=12-months');
    const table = page.getByRole('table', { name: en.responsesCaption });
    await page.getByLabel(en.searchLabel).fill('"one up"');
    await page.getByRole('button', { name: en.searchButton }).click();
    await eventually(() => page.url()).toContain('q=');
    await table.getByText('Sizes run small, so order "one up", not your usual.').waitFor();
  });
});

describe('exports', () => {
  it('CSV and JSON downloads hold exactly the responses the list counts, with a column per question', async () => {
    const { page } = await dash.signedIn('#/responses?period=12-months&segment=site_code%3Aleeds');
    const total = numberIn((await page.locator('.total').textContent()) ?? '');
    expect(total).toBeGreaterThan(25);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: en.exportCsv }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^responses-acme-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = csvRecords(readFileSync((await csv.path())!, 'utf8'));
    expect(rows).toHaveLength(total);
    expect(header).toEqual(expect.arrayContaining(['id', 'submitted_at', 'site_code', 'Post-purchase NPS: How likely are you to recommend Acme to a friend or colleague?', 'Support CSAT: How satisfied were you with the support you received?']));
    const site = header!.indexOf('site_code');
    expect(rows.every((r) => r[site] === 'leeds')).toBe(true);

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: en.exportJson }).click()]);
    const items = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { id: number; segments: Record<string, string> }[];
    expect(items).toHaveLength(total);
    expect(items.map((i) => String(i.id)).sort()).toEqual(rows.map((r) => r[0]).sort());
  });
});

describe('live update', () => {
  it('a response posted while the list is open appears at the top, marked new, and is announced, without a reload', async () => {
    const { page } = await dash.signedIn('#/responses');
    await page.evaluate(() => Object.assign(window, { stillThisDocument: true }));
    const comment = `Live from the e2e test ${randomUUID()}`;
    const posted = await fetch(`${dash.proxy.origin}/v1/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(), org: 'acme', survey: 'post-purchase', locale: 'en', submitted_at: new Date().toISOString(),
        answers: [{ question_id: 1, answer: 10 }, { question_id: 2, answer: comment }],
        customer: { name: 'Robin Live' }, segments: { site_code: 'york', staff_code: 'priya' }, metadata: { reference: 'INV-LIVE' },
      }),
    });
    expect(posted.status).toBe(201);
    const table = page.getByRole('table', { name: en.responsesCaption });
    const row = table.locator('tbody tr').first();
    await row.getByText(comment).waitFor({ timeout: WAIT_MS });
    expect(await row.getAttribute('class')).toBe('new');
    expect(await row.locator('th').textContent()).toMatch(new RegExp(`^${en.newLabel}: `));
    await eventually(() => page.locator('[aria-live=polite]').textContent()).toBe('1 new response');
    expect(await page.evaluate(() => 'stillThisDocument' in window)).toBe(true);
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA) and screenshots', () => {
  for (const { name, options } of LOOKS) {
    it(`finds no violation in any view, ${name}, and saves each one’s screenshot`, async () => {
      const { page, pageErrors } = await dash.signedOut(options);
      await tourViews(page, async (view) => {
        expect(await audit(page, `${view} ${name}`)).toEqual([]);
        await snap(page, `${view}-${name}`);
        // What a reader sees first, for the README.
        if (view === 'overview' || view === 'league') await snap(page, `${view}-${name}-fold`, false);
      });
      expect(pageErrors).toEqual([]);
    });
  }

  it('finds no violation in the overview in Arabic, right to left', async () => {
    const { page } = await dash.signedIn();
    await page.getByLabel(en.language).selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar');
    await settled(page);
    expect(await audit(page, 'overview in Arabic')).toEqual([]);
    await snap(page, 'overview-ar-desktop-light');
  });
});

describe('keyboard only', () => {
  it('signs in, reaches League tables, sorts a column and opens a response, focus always visible and on each view’s heading', async () => {
    const { page } = await dash.signedOut();
    await pressUntil(page, 'Tab', (el) => el.tag === 'input' && el.name === 'password');
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.type(E2E_API_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.overviewTitle }).waitFor();
    await settled(page);

    await pressUntil(page, 'Tab', (el) => el.tag === 'a' && el.text === en.navLeague);
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(async () => (await focused(page)).tag + (await focused(page)).text).toBe(`h1${en.leagueTitle}`);
    await settled(page);

    const header = page.getByRole('columnheader', { name: new RegExp(`^${en.colResponses}`) });
    await pressUntil(page, 'Tab', (el) => el.tag === 'button' && el.text.startsWith(en.colResponses));
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(() => header.getAttribute('aria-sort')).toBe('descending');
    await page.keyboard.press('Space');
    await eventually(() => header.getAttribute('aria-sort')).toBe('ascending');
    const counts = (await tableRows(page.getByRole('table', { name: 'League table by Site' }))).map((r) => numberIn(r[1]!));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));

    await pressUntil(page, 'Shift+Tab', (el) => el.tag === 'a' && el.text === en.navResponses);
    await page.keyboard.press('Enter');
    await eventually(async () => (await focused(page)).tag + (await focused(page)).text).toBe(`h1${en.responsesTitle}`);
    await settled(page);
    await pressUntil(page, 'Tab', (el) => el.tag === 'a' && /\d{4}|\d:\d\d/.test(el.text));
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(async () => (await focused(page)).text).toMatch(/^Response \d+$/);
    expect((await focused(page)).tag).toBe('h1');
  });
});
