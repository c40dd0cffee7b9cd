// Browser script shared by the attendee pages: times in the host's and the visitor's zone, slot lists, google.script.run errors.
import { SafeHtml, jsonForScript } from './html';

/**
 * Runs in the visitor's browser (ES5, no libraries). Only textContent and createElement touch the
 * DOM, so nothing from an event or a request can become markup. PAGE comes from jsonForScript.
 */
const COMMON = `
var HOST_ZONE = PAGE.hostZone;
var LOCALE = PAGE.locale;
var VIEWER_ZONE = (function () { try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { return ''; } })();
var formatters = {};
function fmt(ms, zone, options) {
  var key = zone + JSON.stringify(options);
  if (!formatters[key]) {
    var all = { timeZone: zone };
    for (var name in options) all[name] = options[name];
    try { formatters[key] = new Intl.DateTimeFormat(LOCALE, all); } catch (e) { formatters[key] = new Intl.DateTimeFormat('en-GB', all); }
  }
  return formatters[key].format(new Date(ms));
}
var DAY = { weekday: 'long', day: 'numeric', month: 'long' };
var TIME = { hour: '2-digit', minute: '2-digit' };
var SHORT_DAY = { weekday: 'short' };
function zoneName(zone) { return String(zone).replace(/_/g, ' '); }
function sameClock(ms) {
  if (!VIEWER_ZONE) return true;
  var all = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' };
  return fmt(ms, HOST_ZONE, all) === fmt(ms, VIEWER_ZONE, all);
}
function viewerLine(start, end) {
  if (!VIEWER_ZONE) return '';
  if (sameClock(start)) return 'That is also your local time (' + zoneName(VIEWER_ZONE) + ').';
  return 'Your time (' + zoneName(VIEWER_ZONE) + '): ' + fmt(start, VIEWER_ZONE, DAY) + ', ' +
    fmt(start, VIEWER_ZONE, TIME) + '\\u2013' + fmt(end, VIEWER_ZONE, TIME);
}
function whenText(start, end) {
  return fmt(start, HOST_ZONE, DAY) + ', ' + fmt(start, HOST_ZONE, TIME) + '\\u2013' + fmt(end, HOST_ZONE, TIME) +
    (sameClock(start) ? '' : ' (' + zoneName(HOST_ZONE) + ')');
}
function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
function byId(id) { return document.getElementById(id); }
function show(id, visible) { var node = byId(id); if (node) node.classList.toggle('hidden', !visible); }
function errorText(error) {
  var text = String((error && error.message) || error || 'Something went wrong.');
  return text.replace(/^(Exception|Error|ScriptError):\\s*/, '');
}
function notice(id, text, isError) {
  var node = byId(id);
  node.textContent = text;
  node.className = 'notice' + (isError ? ' error' : '');
  if (!text) node.className += ' hidden';
}
function zonesLine() {
  if (!VIEWER_ZONE || VIEWER_ZONE === HOST_ZONE) return 'Times are in ' + zoneName(HOST_ZONE) + '.';
  return 'Times are in ' + zoneName(HOST_ZONE) + ' (your host); small print shows your time in ' + zoneName(VIEWER_ZONE) + '.';
}
/** A strip of days (host's calendar) and the slot buttons of the chosen day; onPick gets {start, end, iso}. */
// Shows the slots given, or asks the server with request(google.script.run with handlers attached).
function loadSlotsInto(box, initial, onPick, request) {
  if (initial) { renderSlots(box, initial, onPick, PAGE.noSlotsText); return; }
  box.textContent = '';
  box.appendChild(el('p', 'muted', 'Looking up free times\\u2026'));
  request(google.script.run
    .withSuccessHandler(function (slots) { renderSlots(box, slots, onPick, PAGE.noSlotsText); })
    .withFailureHandler(function (error) { box.textContent = ''; notice('notice', errorText(error), true); }));
}

function renderSlots(container, slots, onPick, emptyText) {
  container.textContent = '';
  if (!slots || slots.length === 0) { container.appendChild(el('p', 'muted', emptyText)); return; }
  var days = [];
  var byDay = {};
  slots.forEach(function (slot) {
    var start = Date.parse(slot.start);
    var key = fmt(start, HOST_ZONE, DAY);
    if (!byDay[key]) { byDay[key] = []; days.push({ key: key, first: start }); }
    byDay[key].push({ start: start, end: Date.parse(slot.end), iso: slot.start });
  });
  var strip = el('div', 'days');
  strip.setAttribute('role', 'tablist');
  var heading = el('h3', 'day');
  var grid = el('div', 'slots');
  container.appendChild(strip);
  container.appendChild(heading);
  container.appendChild(grid);
  function showDay(day, chip) {
    var chips = strip.querySelectorAll('button');
    for (var i = 0; i < chips.length; i++) chips[i].setAttribute('aria-selected', chips[i] === chip ? 'true' : 'false');
    heading.textContent = day.key;
    grid.textContent = '';
    byDay[day.key].forEach(function (slot) {
      var button = el('button', 'slot', fmt(slot.start, HOST_ZONE, TIME));
      button.type = 'button';
      button.setAttribute('data-start', slot.iso);
      if (!sameClock(slot.start)) {
        var local = fmt(slot.start, VIEWER_ZONE, TIME);
        if (fmt(slot.start, VIEWER_ZONE, DAY) !== day.key) local = fmt(slot.start, VIEWER_ZONE, SHORT_DAY) + ' ' + local;
        button.appendChild(el('small', '', 'your ' + local));
      }
      button.addEventListener('click', function () {
        var picked = container.querySelectorAll('button.slot.selected');
        for (var j = 0; j < picked.length; j++) picked[j].classList.remove('selected');
        button.classList.add('selected');
        onPick(slot);
      });
      grid.appendChild(button);
    });
  }
  days.forEach(function (day, index) {
    var chip = el('button', 'daychip');
    chip.type = 'button';
    chip.setAttribute('role', 'tab');
    chip.setAttribute('data-day', day.key);
    chip.appendChild(el('span', '', fmt(day.first, HOST_ZONE, SHORT_DAY)));
    chip.appendChild(el('strong', '', fmt(day.first, HOST_ZONE, { day: 'numeric' })));
    chip.appendChild(el('span', '', fmt(day.first, HOST_ZONE, { month: 'short' })));
    chip.addEventListener('click', function () { showDay(day, chip); });
    strip.appendChild(chip);
    if (index === 0) showDay(day, chip);
  });
}
`;

