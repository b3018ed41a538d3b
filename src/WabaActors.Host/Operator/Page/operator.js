// The operator page of one account: reads the JSON API and renders it with DOM calls only.
// Every value from the API goes into text nodes or attribute values, never into markup.
'use strict';

(() => {
  const KeyName = 'wabaActors.apiKey';
  const Steps = ['User account (e-mail)', 'Business manager', 'Company profile', 'Phone numbers'];
  const LatestEvents = 20;
  const Buckets = 24;
  const SvgNs = 'http://www.w3.org/2000/svg';

  // A key handed over once as #key=… moves to this tab's sessionStorage and leaves the address bar.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has('key')) {
    const handed = fragment.get('key').trim();
    if (handed) sessionStorage.setItem(KeyName, handed);
    history.replaceState(null, '', location.pathname + location.search);
  }

  const decode = part => { try { return decodeURIComponent(part); } catch { return ''; } };
  const [, , tenant = '', waba = ''] = location.pathname.split('/').filter(Boolean).map(decode);
  const base = `/v1/tenants/${encodeURIComponent(tenant)}/accounts/${encodeURIComponent(waba)}`;
  const activityUrl = `/operator/accounts/${encodeURIComponent(tenant)}/${encodeURIComponent(waba)}/activity`;

  const $ = id => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs ?? {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SvgNs, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const readable = iso => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/Z$/, ' UTC');
  const instant = (iso, field) => iso
    ? el('time', { datetime: iso, 'data-field': field }, readable(iso))
    : el('span', { class: 'muted', 'data-field': field }, '—');
  const badge = (status, field) => el('span', { class: `badge status-${status ?? 'none'}`, 'data-field': field }, status ?? 'not requested');
  const row = (cells, attrs) => el('tr', attrs, cells.map(c => el('td', null, c)));
  const table = (heads, rows) => el('table', null, el('thead', null, el('tr', null, heads.map(h => el('th', null, h)))), el('tbody', null, rows));
  const section = (id, title, ...body) => el('section', { id }, el('h2', null, title), body);

  class ApiError extends Error {
    constructor(status, code, detail) {
      super(detail);
      this.status = status;
      this.code = code;
    }
  }

  const api = path => request(base + path);

  async function request(url) {
    const key = sessionStorage.getItem(KeyName);
    const headers = { Accept: 'application/json' };
    if (key) headers.Authorization = `Bearer ${key}`;
    const reply = await fetch(url, { headers, cache: 'no-store', credentials: 'omit' });
    if (reply.ok) return reply.json();
    let problem = {};
    try { problem = await reply.json(); } catch { /* not a problem body */ }
    throw new ApiError(reply.status, problem.code ?? 'request_failed', problem.detail ?? `HTTP ${reply.status}`);
  }

  // History is oldest first and paged by cursor: walk to its end, keeping only the latest entries.
  async function latestEvents() {
    let after = null;
    let latest = [];
    for (let page = 0; page < 100; page++) {
      const query = new URLSearchParams({ limit: '1000' });
      if (after) query.set('after', after);
      const { events, cursor } = await api(`/events?${query}`);
      latest = latest.concat(events).slice(-LatestEvents);
      if (events.length < 1000) break;
      after = cursor;
    }
    return latest.reverse();
  }

  function summary(account, recipients) {
    return section('summary', 'Account',
      el('dl', null,
        el('dt', null, 'Name'), el('dd', { 'data-field': 'name' }, account.name ?? '—'),
        el('dt', null, 'Tenant'), el('dd', { 'data-field': 'tenant' }, account.tenant),
        el('dt', null, 'WABA id'), el('dd', { 'data-field': 'waba' }, account.waba),
        el('dt', null, 'Status'), el('dd', null, badge(account.status, 'status')),
        el('dt', null, 'Business verification'), el('dd', null, badge(account.businessVerification.status, 'businessVerification')),
        el('dt', null, 'Numbers'), el('dd', { 'data-field': 'numbersUsed' }, `${account.limits.numbers.used} / ${account.limits.numbers.max}`),
        el('dt', null, 'As of'), el('dd', null, instant(recipients.to, 'asOf'))));
  }

  // What a person needs to know about why the account cannot send (the view's holds, docs/meta-webhooks.md).
  const HoldText = {
    account_not_live: 'No number is registered yet: nothing can be sent.',
    account_disconnected: 'Meta deleted, unshared or offboarded the account: nothing can be sent until it reconnects.',
    meta_disabled: 'Meta disabled (banned) the account: nothing can be sent.',
    commerce_review_rejected: 'The commerce-policy review rejected the account: nothing can be sent.',
    account_under_review: 'The commerce-policy review is pending: nothing can be sent until it is approved.',
    restricted_business_initiated: 'Meta restricts business-initiated messaging: no templates outside the window.',
    restricted_customer_initiated: 'Meta restricts customer-initiated messaging: no replies.',
    number_addition_restricted: 'Meta restricts adding numbers.',
  };

  function holds(account) {
    const list = account.holds ?? [];
    const rows = list.map(h => row(
      [el('code', { 'data-field': 'holdReason' }, h.reason), HoldText[h.reason] ?? '', instant(h.since, 'holdSince'), instant(h.until, 'holdUntil')],
      { 'data-hold': h.reason }));
    return section('holds', `Why it cannot send (${list.length})`,
      rows.length ? table(['Hold', 'Meaning', 'Since', 'Until'], rows) : el('p', { class: 'muted', 'data-field': 'noHolds' }, 'No hold: the account may send (windows and limits apply).'));
  }

  function onboarding(account) {
    const rows = account.onboarding.steps.map(s => row(
      [`${s.step}. ${Steps[s.step - 1] ?? ''}`, badge(s.status, 'stepStatus'), instant(s.completedAt, 'completedAt')],
      { 'data-step': s.step }));
    return section('onboarding', `Onboarding (current step ${account.onboarding.step})`, table(['Step', 'Status', 'Completed at'], rows));
  }

  function reviewRow(kind, subject, review, attrs) {
    const overdue = review.overdue === true;
    return row([
      kind,
      subject,
      badge(review.status, 'reviewStatus'),
      instant(review.dueAt, 'dueAt'),
      instant(review.decidedAt, 'decidedAt'),
      overdue ? el('span', { class: 'badge overdue-flag', 'data-field': 'overdue' }, 'overdue') : el('span', { class: 'muted', 'data-field': 'overdue' }, 'no'),
    ], { ...attrs, class: overdue ? 'overdue' : null, 'data-overdue': overdue });
  }

  function reviews(account) {
    const commerce = account.commercePolicyReview;
    const rows = [reviewRow('Commerce policy', 'the account', commerce, { 'data-review': 'commerce-policy' })];
    for (const number of account.numbers) {
      const name = number.displayName;
      if (name.status === 'none') continue;
      rows.push(reviewRow('Display name', `${name.name ?? ''} (+${number.phone})`, { ...name, decidedAt: name.decidedAt ?? null },
        { 'data-review': 'display-name', 'data-phone': number.phone }));
    }
    return section('reviews', 'Reviews', table(['Review', 'Of', 'Status', 'Due at', 'Decided at', 'Overdue'], rows));
  }

  function numbers(account) {
    const rows = account.numbers.map(n => row([
      `+${n.phone}`,
      badge(n.status, 'numberStatus'),
      n.verification.method,
      instant(n.registeredAt, 'registeredAt'),
      instant(n.billingStartedAt, 'billingStartedAt'),
    ], { 'data-phone': n.phone }));
    return section('numbers', 'Numbers',
      rows.length ? table(['Number', 'Status', 'Verification', 'Registered at', 'Billing started at'], rows) : el('p', { class: 'muted' }, 'No number added yet.'));
  }

  // Counted recipients of the rolling period in hourly bars, oldest hour first.
  function chart(recipients) {
    const from = Date.parse(recipients.from);
    const span = Date.parse(recipients.to) - from;
    const counts = new Array(Buckets).fill(0);
    for (const at of recipients.countedAt) {
      const bucket = Math.min(Buckets - 1, Math.max(0, Math.floor((Date.parse(at) - from) / span * Buckets)));
      counts[bucket]++;
    }
    const width = 480, height = 120, top = 8, bottom = 18, gap = 2;
    const slot = width / Buckets;
    const max = Math.max(1, ...counts);
    const plot = height - top - bottom;
    const root = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-field': 'recipientChart', 'data-buckets': Buckets });
    root.append(svg('title', {}, `Template recipients counted per ${span / Buckets / 60000} min, ${recipients.from} to ${recipients.to}`));
    counts.forEach((count, i) => {
      const h = count / max * plot;
      const start = new Date(from + span * i / Buckets).toISOString();
      const bar = svg('rect', { class: 'bar', x: i * slot + gap / 2, y: top + plot - h, width: slot - gap, height: h, 'data-count': count, 'data-from': start });
      bar.append(svg('title', {}, `${readable(start)}: ${count}`));
      root.append(bar);
    });
    root.append(svg('line', { class: 'axis', x1: 0, y1: top + plot, x2: width, y2: top + plot }));
    root.append(svg('text', { x: 0, y: height - 4 }, readable(recipients.from)));
    root.append(svg('text', { x: width, y: height - 4, 'text-anchor': 'end' }, readable(recipients.to)));
    root.append(svg('text', { x: 2, y: top + 8 }, `max ${max} / h`));
    return root;
  }

  function templateRecipients(recipients) {
    return section('template-recipients', 'Template recipients (rolling period)',
      el('p', null,
        el('span', { class: 'figure', 'data-field': 'recipientsUsed' }, `${recipients.used} / ${recipients.limit}`),
        ' used · next free slot ', instant(recipients.nextSlotAt, 'nextSlotAt')),
      chart(recipients));
  }

  // The page's own read (operator key only): templates, billable decisions of the last 24 h, verdicts in force.
  // A failure there leaves the rest of the page standing and says why in place of those sections.
  const activity = () => request(activityUrl).catch(error => ({ error }));

  function templates(list) {
    const rows = list.map(t => row([
      el('code', { 'data-field': 'templateName' }, t.name),
      el('span', { 'data-field': 'templateLanguage' }, t.language),
      el('span', { 'data-field': 'templateCategory', class: t.category ? null : 'muted' }, t.category ?? 'unknown'),
      badge(t.status, 'templateStatus'),
      t.status === 'paused' && !t.pausedUntil ? el('span', { class: 'muted', 'data-field': 'pausedUntil' }, 'no end given') : instant(t.pausedUntil, 'pausedUntil'),
      el('span', { class: `badge ${t.sendable ? 'status-approved' : 'status-rejected'}`, 'data-field': 'sendable' }, t.sendable ? 'yes' : 'no'),
      instant(t.updatedAt, 'templateUpdatedAt'),
    ], { 'data-template': `${t.name}/${t.language}`, 'data-sendable': t.sendable }));
    return section('templates', `Templates (${list.length})`,
      rows.length ? table(['Name', 'Language', 'Category', 'Status', 'Paused until', 'Sendable', 'Updated at'], rows)
        : el('p', { class: 'muted', 'data-field': 'noTemplates' }, 'No template registered yet (PUT …/templates or Meta\'s template webhooks).'));
  }

  function billable(spend) {
    const rows = spend.byCategory.map(c => row([c.category, el('span', { 'data-field': 'billableCount' }, c.count)], { 'data-category': c.category }));
    return section('billable', 'Billable decisions (last 24 h)',
      el('p', null, el('span', { class: 'figure', 'data-field': 'billableTotal' }, spend.total), ' billable decisions from ',
        instant(spend.from, 'billableFrom'), ' to ', instant(spend.to, 'billableTo')),
      table(['Pricing category', 'Billable'], rows));
  }

  const VerdictText = {
    marketing_limit_per_user: 'No marketing: Meta\'s per-user limit (131049)',
    marketing_opted_out: 'No marketing: the customer opted out (131050)',
  };

  function verdicts(list) {
    const rows = list.shown.map(v => row([
      el('span', { 'data-field': 'verdictNumbers' }, v.numbers.map(n => `+${n}`).join(', ')),
      el('code', { 'data-field': 'verdictCustomer' }, v.customer),
      el('code', { 'data-field': 'verdictReason' }, v.reason),
      VerdictText[v.reason] ?? '',
      instant(v.since, 'verdictSince'),
      v.until ? instant(v.until, 'verdictUntil') : el('span', { class: 'muted', 'data-field': 'verdictUntil' }, 'until the customer resumes'),
    ], { 'data-verdict': v.reason, 'data-numbers': v.numbers.join(' ') }));
    return section('verdicts', `Per-customer verdicts in force (${list.shown.length} of ${list.exact ? '' : 'at most '}${list.total})`,
      el('p', { class: 'muted', 'data-field': 'verdictNote' }, 'Customer ids are personal data: only their last 4 characters are shown.'),
      rows.length ? table(['Numbers', 'Customer', 'Verdict', 'Meaning', 'Since', 'Until'], rows) : el('p', { class: 'muted', 'data-field': 'noVerdicts' }, 'No verdict in force.'));
  }

  function activitySections(read) {
    if (!read.error) return [billable(read.billable), templates(read.templates), verdicts(read.verdicts)];
    const { error } = read;
    const text = error.code === 'operator_key_required'
      ? 'Templates, billable decisions and verdicts need an operator key.'
      : `Templates, billable decisions and verdicts could not be read: ${error.code ?? 'error'}: ${error.message}`;
    return [section('activity', 'Templates, spend and verdicts', el('p', { class: 'error', 'data-field': 'activityError', 'data-error': error.code ?? 'error' }, text))];
  }

  function events(list) {
    const rows = list.map(e => row(
      [instant(e.at, 'eventAt'), el('code', { 'data-field': 'eventType' }, e.type), e.phone ? `+${e.phone}` : '', e.value ?? '', e.reason ?? ''],
      { 'data-event': e.id }));
    return section('events', `Latest events (${list.length}, newest first)`,
      table(['At', 'Type', 'Number', 'Value', 'Reason'], rows));
  }

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
  }

  function showKeyState() {
    $('key-state').textContent = sessionStorage.getItem(KeyName) ? 'a key is kept for this tab' : 'no key';
  }

  async function load() {
    document.body.dataset.state = 'loading';
    showKeyState();
    $('account-id').textContent = `${tenant} / ${waba}`;
    say('Loading…', false);
    try {
      const [account, recipients, latest, read] = await Promise.all([api(''), api('/template-recipients'), latestEvents(), activity()]);
      $('content').replaceChildren(
        summary(account, recipients), holds(account), onboarding(account), reviews(account), numbers(account), templateRecipients(recipients),
        ...activitySections(read), events(latest));
      say('', false);
      document.body.dataset.state = 'ready';
    } catch (error) {
      $('content').replaceChildren();
      const needsKey = error instanceof ApiError && (error.status === 401 || error.status === 403);
      say(needsKey ? `${error.code}: ${error.message} Enter an operator key (or this tenant's key) above.` : `${error.code ?? 'error'}: ${error.message}`, true);
      document.body.dataset.state = 'error';
      document.body.dataset.error = error.code ?? 'error';
    }
  }

  $('key-form').addEventListener('submit', event => {
    event.preventDefault();
    const key = $('key-input').value.trim();
    $('key-input').value = '';
    if (key) sessionStorage.setItem(KeyName, key);
    load();
  });
  $('key-forget').addEventListener('click', () => { sessionStorage.removeItem(KeyName); load(); });
  $('refresh').addEventListener('click', load);
  load();
})();
