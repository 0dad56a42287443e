import { describe, expect, it } from 'vitest';
import { setUpE2E } from './harness';
import { en, hostPage, PP, postPurchase, SEED_SNIPPET, shown, widgetOn } from './pages';

const e2e = setUpE2E();

describe('answers in progress', () => {
  it('come back after a reload, and are gone once the response is sent', async () => {
    const { page, url } = await e2e.open('draft', hostPage(SEED_SNIPPET));
    const widget = widgetOn(page);
    await widget.trigger.click();
    await widget.rate(PP[1]!, 8);
    await widget.textbox(PP[2]!).fill('Half written');
    await widget.textbox(en.field_email).fill('mariner@example.com');

    await page.reload();
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await widget.group(PP[1]!).getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(true);
    expect(await widget.textbox(PP[2]!).inputValue()).toBe('Half written');
    expect(await widget.textbox(en.field_email).inputValue()).toBe('mariner@example.com');

    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(e2e.proxy.rows(url)).toHaveLength(1);
    await page.reload();
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await widget.textbox(PP[2]!).inputValue()).toBe('');
    expect(await widget.group(PP[1]!).getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(false);
    expect(await widget.textbox(en.field_name).inputValue()).toBe('Mariner');
  });
});
