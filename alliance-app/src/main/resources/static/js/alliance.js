// Progressive enhancement only: every page works without this file.
// After the first click on a form's submit button, further clicks do nothing, so an impatient double click
// sends the form once. (The server would not store it twice anyway: the form carries an idempotency key.)
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.dataset.sent === 'yes') {
    event.preventDefault();
    return;
  }
  form.dataset.sent = 'yes';
}, true);

// On a check-in form, the header's language links would open the form again empty. Instead they press the form's
// own language button, which sends the answers along and shows them again in the other language (nothing is
// stored). Without this file the buttons under the form do the same.
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('.languages a[hreflang]');
  var form = document.querySelector('form.checkin-form');
  if (!link || !form) {
    return;
  }
  var button = form.querySelector('button[name="language"][value="' + link.getAttribute('hreflang') + '"]');
  event.preventDefault();
  if (button) {
    button.click();
  }
});
