import { describe, expect, it } from 'vitest';
import { setUpE2E } from './harness';
import { CSAT, INIT, PP, SCRIPT_TAG, SEED_SNIPPET, en, hidden, hostPage, postPurchase, shown, supportCsat, widgetElement, widgetOn } from './pages';

const e2e = setUpE2E();

describe('a response', () => {
  it('submitted by clicking and typing arrives in SQLite sorted into customer, segments and metadata', async () => {
    const { page, url, widgetLog } = await e2e.open('submit', hostPage(SEED_SNIPPET));
    const widget = widgetOn(page);
    await widget.trigger.click();
    await shown(widget.dialog);

    await widget.rate(PP[1]!, 9);
    await widget.textbox(PP[2]!).pressSequentially('Quick delivery, friendly note in the box.');
    await widget.select(PP[3]!).selectOption('leeds');
    expect(await widget.textbox(en.field_name).inputValue()).toBe('Mariner');
    await widget.textbox(en.field_email).fill('mariner@example.com');
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(await widget.dialog.getByText(postPurchase.thank_you.message).isVisible()).toBe(true);

    const rows = e2e.proxy.rows(url);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      org: 'acme', survey: 'post-purchase', survey_id: postPurchase.id,
      customer: { name: 'Mariner', email: 'mariner@example.com' },
      segments: { staff_code: 'luke', site_code: 'leeds' },
      metadata: { reference: 'INV-2090' },
      reference: 'INV-2090', page_url: url, locale: 'en',
    });
    expect(row!.customer).toEqual({ name: 'Mariner', email: 'mariner@example.com' });
    expect(row!.segments).toEqual({ staff_code: 'luke', site_code: 'leeds' });
    expect(row!.metadata).toEqual({ reference: 'INV-2090' });
    expect(row!.answers.map(({ question_id, answer }) => ({ question_id, answer }))).toEqual([
      { question_id: 1, answer: 9 },
      { question_id: 2, answer: 'Quick delivery, friendly note in the box.' },
      { question_id: 3, answer: 'leeds' },
    ]);
    expect(widgetLog('error')).toEqual([]);
  });

  it('without the required NPS answer shows the inline error and stores nothing; answering clears it', async () => {
    const { page, url, responsePosts } = await e2e.open('required', hostPage(SEED_SNIPPET));
    const widget = widgetOn(page);
    await widget.trigger.click();
    await shown(widget.dialog);
    await widget.send.click();

    const nps = widget.group(PP[1]!);
    await shown(nps.getByText(en.error_required));
    expect(await nps.getByRole('radio', { name: '0', exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(responsePosts()).toBe(0);
    expect(e2e.proxy.rows(url)).toEqual([]);

    await widget.rate(PP[1]!, 7);
    await hidden(nps.getByText(en.error_required));
    expect(await nps.getByRole('radio', { name: '0', exact: true }).getAttribute('aria-invalid')).not.toBe('true');
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(e2e.proxy.rows(url).map((r) => r.answers[0]?.answer)).toEqual([7]);
  });

  it('shows markup in data-survey-params as text, runs none of it, and stores it as text', async () => {
    const name = '<img src=x onerror="window.__xss=1">';
    const element = widgetElement({ org: 'acme', survey: 'post-purchase' }, { name, reference: 'INV-2091' });
    const { page, url, pageErrors } = await e2e.open('xss', hostPage(SCRIPT_TAG + element + INIT));
    const widget = widgetOn(page);
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await widget.textbox(en.field_name).inputValue()).toBe(name);

    await widget.rate(PP[1]!, 3);
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    const images = () => [...document.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot?.querySelectorAll('*') ?? [])]).filter((el) => el.localName === 'img').length;
    expect(await page.evaluate(images)).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(e2e.proxy.rows(url)[0]?.customer).toEqual({ name });
  });

  it('to the CSAT survey uses all five answer types and lands with the plan in segments', async () => {
    const element = widgetElement({ org: 'acme', survey: 'support-csat' }, { name: 'Sam Lee', plan: 'Starter', reference: 'T-3301' });
    const { page, url } = await e2e.open('csat', hostPage(SCRIPT_TAG + element + INIT));
    const widget = widgetOn(page, supportCsat);
    await widget.trigger.click();
    await shown(widget.dialog);

    await widget.rate(CSAT[11]!, 4);
    await widget.rate(CSAT[12]!, 6);
    await widget.group(CSAT[13]!).getByRole('radio', { name: 'Live chat' }).check();
    expect(await widget.select(CSAT[14]!).inputValue()).toBe('Starter'); // preselected from the plan param
    await widget.select(CSAT[14]!).selectOption('Growth');
    await widget.group(CSAT[15]!).getByRole('checkbox', { name: 'Response time' }).check();
    await widget.group(CSAT[15]!).getByRole('checkbox', { name: 'Knowledge' }).check();
    await widget.textbox(CSAT[16]!).fill('Faster first replies, please.');
    await widget.textbox(en.field_email).fill('sam@example.com');
    await widget.textbox(en.field_company_name).fill('Lee & Co');
    await widget.send.click();
    await shown(widget.thanks(supportCsat.thank_you.title));

    const [row] = e2e.proxy.rows(url);
    expect(row?.answers.map(({ question_id, answer }) => [question_id, answer])).toEqual([
      [11, 4], [12, 6], [13, 'Live chat'], [14, 'Growth'], [15, ['Response time', 'Knowledge']], [16, 'Faster first replies, please.'],
    ]);
    expect(row?.segments).toEqual({ plan: 'Growth' });
    expect(row?.customer).toEqual({ name: 'Sam Lee', email: 'sam@example.com', company_name: 'Lee & Co' });
    expect(row?.metadata).toEqual({ reference: 'T-3301' });
  });
});

describe('on a phone', () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

  it('fills the screen with the dialog, and the survey can be completed and sent by tapping', async () => {
    const { page, url } = await e2e.open('phone', hostPage(SEED_SNIPPET), phone);
    const widget = widgetOn(page);
    await widget.trigger.tap();
    await shown(widget.dialog);

    const box = await widget.dialog.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeCloseTo(0, 0);
    expect(box!.y).toBeCloseTo(0, 0);
    expect(box!.width).toBeCloseTo(390, 0);
    expect(box!.height).toBeCloseTo(844, 0);
    const frame = await widget.dialog.locator(':scope > *').first().boundingBox();
    expect(frame!.width).toBeCloseTo(390, 0);
    expect(frame!.height).toBeCloseTo(844, 0);

    await widget.group(PP[1]!).getByRole('radio', { name: '10', exact: true }).tap();
    await widget.select(PP[3]!).selectOption('online');
    await widget.send.tap();
    await shown(widget.thanks(postPurchase.thank_you.title));
    const [row] = e2e.proxy.rows(url);
    expect(row?.answers.map((a) => a.answer)).toEqual([10, 'online']);
    expect(row?.segments).toEqual({ staff_code: 'luke', site_code: 'online' });
  });
});
