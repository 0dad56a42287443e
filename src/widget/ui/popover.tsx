import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/translate';

export interface PopoverProps {
  id: string;
  title: string;
  onClose: () => void;
  t: Translate;
  children: ComponentChildren;
}

/**
 * The modal popover: a native <dialog>, opened with showModal() by
 * mountWidget. The browser then keeps focus inside, closes it on Escape,
 * puts it in the top layer above any z-index on the page, and returns focus
 * to the opener. A click on the backdrop lands on the dialog itself and closes it.
 */
export function Popover({ id, title, onClose, t, children }: PopoverProps) {
  return (
    <dialog
      id={id}
      class="dialog"
      aria-labelledby={`${id}-title`}
      aria-modal="true"
      // The close event arrives a task later: a dialog reopened meanwhile stays open.
      onClose={(event) => !(event.currentTarget as HTMLDialogElement).open && onClose()}
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <div class="frame">
        <div class="head">
          <h2 class="title" id={`${id}-title`}>{title}</h2>
          <button type="button" class="close" aria-label={t('close')} onClick={onClose} />
        </div>
        {children}
      </div>
    </dialog>
  );
}
