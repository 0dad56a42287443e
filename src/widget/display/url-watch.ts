/**
 * Calls `onChange` when a single-page app changes the URL: `pushState` and
 * `replaceState` (wrapped, and unwrapped again by the returned function when
 * nobody has wrapped them since) and the `popstate` of back and forward.
 */
export function watchUrl(win: Window, onChange: () => void): () => void {
  const { history } = win;
  const wrap = (name: 'pushState' | 'replaceState') => {
    const original = history[name];
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      onChange();
    };
    history[name] = wrapped;
    return () => {
      if (history[name] === wrapped) history[name] = original;
    };
  };
  const unwrap = [wrap('pushState'), wrap('replaceState')];
  win.addEventListener('popstate', onChange);
  return () => {
    unwrap.forEach((restore) => restore());
    win.removeEventListener('popstate', onChange);
  };
}
