import { describe, expect, it } from 'vitest';
import { takenOnConflict } from '../../../src/proxy/store/code-taken';

describe('takenOnConflict()', () => {
  it('passes a successful write’s result through', async () => {
    expect(await takenOnConflict('hq', async () => ({ id: 1 }))).toEqual({ id: 1 });
  });

  it.each(['SQLITE_CONSTRAINT_UNIQUE', '23505'])('turns a unique violation (%s) into "code taken"', async (code) => {
    const race = Object.assign(new Error('duplicate key'), { code });
    expect(await takenOnConflict('hq', () => Promise.reject(race))).toEqual({ taken: 'hq' });
  });

  it('lets every other failure through, to be reported as the internal error it is', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    await expect(takenOnConflict('hq', () => Promise.reject(busy))).rejects.toBe(busy);
  });
});
