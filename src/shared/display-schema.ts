import { z } from 'zod';

/**
 * When a survey shows itself: automatic triggers and the display rules that
 * govern them. A visitor's own click (the pre-built trigger, a
 * `data-survey-toggle` opener, `open()`) always opens the survey; these
 * rules decide automatic showings only.
 */

const delay = { delay_seconds: z.number().min(0).max(600).default(0).describe('Wait this long after the trigger fires') };

/** A property condition of an event trigger: equal to a value, or a number within bounds. */
export const ConditionSchema = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.object({ gte: z.number().optional(), lte: z.number().optional() })
    .refine((c) => c.gte !== undefined || c.lte !== undefined, { message: 'give gte, lte or both' }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const AutoTriggerSchema = z.discriminatedUnion('on', [
  z.object({ on: z.literal('load'), ...delay }).describe('When the page loads'),
  z.object({ on: z.literal('time'), seconds: z.number().min(0).max(3600), ...delay }).describe('After this many seconds on the page'),
  z.object({ on: z.literal('scroll'), percent: z.number().int().min(1).max(100), ...delay }).describe('When the visitor has scrolled this far down the page'),
  z.object({ on: z.literal('exit'), ...delay }).describe('When the pointer leaves the top of the window (desktop exit intent)'),
  z.object({
    on: z.literal('event'),
    name: z.string().trim().min(1).max(100).describe('The name the page passes to trigger()'),
    where: z.record(z.string().min(1).max(100), ConditionSchema).optional().describe('Every property must meet its condition'),
    ...delay,
  }).describe('When the page calls CustomerSureSurveyWidget.trigger(name, properties)'),
]);
export type AutoTrigger = z.infer<typeof AutoTriggerSchema>;

export const UrlRuleSchema = z
  .object({ match: z.enum(['exact', 'contains', 'starts_with', 'regex']), value: z.string().min(1).max(500) })
  .superRefine((rule, ctx) => {
    if (rule.match !== 'regex') return;
    try {
      new RegExp(rule.value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid regular expression: ${(error as Error).message}` });
    }
  });
export type UrlRule = z.infer<typeof UrlRuleSchema>;

export const DisplaySchema = z.object({
  triggers: z.array(AutoTriggerSchema).max(10).default([]),
  urls: z.array(UrlRuleSchema).max(20).default([])
    .describe('Automatic showings only on pages whose URL matches one rule; a shown survey closes when the URL stops matching'),
  frequency: z.enum(['always', 'once', 'until_answered']).default('until_answered')
    .describe('once: shown automatically once per visitor; until_answered: until the visitor sends a response'),
  recontact_days: z.number().int().min(1).max(3650).optional()
    .describe('After being shown (once) or answered (until_answered), show again after this many days'),
  sample_percent: z.number().min(0).max(100).default(100).describe('The share of visitors shown it automatically; stable per visitor'),
  close_after_seconds: z.number().min(1).max(600).optional().describe('Close the popover this long after the thank-you'),
});
export type Display = z.infer<typeof DisplaySchema>;
