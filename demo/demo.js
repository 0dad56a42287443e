// The merchant's own code: a button that toggles the survey, and a fake
// checkout whose completion opens it (a scripted in-app event).
document.getElementById('own-button').addEventListener('click', () => CustomerSureSurveyWidget.toggleWidget());

document.getElementById('checkout').addEventListener('click', (event) => {
  const status = document.getElementById('checkout-status');
  event.currentTarget.disabled = true;
  status.textContent = 'Processing payment…';
  setTimeout(() => {
    status.textContent = 'Payment complete.';
    CustomerSureSurveyWidget.toggleWidget();
  }, 800);
});
