/** Inline SVG icons, decorative: always aria-hidden, labelled by their button. */
const svg = { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'aria-hidden': 'true' } as const;

export const ChatIcon = () => <svg {...svg}><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" /></svg>;
export const CloseIcon = () => <svg {...svg}><path d="M6 6l12 12M18 6L6 18" /></svg>;
export const CheckIcon = () => <svg {...svg}><path d="M5 12.5l4.5 4.5L19 7.5" /></svg>;