const APPOINTMENT = `
(function () {
  var start = PAGE.start;
  var end = PAGE.end;
  var chosen = null;
  var busy = false;
  function refreshTimes(hostText) {
    if (hostText) byId('when-host').textContent = hostText;
    byId('when-local').textContent = viewerLine(start, end);
  }
  function step(name) {
    show('actions', name === 'view');
    show('cancel-step', name === 'cancel');
    show('reschedule-step', name === 'reschedule');
    show('confirm-move', false);
    if (name === 'reschedule') loadSlots(PAGE.slots);
  }
  function pick(slot) {
    chosen = slot;
    byId('confirm-move-text').textContent = 'Move your appointment to ' + whenText(slot.start, slot.end) + '?';
    byId('confirm-move-local').textContent = viewerLine(slot.start, slot.end);
    show('confirm-move', true);
  }
  function loadSlots(initial) {
    PAGE.slots = null;
    loadSlotsInto(byId('slots'), initial, pick, function (run) { run.listSlots(PAGE.token); });
  }
  byId('zones').textContent = zonesLine();
  refreshTimes();
  if (!PAGE.canChange) { step('view'); return; }
  byId('start-cancel').addEventListener('click', function () { notice('notice', ''); step('cancel'); });
  byId('start-reschedule').addEventListener('click', function () { notice('notice', ''); step('reschedule'); });
  byId('keep').addEventListener('click', function () { step('view'); });
  byId('back').addEventListener('click', function () { step('view'); });
  byId('confirm-cancel').addEventListener('click', function () {
    if (busy) return;
    busy = true;
    this.disabled = true;
    this.textContent = 'Cancelling\\u2026';
    var button = this;
    google.script.run
      .withSuccessHandler(function (result) {
        show('cancel-step', false);
        show('actions', false);
        show('done', true);
        byId('status').textContent = 'Cancelled';
        byId('status').className = 'status cancelled';
        byId('done-text').textContent = result && result.message ? result.message : 'Your appointment is cancelled.';
      })
      .withFailureHandler(function (error) {
        busy = false;
        button.disabled = false;
        button.textContent = 'Yes, cancel it';
        notice('notice', errorText(error), true);
      })
      .cancelAppointment(PAGE.token);
  });
  byId('confirm-move-button').addEventListener('click', function () {
    if (busy || !chosen) return;
    busy = true;
    var button = this;
    button.disabled = true;
    button.textContent = 'Moving\\u2026';
    google.script.run
      .withSuccessHandler(function (result) {
        busy = false;
        button.disabled = false;
        button.textContent = 'Yes, move it';
        start = Date.parse(result.start);
        end = Date.parse(result.end);
        refreshTimes(result.when);
        step('view');
        notice('notice', result.message || 'Your appointment is moved.', false);
      })
      .withFailureHandler(function (error) {
        busy = false;
        button.disabled = false;
        button.textContent = 'Yes, move it';
        var text = errorText(error);
        notice('notice', text, true);
        if (text === PAGE.takenText) { show('confirm-move', false); loadSlots(null); }
      })
      .rescheduleAppointment(PAGE.token, chosen.iso);
  });
  step(PAGE.step);
})();
`;

