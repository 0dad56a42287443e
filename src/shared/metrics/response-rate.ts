/** The counts behind a response rate. */
export interface ResponseRateCounts {
  sent: number;
  /** Sent with no delivery failure reported. */
  delivered: number;
  /** Sent and answered by at least one response. */
  replied: number;
}

/**
 * The seed's `response_rate` body. Its example (100 sent, 50 delivered, 25
 * replies, 50%) fixes the rate as replies over delivered requests, rounded
 * to a whole percent; nothing delivered is 0%, not a division by zero.
 *
 * @example
 * responseRateResult({ sent: 100, delivered: 50, replied: 25 })
 * // { response_rate_percent: 50, sent_count: 100, delivered_count: 50, reply_count: 25 }
 */
export function responseRateResult({ sent, delivered, replied }: ResponseRateCounts) {
  return {
    response_rate_percent: delivered === 0 ? 0 : Math.round((replied / delivered) * 100),
    sent_count: sent,
    delivered_count: delivered,
    reply_count: replied,
  };
}
