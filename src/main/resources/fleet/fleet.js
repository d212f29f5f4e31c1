'use strict';
// The operations team's page: signs in with the account's keys (or a token given in the link's
// fragment, which never reaches a server), then shows /fleet/v1/summary. Everything from the
// service is set as text, never as HTML: a kiosk's version or a branch's name cannot inject markup.
(function () {
  const TOKEN = 'livenessFleetToken';
  const STALE_MS = 15 * 60 * 1000;
  const $ = (id) => document.getElementById(id);

  function show(id, visible) { $(id).hidden = !visible; }

  function fail(message) {
    $('error').textContent = message;
    show('error', true);
  }

  async function post(path, body, headers) {
    const response = await fetch(path, {
      method: path === '/fleet/v1/summary' ? 'GET' : 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {}),
      body: body === null ? undefined : JSON.stringify(body)
    });
    const envelope = await response.json();
    if (envelope.code !== 'SUCCESS') {
      throw new Error(envelope.code + ': ' + envelope.message);
    }
    return envelope.data;
  }

  async function sha256Hex(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function signIn(event) {
    event.preventDefault();
    const accessKey = $('access-key').value.trim();
    const timestamp = Date.now();
    try {
      const signature = await sha256Hex(accessKey + $('secret-key').value + timestamp);
      const answer = await post('/openapi/auth/ticket/v1/generate-token',
        { accessKey: accessKey, timestamp: timestamp, signature: signature, periodSecond: 3600 });
      $('secret-key').value = '';
      sessionStorage.setItem(TOKEN, answer.token);
      load();
    } catch (e) {
      fail(e.message);
    }
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text === null || text === undefined ? '—' : String(text);
    if (className) { td.className = className; }
    return td;
  }

  function bar(row, day) {
    const td = row.insertCell();
    const bar = document.createElement('div');
    bar.className = 'bar';
    for (const [name, count] of [['verified', day.verified], ['manual', day.manualCheck], ['failed', day.failed]]) {
      const part = document.createElement('i');
      part.className = name;
      part.style.width = (day.sessions ? 100 * count / day.sessions : 0) + '%';
      bar.appendChild(part);
    }
    td.appendChild(bar);
  }

  function fill(tableId, items, addRow) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren();
    for (const item of items) { addRow(body.insertRow(), item); }
    if (items.length === 0) {
      const td = body.insertRow().insertCell();
      td.colSpan = $(tableId).tHead.rows[0].cells.length;
      td.textContent = 'None yet';
    }
  }

  function render(summary) {
    $('account').textContent = 'Account: ' + summary.account;
    const sum = (key) => summary.days.reduce((total, day) => total + day[key], 0);
    $('total-sessions').textContent = sum('sessions');
    $('total-verified').textContent = sum('verified');
    $('total-manual').textContent = sum('manualCheck');
    $('total-failed').textContent = sum('failed');
    $('total-kiosks').textContent = summary.kiosks.filter((k) => !k.revoked).length;
    $('total-backlog').textContent = summary.kiosks.reduce((total, k) => total + (k.outboxBacklog || 0), 0);
    fill('days', summary.days.slice().reverse(), (row, day) => {
      cell(row, day.day);
      cell(row, day.sessions, 'number');
      cell(row, day.verified, 'number verified');
      cell(row, day.manualCheck, 'number manual');
      cell(row, day.failed, 'number failed');
      bar(row, day);
    });
    fill('kiosks', summary.kiosks, (row, kiosk) => {
      const device = cell(row, '');
      const code = document.createElement('code');
      code.textContent = kiosk.device + (kiosk.revoked ? ' (revoked)' : '');
      device.appendChild(code);
      cell(row, kiosk.branch);
      const seen = kiosk.lastSeen ? new Date(kiosk.lastSeen) : null;
      cell(row, seen ? seen.toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : 'never',
        !seen || summary.generatedAt - kiosk.lastSeen > STALE_MS ? 'stale' : '');
      cell(row, kiosk.version);
      cell(row, kiosk.outboxBacklog, 'number');
    });
    fill('refusals', summary.refusals.slice().reverse(), (row, refusal) => {
      cell(row, refusal.day);
      cell(row, refusal.code);
      cell(row, refusal.answers, 'number');
    });
    $('generated').textContent = 'As of ' + new Date(summary.generatedAt).toISOString().replace('T', ' ').slice(0, 19)
      + ' UTC; refreshed every 30 s.';
    show('fleet', true);
  }

  async function load() {
    const token = sessionStorage.getItem(TOKEN);
    if (!token) {
      show('fleet', false);
      show('sign-in', true);
      return;
    }
    show('sign-in', false);
    try {
      render(await post('/fleet/v1/summary', null, { 'X-ACCESS-TOKEN': token }));
      show('error', false);
    } catch (e) {
      if (e.message.startsWith('IAM_FAILED')) { sessionStorage.removeItem(TOKEN); }
      fail(e.message);
      if (!sessionStorage.getItem(TOKEN)) { show('sign-in', true); }
    }
  }

  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem(TOKEN, fragment.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  $('sign-in').addEventListener('submit', signIn);
  load();
  setInterval(load, 30000);
}());
