// The virtual board under --simulate (docs/front-panel.md#virtual-board): each key with its LED as the simulated chip drives
// it, the buzzer, and the staff card readers. Every button goes through the same simulated board as
// `terminalctl sim key|badge|wiegand|card|type`, and the events it committed are listed below.
'use strict';

window.TerminalBoard = (() => {
  const KEY_LABELS = { invite: '请评价', pause: '暂离' };
  const OFF = new URLSearchParams(location.search).get('board') === 'off'; // the customer display alone
  const $ = (id) => document.getElementById(id);
  let built = '';

  function render(b, view) {
    if (OFF) return;
    if ($('board').hidden) show(b);
    const keys = $('board-keys');
    const names = b.keys.map((k) => k.name).join();
    if (built !== names) {
      built = names;
      keys.replaceChildren(...b.keys.map((k) => key(k, view)));
    }
    for (const k of b.keys) {
      const led = keys.querySelector(`[data-key="${CSS.escape(k.name)}"] .led`);
      if (led) led.classList.toggle('lit', k.led === true);
    }
    $('buzzer').classList.toggle('lit', b.buzzer === true);
  }

  function show(b) {
    $('board').hidden = false;
    document.body.classList.add('with-board');
    $('badge-format').replaceChildren(...(b.formats ?? []).map((f) => new Option(f, f)));
    $('badge-form').hidden = !b.formats;
    $('wiegand-form').hidden = !b.formats;
    const readers = (types) => (b.readers ?? []).filter((r) => types.includes(r.type)).map((r) => new Option(`${r.name} (${r.type})`, r.name));
    $('card-reader').replaceChildren(...readers(['mfrc522', 'pn532']));
    $('card-form').hidden = !$('card-reader').options.length;
    $('type-reader').replaceChildren(...readers(['usb-hid']));
    $('type-form').hidden = !$('type-reader').options.length;
  }

  function key(k, view) {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.dataset.key = k.name;
    const led = document.createElement('span');
    led.className = k.led == null ? 'led none' : 'led';
    const label = k.level ? `${k.name} ${view?.levels.find((l) => l.level === k.level)?.label ?? ''}`
      : k.reason ? `${k.name.replace(/^r-/, '')} ${view?.reasons.find((r) => r.code === k.reason)?.label ?? ''}`
      : `${k.name} ${KEY_LABELS[k.role] ?? ''}`;
    btn.append(led, document.createTextNode(label.trim()));
    btn.addEventListener('click', () => drive(`/panel/board/key?name=${encodeURIComponent(k.name)}`, `按键 ${k.name}`));
    return btn;
  }

  async function drive(url, what) {
    const log = $('board-log');
    try {
      const response = await fetch(url, { method: 'POST' });
      const answer = await response.json();
      log.prepend(item(answer.error ? `${what}: ${answer.error.message}` : `${what}: ${describe(answer.events)}`, !!answer.error));
    } catch {
      log.prepend(item(`${what}: 终端离线`, true));
    }
    while (log.children.length > 30) log.lastChild.remove();
  }

  function describe(events) {
    if (!events.length) return '无事件';
    return events.map((e) => `#${e.seq} ${e.type}${e.data.action ? ' ' + e.data.action : ''}${e.data.level ? ' ' + e.data.level : ''}`).join(', ');
  }

  function item(text, error) {
    const li = document.createElement('li');
    li.textContent = text;
    if (error) li.className = 'error';
    return li;
  }

  function submit(form, url, what) {
    $(form).addEventListener('submit', (e) => {
      e.preventDefault();
      drive(url(), what());
    });
  }

  submit('badge-form', () => {
    const q = new URLSearchParams({ number: $('badge-number').value, format: $('badge-format').value });
    if ($('badge-facility').value) q.set('facility', $('badge-facility').value);
    return `/panel/board/badge?${q}`;
  }, () => `刷卡 ${$('badge-number').value}`);
  submit('wiegand-form', () => `/panel/board/wiegand?${new URLSearchParams({ bits: $('wiegand-bits').value })}`, () => 'Wiegand');
  submit('card-form', () => `/panel/board/card?${new URLSearchParams({ uid: $('card-uid').value, reader: $('card-reader').value })}`,
    () => `感应卡 ${$('card-uid').value}`);
  submit('type-form', () => `/panel/board/type?${new URLSearchParams({ text: $('type-text').value, reader: $('type-reader').value })}`,
    () => `USB 读卡器 ${$('type-text').value}`);

  return { render };
})();
