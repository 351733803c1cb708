// The coding screen. Without this file the page still works: a table of events and a plain form.
// With it: a local recording (never uploaded) or a live clock, keys per actor and per code, a timeline,
// change/delete with undo, and every change saved at once (fetch with the CSRF header).
(function () {
  'use strict';
  var root = document.getElementById('coder');
  if (!root || !window.fetch) {
    return;
  }
  var d = root.dataset;
  var SVG = 'http://www.w3.org/2000/svg';
  var events = [];
  var undoStack = [];
  // Saves that did not reach the server, by event key (only the latest change of an event), kept in
  // localStorage too: a tab closed while offline sends them when the screen is opened again.
  var storeKey = 'alliance-coding-pending:' + d.saveUrl;
  var pending = {};
  var lastSaved = {};
  var sequence = Date.now();
  try {
    pending = JSON.parse(window.localStorage.getItem(storeKey)) || {};
  } catch (ignored) {
    pending = {};
  }
  var player = document.getElementById('player');
  var clockOut = document.getElementById('clock');
  var playButton = document.getElementById('play');
  var statusLine = document.getElementById('status');
  var rows = document.getElementById('event-rows');
  var noEvents = document.getElementById('no-events');
  var form = document.getElementById('event-form');
  var mediaLoaded = false;
  var liveRunning = false;
  var liveOffset = 0;
  var liveStartedAt = 0;

  root.hidden = false;
  var noScript = document.querySelector('.no-script');
  if (noScript) {
    noScript.hidden = true;
  }

  function message(name, value) {
    var text = d['msg' + name.charAt(0).toUpperCase() + name.slice(1)] || '';
    return text.replace('{0}', value === undefined ? '' : value);
  }

  function say(text) {
    statusLine.textContent = text;
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  // ------------------------------------------------------------------ time

  function now() {
    if (mediaLoaded) {
      return Math.round(player.currentTime * 1000);
    }
    return Math.round(liveOffset + (liveRunning ? performance.now() - liveStartedAt : 0));
  }

  function format(ms) {
    var tenths = Math.round(ms / 100);
    var s = Math.floor(tenths / 10);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = s % 60;
    var text = (sec < 10 ? '0' : '') + sec + '.' + (tenths % 10);
    return h > 0 ? h + ':' + (m < 10 ? '0' : '') + m + ':' + text : m + ':' + text;
  }

  function seconds(ms) {
    return (ms / 1000).toFixed(3);
  }

  function running() {
    return mediaLoaded ? !player.paused : liveRunning;
  }

  function togglePlay() {
    if (mediaLoaded) {
      if (player.paused) {
        player.play();
      } else {
        player.pause();
      }
    } else if (liveRunning) {
      liveOffset += performance.now() - liveStartedAt;
      liveRunning = false;
    } else {
      liveStartedAt = performance.now();
      liveRunning = true;
    }
    updateClock();
  }

  function updateClock() {
    clockOut.textContent = format(now());
    playButton.textContent = running() ? d.msgPause : d.msgPlay;
  }

  setInterval(updateClock, 100);
  playButton.addEventListener('click', togglePlay);
  player.addEventListener('play', updateClock);
  player.addEventListener('pause', updateClock);

  document.getElementById('media').addEventListener('change', function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) {
      return;
    }
    // The file is played from this computer: an object URL, never sent anywhere.
    if (player.src) {
      URL.revokeObjectURL(player.src);
    }
    player.src = URL.createObjectURL(file);
    player.hidden = false;
    mediaLoaded = true;
    updateClock();
  });

  // ------------------------------------------------------------------ labels

  function labelOf(kind, value) {
    var input = document.getElementById(kind + '-' + value);
    if (kind === 'code') {
      var button = root.querySelector('.code-button[data-code="' + value + '"]');
      return button ? button.textContent.replace(/\s*\(.*\)$/, '') : value;
    }
    if (input) {
      var label = document.querySelector('label[for="' + input.id + '"]');
      return label ? label.textContent.replace(/\s*\(.*\)$/, '') : value;
    }
    return value;
  }

  function option(selectId, value) {
    var select = document.getElementById(selectId);
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) {
        return select.options[i].textContent;
      }
    }
    return value;
  }

  function describe(e) {
    return option('f-code', e.code) + ', ' + option('f-actor', e.actor) + ', ' + format(e.startMs) +
      (e.kind === 'STATE' ? (e.endMs === null ? ' ' + d.msgRunning : '–' + format(e.endMs)) : '');
  }

  // ------------------------------------------------------------------ saving

  function post(url, body) {
    var headers = { 'X-Requested-With': 'fetch', 'Content-Type': 'application/x-www-form-urlencoded' };
    headers[d.csrfHeader] = d.csrf;
    return fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      });
  }

  function send(job) {
    var promise = job.remove
      ? post(d.saveUrl + '/' + encodeURIComponent(job.event.key) + '/delete', '')
      : post(d.saveUrl, new URLSearchParams({
        key: job.event.key,
        actor: job.event.actor,
        modality: job.event.modality,
        code: job.event.code,
        kind: job.event.kind,
        start: seconds(job.event.startMs),
        end: job.event.endMs === null ? '' : seconds(job.event.endMs),
        comment: job.event.comment || ''
      }).toString());
    var key = job.event.key;
    return promise.then(function () {
      lastSaved[key] = Math.max(lastSaved[key] || 0, job.seq);
      if (pending[key] && pending[key].seq <= job.seq) {
        delete pending[key];
        keepPending();
      }
      say(job.remove ? message('deleted', describe(job.event)) : message('saved', describe(job.event)));
    }, function () {
      if (job.seq > (lastSaved[key] || 0) && (!pending[key] || pending[key].seq <= job.seq)) {
        pending[key] = job;
        keepPending();
      }
      say(message('failed', describe(job.event)));
    });
  }

  function keepPending() {
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(pending));
    } catch (ignored) {
      // private mode: the in-memory list still retries
    }
  }

  // Saves that failed (connection lost) are sent again every five seconds.
  setInterval(function () {
    Object.keys(pending).forEach(function (key) {
      send(pending[key]);
    });
  }, 5000);

  function find(key) {
    for (var i = 0; i < events.length; i++) {
      if (events[i].key === key) {
        return i;
      }
    }
    return -1;
  }

  function copy(e) {
    return e === null ? null : JSON.parse(JSON.stringify(e));
  }

  // Puts an event in place (or removes it when after is null), saves it, and remembers how to undo it.
  function apply(key, after, remember) {
    var index = find(key);
    var before = index < 0 ? null : copy(events[index]);
    if (after === null) {
      if (index >= 0) {
        events.splice(index, 1);
        send({ remove: true, event: before, seq: ++sequence });
      }
    } else {
      if (index >= 0) {
        events[index] = after;
      } else {
        events.push(after);
      }
      send({ remove: false, event: after, seq: ++sequence });
    }
    if (remember) {
      undoStack.push({ key: key, before: before });
    }
    render();
  }

  function undo() {
    var step = undoStack.pop();
    if (!step) {
      say(d.msgNothing);
      return;
    }
    var index = find(step.key);
    var current = index < 0 ? step.before : events[index];
    apply(step.key, copy(step.before), false);
    if (current) {
      say(message('undone', describe(current)));
    }
  }

  document.getElementById('undo').addEventListener('click', undo);

  // ------------------------------------------------------------------ coding

  function currentActor() {
    var checked = root.querySelector('input[name="current-actor"]:checked');
    return checked ? checked.value : 'client';
  }

  function currentModality() {
    var checked = root.querySelector('input[name="current-modality"]:checked');
    return checked ? checked.value : 'verbal';
  }

  function openState(actor, code) {
    for (var i = 0; i < events.length; i++) {
      var e = events[i];
      if (e.kind === 'STATE' && e.endMs === null && e.actor === actor && e.code === code) {
        return e;
      }
    }
    return null;
  }

  function code(codeKey, point) {
    var actor = currentActor();
    var at = now();
    if (point) {
      var pointKey = newKey();
      apply(pointKey, {
        key: pointKey, actor: actor, modality: currentModality(), code: codeKey, kind: 'POINT',
        startMs: at, endMs: null, comment: ''
      }, true);
      return;
    }
    var open = openState(actor, codeKey);
    if (open) {
      var closed = copy(open);
      closed.endMs = Math.max(at, open.startMs);
      apply(open.key, closed, true);
    } else {
      var key = newKey();
      apply(key, {
        key: key, actor: actor, modality: currentModality(), code: codeKey, kind: 'STATE',
        startMs: at, endMs: null, comment: ''
      }, true);
    }
  }

  root.querySelectorAll('.code-button').forEach(function (button) {
    button.addEventListener('click', function (event) {
      code(button.dataset.code, event.shiftKey);
    });
  });

  function fixKeys() {
    events.forEach(function (e, i) {
      if (!e.key) {
        e.key = newKey();
      }
    });
  }

  var actorKeys = {};
  root.querySelectorAll('input[name="current-actor"]').forEach(function (input, i) {
    actorKeys[String(i + 1)] = input;
  });
  var codeKeys = {};
  root.querySelectorAll('.code-button').forEach(function (button) {
    if (button.dataset.hotkey) {
      codeKeys[button.dataset.hotkey.toLowerCase()] = button.dataset.code;
    }
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var tag = target && target.tagName;
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) {
      return;
    }
    if (tag === 'INPUT' && target.type !== 'radio' || tag === 'SELECT' || tag === 'TEXTAREA' ||
        target.isContentEditable || (target.closest && target.closest('form'))) {
      return;
    }
    var key = event.key.toLowerCase();
    if (actorKeys[key]) {
      actorKeys[key].checked = true;
      say(labelOf('actor', actorKeys[key].value));
    } else if (codeKeys[key]) {
      code(codeKeys[key], event.shiftKey);
    } else if (key === 'm') {
      var other = currentModality() === 'verbal' ? 'non-verbal' : 'verbal';
      document.getElementById('modality-' + other).checked = true;
      say(labelOf('modality', other));
    } else if (key === 'p') {
      togglePlay();
    } else if (key === 'u') {
      undo();
    } else {
      return;
    }
    event.preventDefault();
  });

  // ------------------------------------------------------------------ table, form and timeline

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
  }

  function sortEvents() {
    events.sort(function (a, b) {
      return a.startMs - b.startMs ||
        (a.endMs === null ? a.startMs : a.endMs) - (b.endMs === null ? b.startMs : b.endMs) ||
        (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    });
  }

  function render() {
    sortEvents();
    rows.textContent = '';
    events.forEach(function (e) {
      var tr = document.createElement('tr');
      tr.dataset.key = e.key;
      cell(tr, format(e.startMs));
      cell(tr, e.kind === 'POINT' ? d.msgPoint : (e.endMs === null ? d.msgRunning : format(e.endMs)));
      cell(tr, option('f-actor', e.actor));
      cell(tr, option('f-code', e.code));
      cell(tr, option('f-modality', e.modality));
      cell(tr, e.comment || '');
      var td = document.createElement('td');
      var edit = document.createElement('button');
      edit.type = 'button';
      edit.className = 'link-button';
      edit.textContent = d.msgEdit;
      edit.setAttribute('aria-label', d.msgEdit + ': ' + describe(e));
      edit.addEventListener('click', function () { startEdit(e.key); });
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link-button';
      remove.textContent = d.msgDelete;
      remove.setAttribute('aria-label', d.msgDelete + ': ' + describe(e));
      remove.addEventListener('click', function () {
        apply(e.key, null, true);
        document.getElementById('undo').focus();
      });
      td.appendChild(edit);
      td.appendChild(document.createTextNode(' '));
      td.appendChild(remove);
      tr.appendChild(td);
      rows.appendChild(tr);
    });
    noEvents.hidden = events.length > 0;
    root.querySelectorAll('.code-button').forEach(function (button) {
      button.setAttribute('aria-pressed', openState(currentActor(), button.dataset.code) ? 'true' : 'false');
    });
    timeline();
  }

  root.querySelectorAll('input[name="current-actor"]').forEach(function (input) {
    input.addEventListener('change', render);
  });

  function startEdit(key) {
    var e = events[find(key)];
    if (!e) {
      return;
    }
    document.getElementById('f-key').value = e.key;
    document.getElementById('f-actor').value = e.actor;
    document.getElementById('f-code').value = e.code;
    document.getElementById('f-modality').value = e.modality;
    document.getElementById('f-kind').value = e.kind;
    document.getElementById('f-start').value = seconds(e.startMs);
    document.getElementById('f-end').value = e.endMs === null ? '' : seconds(e.endMs);
    document.getElementById('f-comment').value = e.comment || '';
    say(d.msgEditing);
    document.getElementById('f-start').focus();
  }

  function parseTime(text) {
    var t = text.trim().replace(',', '.');
    if (t === '') {
      return null;
    }
    var parts = t.split(':');
    var total = 0;
    for (var i = 0; i < parts.length; i++) {
      var n = Number(parts[i]);
      if (parts[i] === '' || isNaN(n) || n < 0) {
        return NaN;
      }
      total = total * 60 + n;
    }
    return Math.round(total * 1000);
  }

  form.addEventListener('submit', function (event) {
    var start = parseTime(document.getElementById('f-start').value);
    var kind = document.getElementById('f-kind').value;
    var end = kind === 'STATE' ? parseTime(document.getElementById('f-end').value) : null;
    if (start === null || isNaN(start) || (end !== null && (isNaN(end) || end < start))) {
      return; // the server answers with the error in the page
    }
    event.preventDefault();
    var key = document.getElementById('f-key').value || newKey();
    apply(key, {
      key: key,
      actor: document.getElementById('f-actor').value,
      modality: document.getElementById('f-modality').value,
      code: document.getElementById('f-code').value,
      kind: kind,
      startMs: start,
      endMs: end,
      comment: document.getElementById('f-comment').value
    }, true);
    document.getElementById('f-key').value = '';
    document.getElementById('f-comment').value = '';
  });

  function timeline() {
    var box = document.getElementById('timeline');
    box.textContent = '';
    var actors = [];
    root.querySelectorAll('input[name="current-actor"]').forEach(function (input) {
      actors.push(input.value);
    });
    events.forEach(function (e) {
      if (actors.indexOf(e.actor) < 0) {
        actors.push(e.actor);
      }
    });
    var end = Math.max(now(), 1000);
    events.forEach(function (e) {
      end = Math.max(end, e.endMs === null ? e.startMs : e.endMs);
    });
    var codes = [];
    root.querySelectorAll('.code-button').forEach(function (b) { codes.push(b.dataset.code); });
    var labelWidth = 130;
    var width = 800;
    var rowHeight = 28;
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (actors.length * rowHeight + 20));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', d.msgTimeline);
    svg.setAttribute('class', 'timeline-chart');
    var scale = (width - labelWidth - 10) / end;
    actors.forEach(function (actor, row) {
      var y = row * rowHeight;
      var text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', 0);
      text.setAttribute('y', y + 18);
      text.setAttribute('class', 'timeline-actor');
      text.textContent = option('f-actor', actor);
      svg.appendChild(text);
      var line = document.createElementNS(SVG, 'line');
      line.setAttribute('x1', labelWidth);
      line.setAttribute('x2', width - 10);
      line.setAttribute('y1', y + 14);
      line.setAttribute('y2', y + 14);
      line.setAttribute('class', 'timeline-axis');
      svg.appendChild(line);
      events.filter(function (e) { return e.actor === actor; }).forEach(function (e) {
        var x = labelWidth + e.startMs * scale;
        var shape;
        var n = Math.max(0, codes.indexOf(e.code));
        if (e.kind === 'POINT') {
          shape = document.createElementNS(SVG, 'rect');
          shape.setAttribute('x', x - 1.5);
          shape.setAttribute('width', 3);
        } else {
          var stop = e.endMs === null ? now() : e.endMs;
          shape = document.createElementNS(SVG, 'rect');
          shape.setAttribute('x', x);
          shape.setAttribute('width', Math.max(2, (stop - e.startMs) * scale));
        }
        shape.setAttribute('y', y + 4);
        shape.setAttribute('height', 20);
        shape.setAttribute('class', 'timeline-event code-' + n + (e.modality === 'non-verbal' ? ' non-verbal' : ''));
        var title = document.createElementNS(SVG, 'title');
        title.textContent = describe(e);
        shape.appendChild(title);
        svg.appendChild(shape);
      });
    });
    var axis = document.createElementNS(SVG, 'text');
    axis.setAttribute('x', width - 10);
    axis.setAttribute('y', actors.length * rowHeight + 14);
    axis.setAttribute('text-anchor', 'end');
    axis.setAttribute('class', 'timeline-actor');
    axis.textContent = format(end);
    svg.appendChild(axis);
    box.appendChild(svg);
  }

  // Running states grow on the timeline while the clock runs.
  setInterval(function () {
    if (running()) {
      timeline();
    }
  }, 1000);

  fetch(d.eventsUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (loaded) {
      events = loaded;
      fixKeys();
      // Changes a closed tab could not send: apply them here and send them now.
      Object.keys(pending).forEach(function (key) {
        var job = pending[key];
        var index = find(key);
        if (job.remove) {
          if (index >= 0) {
            events.splice(index, 1);
          }
        } else if (index >= 0) {
          events[index] = job.event;
        } else {
          events.push(job.event);
        }
        send(job);
      });
      render();
      root.dataset.ready = 'yes';
    });
})();
