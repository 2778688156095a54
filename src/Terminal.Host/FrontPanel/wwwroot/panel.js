// The front panel (docs/front-panel.md): renders what the host pushes (server-sent events from the loop's
// snapshots) and sends taps. It decides nothing the core decides: the thanks screen comes from the
// snapshot after the commit, never from the tap's own answer.
'use strict';

(() => {
  const OFFLINE_AFTER_MS = 2500; // the host pings every second: two missed pings and it is gone
  const THANKS_LINGER_MS = 10000; // time to scan the review code, unless the next service begins
  const TOAST_MS = 4000;

  const $ = (id) => document.getElementById(id);
  const display = $('display');
  const state = { view: null, online: false, lastMessage: 0, source: null, lingerUntil: 0, timers: {}, built: {} };

  const REFUSALS = {
    offline: '终端离线，本次点击未被记录',
    stale: '页面已更新，本次点击未记录，请重新选择',
    'unknown-level': '无法识别的评价选项，本次点击未记录',
    'unknown-reason': '无法识别的原因选项，本次点击未记录',
    'bad-tap': '无法识别的点击，本次点击未记录',
    'touch-off': '本终端屏幕不接受评价，请使用按键',
    'self-test': '终端自检中，暂不能评价',
    'storage-full': '终端存储已满，暂不能评价',
    busy: '终端繁忙，请再点一次',
    'foreign-origin': '点击被拒绝',
  };
  const NOTICES = {
    'signed-in': (n) => `${n.name ?? '工作人员'} 已签到`,
    'signed-out': () => '已签退',
    'unknown-card': () => '未登记的卡，已记录',
    paused: () => '暂离',
    resumed: () => '欢迎回来',
  };

  // ---- the feed ----------------------------------------------------------------------------

  function connect() {
    const source = new EventSource('/panel/events');
    state.source = source;
    source.addEventListener('view', (e) => { alive(); render(JSON.parse(e.data)); });
    source.addEventListener('board', (e) => { alive(); window.TerminalBoard?.render(JSON.parse(e.data), state.view); });
    source.addEventListener('ping', () => alive());
    source.onerror = () => {
      offline();
      if (source.readyState === EventSource.CLOSED) {
        // An answer that was no stream (e.g. the host restarting): the browser gives up, we do not.
        setTimeout(connect, 1000);
      }
    };
  }

  function alive() {
    state.lastMessage = performance.now();
    if (!state.online) {
      state.online = true;
      $('offline').hidden = true;
      display.dataset.online = 'true';
    }
  }

  function offline() {
    if (state.online || display.dataset.online !== 'false') {
      state.online = false;
      $('offline').hidden = false;
      display.dataset.online = 'false';
    }
  }

  setInterval(() => {
    if (state.online && performance.now() - state.lastMessage > OFFLINE_AFTER_MS) {
      offline();
    }
    tickCountdowns();
  }, 250);

  // ---- rendering ---------------------------------------------------------------------------

  function render(v) {
    const before = state.view;
    state.view = v;
    document.body.classList.toggle('touch', v.touch);
    $('window-no').textContent = v.window;
    renderStaff(v);
    renderButtons(v);
    renderSession(v);
    renderThanks(v);
    showScreen(v, before);
    renderFaults(v.faults ?? []);
    if (v.notice) notice(v.notice);
    if (v.board) window.TerminalBoard?.render(v.board, v);
    display.dataset.version = v.v;
  }

  function showScreen(v, before) {
    let screen = v.screen;
    const lingering = before && display.dataset.screen === 'thanks' && !$('review').hidden;
    if (screen === 'thanks' && v.thanks?.review) {
      state.lingerUntil = performance.now() + THANKS_LINGER_MS;
    } else if (lingering && ['idle', 'paused', 'closed'].includes(screen) && performance.now() < state.lingerUntil) {
      // Keep the review code up a little longer; anything but idle (the next service) takes over at once.
      screen = 'thanks';
      clearTimeout(state.timers.linger);
      state.timers.linger = setTimeout(() => state.view && showScreen(state.view, null), state.lingerUntil - performance.now());
    }

    if (screen === 'thanks') {
      const rating = (v.committed || []).find((e) => e.type === 'rating');
      if (rating) $('screen-thanks').dataset.seq = rating.seq;
    }
    display.dataset.screen = screen;
  }

  function renderStaff(v) {
    const s = v.staff;
    const idle = $('screen-idle');
    idle.classList.toggle('unknown', !!s?.unknown);
    $('staff-name').textContent = s?.unknown ? '未登记的工作人员' : (s?.name ?? '');
    $('staff-id').textContent = s?.id ?? '—';
    $('staff-title').textContent = s?.title ?? '';
    $('staff-pledge').textContent = s?.pledge ?? '';
    $('staff-stars').textContent = s?.stars ? '★'.repeat(s.stars) + '☆'.repeat(5 - s.stars) : '';
    $('staff-stars').setAttribute('aria-label', s?.stars ? `${s.stars} 星` : '');
    $('paused-name').textContent = s?.name ? ` ${s.name} ` : '';
    const badges = $('staff-badges');
    badges.replaceChildren(...(s?.badges ?? []).map((b) => {
      const li = document.createElement('li');
      li.className = b.code;
      li.textContent = b.label;
      return li;
    }));
    const photo = $('staff-photo');
    if (s?.photo) {
      if (photo.getAttribute('src') !== s.photo) photo.src = s.photo;
      photo.hidden = false;
      $('photo-none').hidden = true;
    } else {
      photo.hidden = true;
      photo.removeAttribute('src');
      $('photo-none').hidden = false;
    }
  }

  function renderButtons(v) {
    const key = JSON.stringify([v.levels, v.reasons]);
    if (state.built.buttons !== key) {
      state.built.buttons = key;
      const level = (l) => button(`level-${l.level}`, l.label, { level: l.level }, () => ({ level: l.level, session: state.view.tapTarget ?? null }));
      $('levels').replaceChildren(...v.levels.map(level));
      $('idle-rate').replaceChildren(...v.levels.map(level));
      $('reasons').replaceChildren(...v.reasons.map((r) =>
        button(`reason-${r.code}`, r.label, { reason: r.code }, () => ({ reason: r.code, session: state.view.reason?.session ?? null }))));
    }
    $('idle-rate').hidden = !(v.touch && v.ratesWhenIdle);
  }

  function button(cls, label, data, body) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = label;
    Object.assign(b.dataset, data);
    b.addEventListener('click', () => tap(body()));
    return b;
  }

  function renderSession(v) {
    $('item-name').textContent = v.session?.itemName ?? '';
    $('ticket').textContent = v.session?.ticket ?? '';
    countdown('session-left', v.session?.timeLeftMs, '秒后结束本次评价');
    countdown('reason-left', v.reason?.timeLeftMs, '秒内选择原因');
  }

  function countdown(id, ms, words) {
    const el = $(id);
    el.dataset.until = ms == null ? '' : String(performance.now() + ms);
    el.dataset.words = words;
    tickCountdowns();
  }

  function tickCountdowns() {
    for (const id of ['session-left', 'reason-left']) {
      const el = $(id);
      const until = Number(el.dataset.until);
      el.textContent = el.dataset.until ? `${Math.max(0, Math.ceil((until - performance.now()) / 1000))} ${el.dataset.words}` : '';
    }
    $('clock').textContent = new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
  }

  function renderThanks(v) {
    const review = $('review');
    const code = v.thanks?.review;
    if (code) {
      if ($('review-code').getAttribute('src') !== code) $('review-code').src = code;
      review.hidden = false;
    } else if (v.screen === 'thanks') {
      review.hidden = true;
    }
  }

  function renderFaults(faults) {
    const el = $('faults');
    el.textContent = faults.length ? `设备故障：${faults.map((f) => f.label).join('、')}` : '';
    el.dataset.codes = faults.map((f) => f.code).join(' ');
    el.hidden = !faults.length;
  }

  function notice(n) {
    const el = $('notice');
    el.textContent = (NOTICES[n.kind] ?? (() => n.kind))(n);
    el.dataset.kind = n.kind;
    el.hidden = false;
    clearTimeout(state.timers.notice);
    state.timers.notice = setTimeout(() => { el.hidden = true; }, Math.max(n.holdMs, 3000));
  }

  function toast(kind, verdict, detail) {
    const el = $('toast');
    el.replaceChildren(document.createTextNode(REFUSALS[verdict] ?? (verdict === 'repeat' ? '您已评价，谢谢' : verdict)));
    if (detail) {
      const small = document.createElement('small');
      small.textContent = detail;
      el.append(small);
    }
    el.dataset.kind = kind;
    el.dataset.verdict = verdict;
    el.hidden = false;
    clearTimeout(state.timers.toast);
    state.timers.toast = setTimeout(() => { el.hidden = true; }, TOAST_MS);
  }

  // ---- taps ---------------------------------------------------------------------------------

  async function tap(body) {
    if (!state.view?.touch) {
      toast('refused', 'touch-off');
      return;
    }
    if (!state.online) {
      toast('refused', 'offline');
      return;
    }
    let answer;
    try {
      const response = await fetch('/panel/tap', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      answer = await response.json();
    } catch {
      offline();
      toast('refused', 'offline');
      return;
    }
    if (!answer.ok) {
      toast('refused', answer.verdict, answer.message);
    } else if (answer.verdict === 'repeat') {
      toast('info', 'repeat');
    }
  }

  display.dataset.online = 'false';
  connect();
})();
