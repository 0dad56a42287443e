import { csatBand } from '../../shared/metrics/csat';
import { npsBand } from '../../shared/metrics/nps';
import type { ResponseSegmentsTable, StatDaysTable, StatScoresTable } from './dashboard-tables';
import { inLockOrder } from './in-lock-order';
import type { ResponseFacts } from './response-facts';
import type { StatCountColumn } from './stat-totals';

/** The parts of a stored response its rollups depend on. */
export interface TalliedResponse {
  org: string;
  survey_id: number;
  segments: Readonly<Record<string, string>>;
}

/** Rollup rows being added up in memory before they are written. */
export interface StatTally {
  /** Adds one response's counts: once for all responses (dim ''), once per segment, and its rating answers. */
  add(response: TalliedResponse, facts: ResponseFacts): void;
  /**
   * One row per key: a batch of 2,000 responses becomes a few hundred upserts.
   * In key order, so every writer takes the rows' locks in the same order
   * (PostgreSQL: two instances' batches never deadlock on them).
   */
  dayRows(): StatDaysTable[];
  scoreRows(): StatScoresTable[];
}

type Counts = Record<StatCountColumn, number>;

/**
 * Adds up rollup rows by primary key. Inserts tally one response, rebuilds a
 * whole batch; both then write with the same upserts, so they agree. Pure.
 */
export function createStatTally(): StatTally {
  const days = new Map<string, StatDaysTable>();
  const scores = new Map<string, StatScoresTable>();
  const addDay = (response: TalliedResponse, day: string, dim: string, member: string, counts: Counts) => {
    // The dim's length keeps the key unambiguous whatever characters a segment holds; cheaper than JSON.
    const key = `${response.org}\0${day}\0${response.survey_id}\0${dim.length}\0${dim}${member}`;
    const row = days.get(key);
    if (row) addCounts(row, counts);
    else days.set(key, { org: response.org, dim, day, member, survey_id: response.survey_id, ...counts });
  };
  return {
    add: (response, facts) => {
      const counts = responseCounts(facts);
      addDay(response, facts.day, '', '', counts);
      for (const [dim, member] of segmentEntries(response.segments)) addDay(response, facts.day, dim, member, counts);
      for (const { question_id, value } of facts.scored) {
        const key = `${response.org}\0${facts.day}\0${response.survey_id}\0${question_id}\0${value}`;
        const row = scores.get(key);
        if (row) row.n += 1;
        else scores.set(key, { org: response.org, day: facts.day, survey_id: response.survey_id, question_id, value, n: 1 });
      }
    },
    dayRows: () => inLockOrder(days),
    scoreRows: () => inLockOrder(scores),
  };
}

/**
 * The segment rows of a response: one per segment with a value. A blank value
 * names no member, so it is neither counted nor filterable.
 */
export function segmentRows(response: TalliedResponse, id: number, submittedUtc: string): ResponseSegmentsTable[] {
  return segmentEntries(response.segments).map(([key, value]) => ({ response_id: id, org: response.org, key, value, submitted_utc: submittedUtc }));
}

function segmentEntries(segments: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(segments).filter(([key, value]) => key !== '' && value !== '');
}

/** One response's counts; every NPS and CSAT answer counts, as `/nps` and `/csat` count them. */
function responseCounts(facts: ResponseFacts): Counts {
  const counts: Counts = { responses: 1, promoters: 0, passives: 0, detractors: 0, csat_1: 0, csat_2: 0, csat_3: 0, csat_4: 0, csat_5: 0 };
  for (const { scale, value } of facts.scored) {
    if (scale === 'nps') {
      const band = npsBand(value);
      if (band) counts[`${band}s`] += 1;
    } else if (scale === 'csat' && csatBand(value)) {
      counts[`csat_${value}` as StatCountColumn] += 1;
    }
  }
  return counts;
}

// Spelled out rather than looped over the column names: a rebuild runs this three million times.
function addCounts(row: Counts, c: Counts): void {
  row.responses += c.responses;
  row.promoters += c.promoters;
  row.passives += c.passives;
  row.detractors += c.detractors;
  row.csat_1 += c.csat_1;
  row.csat_2 += c.csat_2;
  row.csat_3 += c.csat_3;
  row.csat_4 += c.csat_4;
  row.csat_5 += c.csat_5;
}
