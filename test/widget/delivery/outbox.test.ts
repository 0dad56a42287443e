import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../../src/widget/delivery/outbox';
import { createSafeStorage } from '../../../src/widget/delivery/safe-storage';
import { fakeStorage } from '../fixtures';

const entry = (id: string) => ({ id, url: 'https://proxy.example/v1/responses', body: `{"id":"${id}"}` });

describe('createOutbox()', () => {
  it('keeps an entry until it is removed, in storage that other tabs share', () => {
    const backing = fakeStorage();
    const tab1 = createOutbox(createSafeStorage(() => backing));
    const tab2 = createOutbox(createSafeStorage(() => backing));
    tab1.put(entry('a'));
    expect(tab2.has('a')).toBe(true);
    expect(tab2.list()).toEqual([entry('a')]);
    tab2.remove('a');
    expect(tab1.has('a')).toBe(false);
    expect(tab1.list()).toEqual([]);
  });

  it('never loses an entry when two tabs add one each at the same moment', () => {
    const backing = fakeStorage();
    createOutbox(createSafeStorage(() => backing)).put(entry('a'));
    createOutbox(createSafeStorage(() => backing)).put(entry('b'));
    expect(createOutbox(createSafeStorage(() => backing)).list().map((e) => e.id).sort()).toEqual(['a', 'b']);
  });

  it('still holds this tab’s entries in memory when storage throws', () => {
    const outbox = createOutbox(createSafeStorage(() => fakeStorage(true)));
    outbox.put(entry('a'));
    expect(outbox.has('a')).toBe(true);
    expect(outbox.list()).toEqual([entry('a')]);
    outbox.remove('a');
    expect(outbox.list()).toEqual([]);
  });

  it('skips an unreadable stored entry instead of throwing', () => {
    const backing = fakeStorage();
    backing.setItem('customersure-survey-widget:outbox:x', '{not json');
    backing.setItem('customersure-survey-widget:outbox:y', '{"id": 1}');
    const outbox = createOutbox(createSafeStorage(() => backing));
    outbox.put(entry('a'));
    expect(outbox.list()).toEqual([entry('a')]);
  });
});
