// The merchant's own code: a fake checkout whose completion is a scripted
// in-app event (the order survey's display rules show it a second later), and
// a log of what the widgets report.
document.getElementById('checkout').addEventListener('click', (event) => {
  const status = document.getElementById('checkout-status');
  event.currentTarget.disabled = true;
  status.textContent = 'Processing payment…';
  setTimeout(() => {
    status.textContent = 'Payment complete.';
    CustomerSureSurveyWidget.trigger('checkout_complete', { total: 129.5 });
  }, 800);
});

const log = document.getElementById('events');
for (const name of ['ready', 'shown', 'answered', 'submitted', 'closed', 'error']) {
  CustomerSureSurveyWidget.on(name, (payload) => {
    const item = document.createElement('li');
    item.textContent = `${name} ${JSON.stringify(payload)}`;
    log.prepend(item);
    while (log.children.length > 8) log.lastElementChild.remove();
  });
}
