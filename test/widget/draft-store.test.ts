import { describe, expect, it } from 'vitest';
import { createSafeStorage } from '../../src/widget/delivery/safe-storage';
import { createDraftStore, DRAFT_TTL_MS } from '../../src/widget/draft-store';
import { fakeStorage } from './fixtures';

const FORM = { answers: { 1: 9, 2: 'Quick' }, customer: { email: 'mariner@example.com' } };

function drafts(params = '{"name":"Mariner"}', backing = fakeStorage()) {
  let now = 1_000_000;
  const store = createDraftStore(createSafeStorage(() => backing), 'acme/nps', params, () => now);
  return { store, backing, later: (ms: number) => void (now += ms) };
}

describe('createDraftStore()', () => {
  it('gives back the answers saved for the same survey and params', () => {
    const { store } = drafts();
    store.save(FORM);
    expect(store.load()).toEqual(FORM);
  });

  it('forgets a draft once cleared', () => {
    const { store } = drafts();
    store.save(FORM);
    store.clear();
    expect(store.load()).toBeUndefined();
  });

  it('ignores a draft older than a day', () => {
    const { store, later } = drafts();
    store.save(FORM);
    later(DRAFT_TTL_MS - 1);
    expect(store.load()).toEqual(FORM);
    later(1);
    expect(store.load()).toBeUndefined();
  });

  it('ignores a draft answered under other params, such as another customer on a shared screen', () => {
    const { store, backing } = drafts('{"name":"Mariner"}');
    store.save(FORM);
    expect(drafts('{"name":"Ahab"}', backing).store.load()).toBeUndefined();
  });

  it('ignores an unreadable or malformed draft', () => {
    const backing = fakeStorage();
    backing.setItem('customersure-survey-widget:draft:acme/nps', '{oops');
    expect(drafts(undefined, backing).store.load()).toBeUndefined();
    backing.setItem('customersure-survey-widget:draft:acme/nps', JSON.stringify({ at: 1_000_000, params: '{"name":"Mariner"}', form: {} }));
    expect(drafts(undefined, backing).store.load()).toBeUndefined();
  });

  it('does without storage: nothing is kept and nothing throws', () => {
    const { store } = drafts(undefined, fakeStorage(true));
    expect(() => store.save(FORM)).not.toThrow();
    expect(store.load()).toBeUndefined();
  });
});
