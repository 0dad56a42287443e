const REASONS = ['Quick delivery', 'The parcel arrived damaged', 'Friendly staff', 'Too expensive', 'Easy checkout', ''];
const STORES = ['newcastle', 'leeds', 'online'];
const CONTACTS = ['Live chat', 'Email', 'Phone'];
const PLANS = ['Starter', 'Growth', 'Enterprise'];
const IMPROVE = ['Response time', 'Friendliness', 'Knowledge', 'Follow-up'];

/**
 * The `n`th bench response: a valid `POST /v1/responses` body for one of the
 * two acme demo surveys in turn (demo/surveys/acme), with answers, customer
 * and segments that vary with `n`, so the stored rows and rollups are not one
 * row repeated. `id` must be a fresh UUID v4 for a 201 (a reused one is 200 or 409).
 *
 * @example
 * responseBody(crypto.randomUUID(), 7, new Date().toISOString()).survey // 'support-csat'
 */
export function responseBody(id: string, n: number, submittedAt: string): Record<string, unknown> {
  const common = { id, org: 'acme', locale: 'en', page_url: `https://shop.example/orders/${n}`, submitted_at: submittedAt };
  if (n % 2 === 0) {
    return {
      ...common,
      survey: 'post-purchase',
      answers: [
        { question_id: 1, answer: n % 11 },
        ...(REASONS[n % REASONS.length] ? [{ question_id: 2, answer: REASONS[n % REASONS.length] }] : []),
        { question_id: 3, answer: STORES[n % STORES.length] },
      ],
      customer: { name: `Customer ${n}`, email: `customer-${n % 5000}@example.com` },
      segments: { account_type: n % 3 === 0 ? 'business' : 'personal', staff_code: `staff-${n % 50}` },
      metadata: { reference: `INV-${n}` },
    };
  }
  return {
    ...common,
    survey: 'support-csat',
    answers: [
      { question_id: 11, answer: 1 + (n % 5) },
      { question_id: 12, answer: 1 + (n % 7) },
      { question_id: 13, answer: CONTACTS[n % CONTACTS.length] },
      { question_id: 14, answer: PLANS[n % PLANS.length] },
      { question_id: 15, answer: IMPROVE.filter((_, i) => (n >> i) & 1) },
      { question_id: 16, answer: `Ticket ${n} was handled well.` },
    ],
    customer: { email: `customer-${n % 5000}@example.com`, company_name: `Company ${n % 200}` },
    segments: {},
    metadata: { reference: `TICKET-${n}` },
  };
}
