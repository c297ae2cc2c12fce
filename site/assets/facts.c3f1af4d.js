/* sourced: fact and citation cards. Without this script a fact value or citation is a plain
   link to its box or reference. With it, hover or focus shows that box as a card (tooltip
   pattern: aria-describedby, Escape closes, the pointer may move onto it); a box on another
   page is fetched once, cached, and announced when it arrives. */
(() => {
  'use strict';
  if (!window.fetch || !window.DOMParser) return;
  const SEL = 'a.fact, sup.cite a';
  const pages = {};
  const main = document.querySelector('main') || document.body;
  const live = document.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  main.appendChild(live);
  let card = null, owner = null, timer = 0, n = 0, over = false;

  const trigger = (el) => {
    const a = el && el.closest ? el.closest(SEL) : null;
    return a && !a.closest('.fact-card') ? a : null;
  };
  const drop = (el) => el && el.remove();
  const later = (fn) => { clearTimeout(timer); timer = setTimeout(fn, 200); };

  // The box's page (null: this page) and id; null for a link that leaves the site.
  function target(a) {
    const u = new URL(a.href, location.href);
    if (u.origin !== location.origin || u.hash.length < 2) return null;
    return { id: decodeURIComponent(u.hash.slice(1)),
      page: u.pathname === location.pathname ? null : u.origin + u.pathname };
  }

  function lookup(t) {
    if (!t.page) return Promise.resolve(document.getElementById(t.id));
    pages[t.page] = pages[t.page] || fetch(t.page, { credentials: 'same-origin' })
      .then((r) => { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then((html) => new DOMParser().parseFromString(html, 'text/html'))
      .catch(() => { delete pages[t.page]; return null; });
    return pages[t.page].then((doc) => doc && doc.getElementById(t.id));
  }

  // The number this page's reference list gives a source, or 0 when it does not list it.
  function localNumber(id) {
    const li = document.getElementById('ref-' + id);
    return li && li.parentNode ? [...li.parentNode.children].indexOf(li) + 1 : 0;
  }

  // The box as a card, showing what the box shows: no ids or landmark, links out of the tab
  // order, fetched links absolute. A box fetched from another page numbers its sources as that
  // page does; each number becomes this page's, and links to this page's reference list.
  function copy(box, t, a) {
    const div = document.createElement('div');
    const ref = box.tagName === 'LI';
    div.className = ref ? 'ref-card' : box.className;
    if (ref) {
      const kind = document.createElement('p');
      kind.className = 'fact-card-kind';
      kind.textContent = (document.body.getAttribute('data-msg-reference') || '{number}')
        .replace('{number}', a.textContent.trim());
      div.appendChild(kind);
    }
    for (const c of box.childNodes) div.appendChild(c.cloneNode(true));
    div.querySelectorAll('[id],[aria-labelledby]').forEach((e) => {
      e.removeAttribute('id'); e.removeAttribute('aria-labelledby');
    });
    div.querySelectorAll('a[href]').forEach((l) => {
      const ref = /#ref-(.+)$/.exec(l.getAttribute('href'));
      const id = ref ? ref[1] : null;
      const num = id && t.page ? l.querySelector('.ref-number') : null;
      if (num) {
        const local = localNumber(id);
        if (local) {
          num.textContent = '[' + local + ']';
          l.setAttribute('href', '#ref-' + id);
        } else {
          drop(num);
          l.textContent = l.textContent.trim();
          l.href = new URL(l.getAttribute('href'), t.page).href;
        }
      } else if (t.page) {
        l.href = new URL(l.getAttribute('href'), t.page).href;
      }
      l.tabIndex = -1;
    });
    return div;
  }

  function open(a, focused) {
    clearTimeout(timer);
    if (owner === a) return;
    close();
    const t = target(a);
    if (!t) return;
    owner = a;
    lookup(t).then((box) => {
      if (owner !== a) return;
      if (!box) { owner = null; return; }
      card = document.createElement('div');
      card.className = 'fact-card';
      card.id = 'fact-card-' + (++n);
      card.setAttribute('role', 'tooltip');
      card.appendChild(copy(box, t, a));
      card.addEventListener('mouseenter', () => { over = true; clearTimeout(timer); });
      card.addEventListener('mouseleave', () => { over = false; later(close); });
      main.appendChild(card);
      a.setAttribute('aria-describedby', card.id);
      place();
      if (t.page && focused && document.activeElement === a) {
        live.textContent = [...card.querySelectorAll('.factbox-label, .factbox-value, .fact-used dt, .fact-status')]
          .map((e) => e.textContent.trim()).join('. ');
      }
    });
  }

  function place() {
    const r = owner.getBoundingClientRect();
    const w = card.offsetWidth, h = card.offsetHeight;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - w - 8));
    let top = r.bottom + 6;
    if (top + h > innerHeight && r.top - h - 6 > 0) top = r.top - h - 6;
    card.style.left = left + scrollX + 'px';
    card.style.top = top + scrollY + 'px';
  }

  function close() {
    clearTimeout(timer);
    if (owner) owner.removeAttribute('aria-describedby');
    drop(card);
    card = owner = null;
    over = false;
  }

  document.addEventListener('mouseover', (e) => {
    const a = trigger(e.target);
    if (a && a !== owner) later(() => open(a, false));
    else if (a) clearTimeout(timer);
  });
  document.addEventListener('mouseout', (e) => {
    const a = trigger(e.target);
    if (a && !a.contains(e.relatedTarget) && document.activeElement !== a) {
      later(() => { if (!over) close(); });
    }
  });
  document.addEventListener('focusin', (e) => { const a = trigger(e.target); if (a) open(a, true); });
  document.addEventListener('focusout', (e) => { if (owner && trigger(e.target) === owner && !over) close(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && owner) close(); });
  document.addEventListener('click', (e) => { if (trigger(e.target)) close(); });
  addEventListener('resize', () => { if (card) place(); });
})();
