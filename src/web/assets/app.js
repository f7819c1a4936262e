// Progressive enhancement of the page: asks through /api/ask and renders with textContent, never as HTML.
'use strict';
(function () {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  const result = document.getElementById('result');
  // The page's own words, in its language, as the server wrote them.
  const t = JSON.parse(result.dataset.texts);
  const box = document.getElementById('question');

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  function render(answer, answerId) {
    const parts = [el('div', { className: 'text', textContent: answer.text })];
    if (answer.citations.length > 0) {
      parts.push(el('h3', { textContent: t.sources }));
      for (const c of answer.citations) {
        const date = c.date ? c.date.split('-').reverse().join('/') : null;
        const meta = [c.issuer || c.publisher, c.article, date].filter(Boolean).join(' · ');
        const body = [el('summary', { textContent: '[' + c.n + '] ' + c.title }), el('p', { className: 'meta', textContent: meta }), el('p', { className: 'passage', textContent: c.passage })];
        if (c.url) body.push(el('p', {}, [el('a', { href: c.url, rel: 'noopener noreferrer', textContent: t.link })]));
        parts.push(el('details', {}, body));
      }
    }
    if (answer.suggestions.length > 0) {
      parts.push(el('h3', { textContent: t.topics }));
      parts.push(el('div', { className: 'buttons' }, answer.suggestions.map((s) => el('button', { type: 'button', textContent: s.label, onclick: () => ask(s.question) }))));
    }
    if (answerId) {
      const status = el('span', { textContent: t.helpful + ' ' });
      const vote = (v) => () =>
        fetch('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId, vote: v }) })
          .then((r) => (status.textContent = r.ok ? t.thanks : t.error))
          .catch(() => (status.textContent = t.error));
      parts.push(el('div', { className: 'feedback' }, [status, el('button', { type: 'button', textContent: '👍', onclick: vote('up'), ariaLabel: '👍' }), el('button', { type: 'button', textContent: '👎', onclick: vote('down'), ariaLabel: '👎' })]));
    }
    result.replaceChildren(el('div', { className: 'answer', lang: answer.language || lang }, parts));
  }

  function ask(question) {
    box.value = question;
    result.replaceChildren(el('p', { className: 'notice', textContent: t.asking }));
    fetch('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, lang }) })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body, id: r.headers.get('x-answer-id') })))
      .then(({ ok, body, id }) => (ok ? render(body, id) : result.replaceChildren(el('p', { className: 'notice', textContent: body.error || t.error }))))
      .catch(() => result.replaceChildren(el('p', { className: 'notice', textContent: t.error })));
  }

  document.getElementById('ask').addEventListener('submit', (event) => {
    event.preventDefault();
    if (box.value.trim()) ask(box.value.trim());
  });
  // Starter and topic buttons are forms that post their question; with scripts they ask in place.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.id === 'ask' || form.getAttribute('action') !== '/ask') return;
    event.preventDefault();
    const button = event.submitter;
    if (button && button.value) ask(button.value);
  });
})();
