/** Inline SVG icons, decorative: always aria-hidden, labelled by their button. */
const svg = { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' } as const;

export const ChatIcon = () => (
  <svg {...svg}><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" /><path d="M8.5 11h.01M12 11h.01M15.5 11h.01" stroke-width="3" /></svg>
);
export const CloseIcon = () => <svg {...svg}><path d="M6 6l12 12M18 6L6 18" /></svg>;
export const CheckIcon = () => <svg {...svg} stroke-width={2.5}><path d="M5 12.5l4.5 4.5L19 7.5" /></svg>;
export const AlertIcon = () => <svg {...svg}><path d="M12 8v5M12 16.5h.01" stroke-width="2.5" /><circle cx="12" cy="12" r="9" /></svg>;
