import { describe, expect, it } from 'vitest';
import { describeElement } from '../../src/widget/describe-element';

describe('describeElement()', () => {
  it('numbers widgets from one, as a merchant counts them', () => {
    expect(describeElement(document.createElement('div'), 0)).toBe('widget #1');
  });

  it('adds the element id when it has one', () => {
    const element = document.createElement('div');
    element.id = 'footer-survey';
    expect(describeElement(element, 2)).toBe('widget #3 (id "footer-survey")');
  });
});
