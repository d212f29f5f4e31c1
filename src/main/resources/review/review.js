'use strict';
// The reviewers' page. The session's cookie is HttpOnly: this script never sees it, only the CSRF
// token the service gives a signed-in page, sent with every change. Everything from the service is
// set as text, never as HTML.
(function () {
  const $ = (id) => document.getElementById(id);
  let csrf = null;
  let opened = null;

  function show(id, visible) { $(id).hidden = !visible; }

  function fail(message) {
    $('error').textContent = message;
    show('error', true);
  }

  async function call(method, path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (method === 'POST' && csrf) { headers['X-Review-CSRF'] = csrf; }
    const response = await fetch(path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const envelope = await response.json();
    if (envelope.code !== 'SUCCESS') {
      const error = new Error(envelope.code + ': ' + envelope.message);
      error.code = envelope.code;
      throw error;
    }
    return envelope.data;
  }

  function time(ms) {
    return ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : '—';
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text === null || text === undefined ? '—' : String(text);
    if (className) { td.className = className; }
    return td;
  }

  function signedOut(message) {
    csrf = null;
    show('queue-view', false);
    show('sign-out', false);
    $('who').textContent = '';
    show('sign-in', true);
    if (message) { fail(message); }
  }

  async function signIn(event) {
    event.preventDefault();
    try {
      const me = await call('POST', '/review/v1/sign-in', { name: $('name').value.trim(), password: $('password').value });
      $('password').value = '';
      start(me);
    } catch (e) {
      fail(e.message);
    }
  }

  function start(me) {
    csrf = me.csrfToken;
    $('who').textContent = 'Signed in as ' + me.reviewer;
    show('sign-in', false);
    show('error', false);
    show('sign-out', true);
    show('queue-view', true);
    loadQueue();
  }

  async function loadQueue() {
    try {
      const queue = await call('GET', '/review/v1/queue');
      const body = $('queue').tBodies[0];
      body.replaceChildren();
      for (const session of queue.sessions) {
        const row = body.insertRow();
        const open = document.createElement('button');
        open.type = 'button';
        open.className = 'link';
        open.dataset.livenessId = session.livenessId;
        open.textContent = session.livenessId;
        open.addEventListener('click', () => openSession(session.livenessId));
        row.insertCell().appendChild(open);
        cell(row, time(session.storedAt));
        cell(row, session.score);
        cell(row, session.reason);
        cell(row, session.reviewStatus, session.reviewStatus);
      }
      if (queue.sessions.length === 0) {
        const td = body.insertRow().insertCell();
        td.colSpan = 5;
        td.textContent = 'Nothing waits for a person';
      }
    } catch (e) {
      e.code === 'REVIEWER_SIGNED_OUT' ? signedOut(e.message) : fail(e.message);
    }
  }

  function fact(list, name, value) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value === null || value === undefined ? '—' : String(value);
    list.append(dt, dd);
  }

  function seconds(ms) {
    return (ms / 1000).toFixed(2) + ' s';
  }

  const MOMENTS = {
    ACTION: (moment) => moment.action + ' claimed at ' + seconds(moment.fromMs),
    FAR: (moment) => 'Far image at ' + seconds(moment.fromMs),
    NEAR: (moment) => 'Near image at ' + seconds(moment.fromMs),
    LIGHT: (moment) => 'Light colours on screen ' + seconds(moment.fromMs) + ' to ' + seconds(moment.toMs)
  };

  // The recording as a bar, each moment placed by its time; positions are set through the style
  // object, which the page's policy allows (it forbids style attributes in markup only).
  function showTimeline(timeline) {
    const bar = $('timeline');
    const list = $('moments');
    bar.replaceChildren();
    list.replaceChildren();
    show('timeline', Boolean(timeline));
    if (!timeline) {
      const item = document.createElement('li');
      item.textContent = 'Not kept for sessions stored before the review desk showed it.';
      list.appendChild(item);
      return;
    }
    const length = Math.max(timeline.recordingMs, 1);
    const percent = (ms) => Math.min(100, Math.max(0, ms * 100 / length)) + '%';
    for (const moment of timeline.moments) {
      const marker = document.createElement('div');
      marker.className = 'moment ' + moment.kind;
      marker.style.left = percent(moment.fromMs);
      if (moment.kind === 'LIGHT') { marker.style.width = percent(moment.toMs - moment.fromMs); }
      marker.title = MOMENTS[moment.kind](moment);
      bar.appendChild(marker);
      const item = document.createElement('li');
      item.textContent = MOMENTS[moment.kind](moment);
      list.appendChild(item);
    }
    const end = document.createElement('li');
    end.textContent = 'Recording ends at ' + seconds(timeline.recordingMs);
    list.appendChild(end);
  }

  function showCues(cues) {
    const body = $('cues').tBodies[0];
    body.replaceChildren();
    for (const cue of cues) {
      const row = body.insertRow();
      cell(row, cue.name);
      cell(row, cue.value === null || cue.value === undefined ? null : cue.value.toFixed(3));
      cell(row, cue.measured);
      cell(row, cue.reading, cue.reading);
    }
    if (cues.length === 0) {
      const td = body.insertRow().insertCell();
      td.colSpan = 4;
      td.textContent = 'Not measured, or not kept for sessions stored before the review desk showed them';
    }
  }

  async function openSession(livenessId) {
    try {
      const session = await call('GET', '/review/v1/sessions/' + encodeURIComponent(livenessId));
      opened = session.livenessId;
      $('session-id').textContent = session.livenessId;
      const facts = $('facts');
      facts.replaceChildren();
      fact(facts, 'Score', session.score);
      fact(facts, 'Why it was left to a person', session.reason);
      fact(facts, 'Attack type', session.attackType);
      fact(facts, 'Light check', session.lightCheck);
      fact(facts, 'Far image at', session.farImageTime === null || session.farImageTime === undefined ? null : session.farImageTime + ' ms');
      fact(facts, 'Near image at', session.nearImageTime === null || session.nearImageTime === undefined ? null : session.nearImageTime + ' ms');
      fact(facts, 'Replay look-up', session.replay);
      fact(facts, 'Kiosk session', session.sessionId);
      const images = $('images');
      images.replaceChildren();
      for (const kind of session.images) {
        const figure = document.createElement('figure');
        const img = document.createElement('img');
        const name = kind === 'DOCUMENT' ? 'document portrait' : kind.toLowerCase() + ' image';
        img.alt = name;
        img.dataset.kind = kind;
        img.src = '/review/v1/sessions/' + encodeURIComponent(session.livenessId) + '/images/' + kind;
        const caption = document.createElement('figcaption');
        caption.textContent = name;
        figure.append(img, caption);
        images.appendChild(figure);
      }
      if (session.images.length === 0) {
        images.textContent = 'No image: the retention deleted them.';
      }
      showTimeline(session.timeline);
      showCues(session.cues);
      const decisions = $('decisions');
      decisions.replaceChildren();
      session.decisions.forEach((decision, index) => {
        const item = document.createElement('li');
        item.textContent = decision.decision + ' at ' + time(decision.at) + ' UTC: ' + decision.reason
          + (index < session.decisions.length - 1 ? ' (superseded)' : '');
        decisions.appendChild(item);
      });
      $('reason').value = '';
      $('decided').textContent = '';
      show('session', true);
      show('error', false);
    } catch (e) {
      e.code === 'REVIEWER_SIGNED_OUT' ? signedOut(e.message) : fail(e.message);
    }
  }

  async function decide(event) {
    event.preventDefault();
    const decision = event.submitter ? event.submitter.value : 'APPROVED';
    try {
      const decided = await call('POST', '/review/v1/sessions/' + encodeURIComponent(opened) + '/decision',
        { decision: decision, reason: $('reason').value });
      await openSession(opened);
      $('decided').textContent = 'Decision ' + decided.number + ': ' + decided.reviewStatus;
      loadQueue();
    } catch (e) {
      e.code === 'REVIEWER_SIGNED_OUT' ? signedOut(e.message) : fail(e.message);
    }
  }

  async function signOut() {
    try {
      await call('POST', '/review/v1/sign-out');
    } finally {
      signedOut(null);
    }
  }

  $('sign-in').addEventListener('submit', signIn);
  $('decide').addEventListener('submit', decide);
  $('sign-out').addEventListener('click', signOut);
  call('GET', '/review/v1/me').then(start, () => signedOut(null));
}());
