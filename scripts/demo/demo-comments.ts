/**
 * What the demo's customers write: free-text answers by mood and language,
 * for `demoDataset`. Plain data; the dataset decides who says what.
 */

/** How a customer felt: an NPS band, or a CSAT score read the same way (4-5, 3, 1-2). */
export type Mood = 'happy' | 'lukewarm' | 'unhappy';

/** The languages the demo's customers write in, as survey locales. */
export type DemoLanguage = 'en' | 'fr' | 'de' | 'ar' | 'ja';

/** Why a customer gave their NPS score (post-purchase question 2). */
export const ORDER_COMMENTS: Record<Mood, readonly string[]> = {
  happy: [
    'Delivery was a day early and everything fitted perfectly.',
    'The staff at the till were friendly and sorted my exchange in two minutes.',
    'Great quality boots, and the waterproofing actually works.',
    'Easy checkout, clear tracking, no surprises.',
    'Third order this year and every one has been spot on.',
    'Good prices and a generous returns policy.',
    'Love the new autumn range. I will be back.',
    'Click and collect was ready exactly when the email said it would be.',
    'Packaging was minimal and recyclable, which I appreciate.',
    'The assistant found my size in the stockroom without me having to ask twice.',
    'Honest advice: she talked me out of the dearer jacket.',
  ],
  lukewarm: [
    'Fine overall, though delivery took longer than the estimate.',
    'Decent jacket, but the sizing runs small.',
    'Good range, slightly pricey compared with other shops.',
    'The website was slow on my phone but I got there in the end.',
    'Nothing wrong, nothing special.',
    'Would have been a 10 if the colour had matched the photos.',
    'The shop was busy and it took a while to get served.',
  ],
  unhappy: [
    'The parcel arrived damaged and the box was soaked through.',
    'Ordered a medium, received a large. Still waiting on the exchange.',
    'Charged twice for one order; the refund took a week.',
    'Delivery slot missed twice, and no phone call either time.',
    'The zip broke after a fortnight.',
    'Promo code did not work at checkout and support could not explain why.',
  ],
};

/** What only the struggling store hears: the league table's story told in the customers' words. */
export const STRUGGLING_STORE_COMMENTS: readonly string[] = [
  'Waited twenty minutes at the till with only one person serving.',
  'Fitting rooms were closed again, third visit in a row.',
  'Shelves half empty and nobody knew when new stock was due.',
  'Nobody on the shop floor could tell me whether you had my size.',
  'The queue went out of the door on Saturday and the card machine was down.',
];

/** What customers say about support (support-csat question 16). */
export const SUPPORT_COMMENTS: Record<Mood, readonly string[]> = {
  happy: [
    'Sorted on the first call, thank you.',
    'The live chat agent was patient and knew the product well.',
    'Quick reply, and a replacement was sent the same day.',
    'A clear answer, and I was not passed around.',
    'Followed up the next day to check everything had arrived. Nice touch.',
  ],
  lukewarm: [
    'Got there in the end, but I had to explain the problem twice.',
    'Helpful once I reached someone; the hold time was long.',
    'The answer was right but it took three days to arrive.',
  ],
  unhappy: [
    'Three emails and still no answer about my refund.',
    'The chat closed on me halfway through and I had to start again.',
    'I was promised a call back that never came.',
    'Polite, but nobody could actually fix the problem.',
  ],
};

/** A second line some customers add, by mood: the demo's multi-line answers. */
export const AFTERTHOUGHTS: Record<Mood, readonly string[]> = {
  happy: ['Keep it up!', 'Thanks to the whole team.', 'Already recommended you to my sister.'],
  lukewarm: ['Otherwise no complaints.', 'Small things, but they add up.'],
  unhappy: ['Please sort this out.', "I've shopped with you for years, so this was disappointing.", 'Order number is on the receipt if you need it.'],
};

/** A few customers write in their own language, and their survey was shown in it. */
export const FOREIGN_COMMENTS: Record<Exclude<DemoLanguage, 'en'>, { happy: string; unhappy: string }> = {
  fr: {
    happy: 'Livraison rapide et article conforme à la description. Merci !',
    unhappy: "Le colis est arrivé abîmé et personne n'a répondu à mon e-mail.",
  },
  de: {
    happy: 'Schnelle Lieferung, gute Qualität, gerne wieder.',
    unhappy: 'Die Größe fiel viel zu klein aus und der Umtausch dauerte zwei Wochen.',
  },
  ar: {
    happy: 'خدمة ممتازة وتوصيل سريع، شكراً لكم.',
    unhappy: 'وصل الطلب متأخراً ولم يرد أحد على استفساري.',
  },
  ja: {
    happy: '対応がとても丁寧で、商品も期待通りでした。',
    unhappy: '届いた商品のサイズが違っていて、交換に時間がかかりました。',
  },
};

/**
 * Answers that break naive CSV exports: quotes and commas that need escaping,
 * and a cell a spreadsheet would run as a formula. Each appears once or twice.
 */
export const AWKWARD_COMMENTS: readonly string[] = [
  'Sizes run small, so order "one up", not your usual.',
  "=cmd|' /C calc'!A0 (sorry, my nephew was testing your form)",
];
