// Progressive enhancement of the 0–10 questions (fieldset.question.slider); every page works without this file.
// With JavaScript a native range input stands in for the eleven radio buttons of a question. The radio buttons
// stay the form's truth: the range input has no name, so it is never posted; moving it checks the matching
// radio button, so the plain form post is unchanged, and an untouched slider sends nothing. The slider starts
// without a value: no thumb, "not answered yet" beside it and as its spoken value. A button under each slider
// switches every question on the page back to the radio buttons (and back again).
// All words come from data attributes the server fills in the page's language; the spoken value of each
// step ("7 of 10") is on its radio button. No inline styles: the look is set by classes in alliance.css.
(function () {
  'use strict';

  var questions = Array.prototype.slice.call(document.querySelectorAll('fieldset.question.slider[data-slider-unset]'));
  var sliders = [];
  var useButtons = false;

  function enhance(fieldset) {
    var radios = Array.prototype.slice.call(fieldset.querySelectorAll('input[type=radio]'));
    var legend = fieldset.querySelector('legend');
    if (radios.length < 2 || !legend || !legend.id) {
      return;
    }
    var range = document.createElement('input');
    range.type = 'range';
    range.className = 'slider-range';
    range.id = fieldset.id + '-slider';
    range.min = radios[0].value;
    range.max = radios[radios.length - 1].value;
    range.step = '1';
    range.setAttribute('aria-labelledby', legend.id);
    var description = fieldset.getAttribute('aria-describedby');
    if (description) {
      range.setAttribute('aria-describedby', description);
    }
    // The spoken value is on the range input; this is the same text for the eye.
    var shown = document.createElement('p');
    shown.className = 'slider-value';
    shown.setAttribute('aria-hidden', 'true');
    var control = document.createElement('div');
    control.className = 'slider-control';
    control.appendChild(range);
    control.appendChild(shown);
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'link-button slider-toggle';
    var options = fieldset.querySelector('.options');
    fieldset.insertBefore(control, options);
    fieldset.insertBefore(toggle, options);
    fieldset.classList.add('enhanced');

    var slider = { fieldset: fieldset, radios: radios, range: range, shown: shown, toggle: toggle };

    function radioFor(value) {
      for (var i = 0; i < radios.length; i++) {
        if (radios[i].value === value) {
          return radios[i];
        }
      }
      return null;
    }

    function choose() {
      var radio = radioFor(range.value);
      if (radio) {
        radio.checked = true;
        show(slider);
      }
    }

    range.addEventListener('input', choose);
    range.addEventListener('change', choose);
    // A tap on the spot where the hidden thumb waits changes nothing, so no input event: still an answer.
    range.addEventListener('pointerup', function () {
      if (range.classList.contains('unset')) {
        choose();
      }
    });
    radios.forEach(function (radio) {
      radio.addEventListener('change', function () {
        show(slider);
      });
    });
    toggle.addEventListener('click', function () {
      useButtons = !useButtons;
      sliders.forEach(layout);
    });
    sliders.push(slider);
    show(slider);
    layout(slider);
  }

  /** Shows the checked radio button on the slider, or the "not answered yet" state when none is checked. */
  function show(slider) {
    var checked = null;
    slider.radios.forEach(function (radio) {
      if (radio.checked) {
        checked = radio;
      }
    });
    var range = slider.range;
    if (checked) {
      range.value = checked.value;
      range.classList.remove('unset');
      slider.shown.classList.remove('unset');
      range.setAttribute('aria-valuetext', checked.getAttribute('data-valuetext') || checked.value);
      slider.shown.textContent = checked.getAttribute('data-valuetext') || checked.value;
    } else {
      // The browser needs some value; the middle one is where a first touch or arrow key starts from.
      range.value = String(Math.round((Number(range.min) + Number(range.max)) / 2));
      range.classList.add('unset');
      slider.shown.classList.add('unset');
      range.setAttribute('aria-valuetext', slider.fieldset.getAttribute('data-slider-unset'));
      slider.shown.textContent = slider.fieldset.getAttribute('data-slider-unset');
    }
  }

  function layout(slider) {
    slider.fieldset.classList.toggle('use-buttons', useButtons);
    slider.toggle.textContent = slider.fieldset.getAttribute(useButtons ? 'data-slider-use-slider' : 'data-slider-use-buttons');
  }

  questions.forEach(enhance);
  // Back and forward navigation may restore checked radio buttons after this script ran.
  window.addEventListener('pageshow', function () {
    sliders.forEach(show);
  });
}());
