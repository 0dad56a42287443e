/**
 * Names a widget element in console messages so a merchant with several
 * widgets can tell which one is meant.
 *
 * @example
 * describeElement(div, 0) // 'widget #1 (id "footer-survey")'
 */
export function describeElement(element: Element, index: number): string {
  return `widget #${index + 1}${element.id ? ` (id "${element.id}")` : ''}`;
}