const BOOKING = `
(function () {
  var chosen = null;
  var busy = false;
  var form = byId('booking-form');
  function pick(slot) {
    chosen = slot;
    byId('chosen-time').textContent = whenText(slot.start, slot.end);
    byId('chosen-local').textContent = viewerLine(slot.start, slot.end);
    show('details', true);
    notice('notice', '');
    notice('form-notice', '');
    byId('details').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
  function loadSlots(initial) {
    chosen = null;
    show('details', false);
    loadSlotsInto(byId('slots'), initial, pick, function (run) { run.listBookingSlots(); });
  }
  byId('zones').textContent = zonesLine();
  form.addEventListener('input', function () { notice('form-notice', ''); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy || !chosen) return;
    busy = true;
    var button = byId('book-button');
    button.disabled = true;
    button.textContent = 'Booking\\u2026';
    var request = {
      name: form.elements.name.value,
      phone: form.elements.phone.value,
      email: form.elements.email.value,
      website: form.elements.website.value,
      start: chosen.iso
    };
    google.script.run
      .withSuccessHandler(function (result) {
        show('picker', false);
        show('details', false);
        show('done', true);
        byId('done-text').textContent = 'Booked: ' + whenText(chosen.start, chosen.end) + '. You will get a WhatsApp message with the details.';
        var link = byId('done-link');
        if (result && result.link) { link.setAttribute('href', result.link); show('done-link', true); }
      })
      .withFailureHandler(function (error) {
        busy = false;
        button.disabled = false;
        button.textContent = 'Book this time';
        var text = errorText(error);
        if (text === PAGE.takenText) {
          notice('form-notice', '');
          notice('notice', text, true);
          loadSlots(null);
          byId('picker').scrollIntoView();
        } else {
          notice('form-notice', text, true);
        }
      })
      .bookAppointment(request);
  });
  loadSlots(PAGE.slots);
})();
`;

export type ClientPage = 'appointment' | 'booking';

/** The page's data as JSON and the script that uses it, both safe to place anywhere in the body. */
export function clientScript(page: ClientPage, data: Record<string, unknown>): SafeHtml {
  const script = page === 'appointment' ? APPOINTMENT : BOOKING;
  return new SafeHtml(`<script>var PAGE = ${jsonForScript(data).value};</script><script>${COMMON}${script}</script>`);
}

/** Bare 'en' means US conventions in browsers; the pages speak international English like the messages. */
export function browserLocale(locale: string): string {
  return !locale || locale.toLowerCase() === 'en' ? 'en-GB' : locale;
}
