/**
 * Automatic showings in Chromium against the real proxy: scripted events,
 * page triggers, once / recontact / sampling under Playwright's controlled
 * clock, and a single-page app's navigation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SurveyInput } from '../../src/shared/survey-schema';
import { sampleBucket } from '../../src/widget/display/display-rules';
import { setUpE2E, WAIT_MS } from './harness';
import { INIT, SCRIPT_TAG, hidden, hostPage, shown, widgetElement } from './pages';

const DAY = 86_400_000;
const START = new Date('2026-11-22T09:00:00Z');

let nextId = 7001;
// Each its own id: survey ids are unique within an org (the REST API filters by them).
const survey = (name: string, display: SurveyInput['display']): SurveyInput => ({
  id: nextId++, name, trigger: { type: 'none' }, display,
  questions: [{ id: 1, question: 'How was it?', answer_type: 'Rating', scale: 'csat', required: true }],
});

const SURVEYS: Record<string, SurveyInput> = {
  'on-checkout': survey('On checkout', { triggers: [{ on: 'event', name: 'checkout', where: { total: { gte: 100 } }, delay_seconds: 1 }], frequency: 'always' }),
  'once-monthly': survey('Once a month', { triggers: [{ on: 'load' }], frequency: 'once', recontact_days: 30 }),
  sampled: survey('Sampled', { triggers: [{ on: 'load' }], frequency: 'always', sample_percent: 50 }),
  'orders-only': survey('Orders only', { triggers: [{ on: 'load' }], frequency: 'always', urls: [{ match: 'contains', value: '/spa.html' }] }),
  'page-triggers': survey('Page triggers', { triggers: [{ on: 'scroll', percent: 80 }, { on: 'exit' }, { on: 'time', seconds: 30 }], frequency: 'always' }),
};

const e2e = setUpE2E({ surveys: SURVEYS });

const pageFor = (code: string, extra = '') => hostPage(`${extra}${SCRIPT_TAG}${widgetElement({ org: 'acme', survey: code })}${INIT}`);
const dialogOf = (page: Page, name: string) => page.getByRole('dialog', { name });

describe('automatic showings', () => {
  it('show a survey on a scripted event whose conditions hold, after its delay, and not otherwise', async () => {
    const { page } = await e2e.open('rules-event', pageFor('on-checkout'));
    const dialog = dialogOf(page, 'On checkout');
    await page.evaluate(() => {
      window.CustomerSureSurveyWidget!.trigger('checkout', { total: 40 });
      window.CustomerSureSurveyWidget!.trigger('signup', { total: 400 });
    });
    await page.waitForTimeout(1500);
    expect(await dialog.isVisible()).toBe(false);
    const asked = Date.now();
    await page.evaluate(() => window.CustomerSureSurveyWidget!.trigger('checkout', { total: 120, plan: 'pro' }));
    await shown(dialog);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(950);
  });

  it('show a once survey on the first visit, not the next day, and again after 30 days', async () => {
    const context = await e2e.context();
    // The survey arrives over the real network, not on the fake clock: each visit waits for the
    // widget's ready event before running the clock, so a busy machine cannot pass for "not shown".
    await context.addInitScript(() => document.addEventListener('survey-widget:ready', () => Object.assign(window, { surveyReady: true })));
    const page = await context.newPage();
    await page.clock.install({ time: START });
    const url = e2e.proxy.addPage('rules-once', pageFor('once-monthly'));
    const dialog = dialogOf(page, 'Once a month');
    const visit = async (at: number) => {
      await page.clock.setSystemTime(at);
      await page.goto(url);
      for (let waited = 0; !(await page.evaluate(() => 'surveyReady' in window)); waited += 50) {
        if (waited > WAIT_MS) throw new Error('the survey never loaded');
        await page.waitForTimeout(50);
      }
      await page.clock.runFor(2000);
      return dialog.isVisible();
    };
    expect(await visit(START.getTime())).toBe(true);
    expect(await visit(START.getTime() + DAY)).toBe(false);
    expect(await visit(START.getTime() + 29 * DAY)).toBe(false);
    expect(await visit(START.getTime() + 30 * DAY + 1000)).toBe(true);
  });

  it('show a 50% sample to the same visitors on every visit', async () => {
    // Two visitors whose stored seeds fall on either side of the 50% line.
    const seeds = Array.from({ length: 100 }, (_, i) => i / 100);
    const inside = seeds.find((s) => sampleBucket(s, 'acme/sampled') < 50)!;
    const outside = seeds.find((s) => sampleBucket(s, 'acme/sampled') >= 50)!;
    const url = e2e.proxy.addPage('rules-sample', pageFor('sampled'));
    for (const [seed, expected] of [[inside, true], [outside, false]] as const) {
      const context = await e2e.context();
      await context.addInitScript((s) => localStorage.setItem('customersure-survey-widget:visitor:seed', String(s)), seed);
      const page = await context.newPage();
      for (let visit = 0; visit < 3; visit++) {
        await page.goto(url);
        // Shown: wait for it (a busy machine loads slowly); not shown: give it the time a showing takes.
        if (expected) await shown(dialogOf(page, 'Sampled'));
        else await page.waitForTimeout(600);
        expect(await dialogOf(page, 'Sampled').isVisible()).toBe(expected);
      }
    }
  });

  it('close a survey when a single-page app navigates away from its URL rules, and show it again on return', async () => {
    const { page } = await e2e.open('spa', pageFor('orders-only'));
    const dialog = dialogOf(page, 'Orders only');
    await shown(dialog);
    await page.evaluate(() => history.pushState({}, '', '/account'));
    await hidden(dialog);
    await page.waitForTimeout(500);
    expect(await dialog.isVisible()).toBe(false);
    await page.evaluate(() => history.pushState({}, '', '/spa.html?tab=orders'));
    await shown(dialog);
    await page.goBack();
    await hidden(dialog);
  });

  it('show a survey at a scroll depth and on exit intent (desktop)', async () => {
    const tall = '<div style="height: 3000px">Long page</div>';
    const { page } = await e2e.open('page-triggers', pageFor('page-triggers', tall), { viewport: { width: 1280, height: 800 } });
    const dialog = dialogOf(page, 'Page triggers');
    await page.waitForTimeout(500);
    expect(await dialog.isVisible()).toBe(false);
    await page.mouse.wheel(0, 1200);
    expect(await dialog.isVisible()).toBe(false);
    await page.mouse.wheel(0, 3000);
    await shown(dialog);
    await page.keyboard.press('Escape');
    await hidden(dialog);
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientX: 600, clientY: -1, relatedTarget: null })));
    await shown(dialog);
  });
});
