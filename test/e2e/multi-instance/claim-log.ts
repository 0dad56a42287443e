import type pg from 'pg';

/** Who claimed a job, once per claim. */
export interface Claim {
  jobId: number;
  owner: string;
}

/**
 * Makes the database remember every claim of a job of `kind`. A worker's
 * lease is cleared when it settles the job, so the jobs table alone cannot
 * say afterwards which instance sent what; a trigger (the test's own, added
 * after the proxies migrated) writes each claim down as it happens. A claim
 * is the update that counts an attempt (job-store.ts: "each claim counts as
 * an attempt").
 */
export async function recordClaims(db: pg.Client, kind: string): Promise<{ claims(): Promise<Claim[]> }> {
  await db.query(`CREATE TABLE test_claims (job_id bigint NOT NULL, owner text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await db.query(`CREATE FUNCTION test_record_claim() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO test_claims (job_id, owner) VALUES (NEW.id, NEW.lease_owner);
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER test_record_claim AFTER UPDATE ON jobs FOR EACH ROW
    WHEN (NEW.kind = '${kind.replace(/'/g, "''")}' AND NEW.attempts > OLD.attempts) EXECUTE FUNCTION test_record_claim()`);
  return {
    claims: async () =>
      (await db.query<{ job_id: string; owner: string }>('SELECT job_id, owner FROM test_claims ORDER BY at')).rows.map((r) => ({ jobId: Number(r.job_id), owner: r.owner })),
  };
}
