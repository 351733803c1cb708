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
