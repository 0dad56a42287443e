import { describe, expect, it } from 'vitest';
import { share } from '../../../src/dashboard/format/share';

describe('share', () => {
  it('gives the whole percent of the total', () => expect(share(1, 3)).toBe(33));
  it('rounds halves up', () => expect(share(1, 8)).toBe(13));
  it('is zero when there is nothing to share', () => expect(share(0, 0)).toBe(0));
});
