/* sourced fact and citation cards. Without this script fact values and citations are plain
   links to their box or reference; with it, hover or focus shows that box as a card (tooltip
   pattern: aria-describedby, Escape closes, hoverable). Boxes on other pages are fetched once. */
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.URL) return;
  var TRIGGERS = 'a.fact, sup.cite a';
  var pages = {};
  var card = null, owner = null, timer = 0, count = 0, hovered = false;
  var live = document.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);

  function trigger(node) {
    var a = node && node.closest ? node.closest(TRIGGERS) : null;
    return a && !a.closest('.fact-card') ? a : null;
  }

  // The box's page and id, or null for a link that leaves the site.
  function target(a) {
    var u = new URL(a.href, location.href);
    if (u.origin !== location.origin || u.hash.length < 2) return null;
    var here = u.pathname === location.pathname;
    return { id: decodeURIComponent(u.hash.slice(1)), page: here ? null : u.origin + u.pathname };
  }

  function lookup(t) {
    if (!t.page) return Promise.resolve(document.getElementById(t.id));
    if (!pages[t.page]) {
      pages[t.page] = fetch(t.page, { credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (html) { return new DOMParser().parseFromString(html, 'text/html'); })
        .catch(function () { delete pages[t.page]; return null; });
    }
    return pages[t.page].then(function (doc) { return doc && doc.getElementById(t.id); });
  }

  // The box as a card: no ids or landmark, links out of the tab order, fetched links absolute.
  function copy(box, t, a) {
    var div = document.createElement('div');
    div.className = box.className + (box.tagName === 'LI' ? ' ref-card' : '');
    if (box.tagName === 'LI') {
      var kind = document.createElement('p');
      kind.className = 'fact-card-kind';
      kind.textContent = 'Reference ' + a.textContent.trim();
      div.appendChild(kind);
    }
    for (var n = box.firstChild; n; n = n.nextSibling) div.appendChild(n.cloneNode(true));
    if (div.querySelector('.value-chart')) drop(div.querySelector('.factbox-values'));
    var also = div.querySelector('.also-cited');
    if (also) { drop(also.parentNode.previousElementSibling); drop(also.parentNode); }
    Array.prototype.forEach.call(div.querySelectorAll('[id],[aria-labelledby]'), function (e) {
      e.removeAttribute('id'); e.removeAttribute('aria-labelledby');
    });
    Array.prototype.forEach.call(div.querySelectorAll('a[href]'), function (l) {
      if (t.page) l.href = new URL(l.getAttribute('href'), t.page).href;
      l.tabIndex = -1;
    });
    return div;
  }

  function drop(e) { if (e && e.parentNode) e.parentNode.removeChild(e); }

  function summary(box) {
    var label = box.querySelector('.factbox-label');
    var value = box.querySelector('.factbox-value, .fact-used td');
    var status = box.querySelector('.fact-status');
    return [label, value, status].filter(Boolean).map(function (e) {
      return e.textContent.trim();
    }).join('. ');
  }

  function open(a, byKeyboard) {
    clearTimeout(timer);
    if (owner === a) return;
    close();
    var t = target(a);
    if (!t) return;
    owner = a;
    lookup(t).then(function (box) {
      if (owner !== a) return;
      if (!box) { owner = null; return; }
      card = document.createElement('div');
      card.className = 'fact-card';
      card.id = 'fact-card-' + (++count);
      card.setAttribute('role', 'tooltip');
      card.appendChild(copy(box, t, a));
      card.addEventListener('mouseenter', function () { hovered = true; clearTimeout(timer); });
      card.addEventListener('mouseleave', function () { hovered = false; later(close); });
      document.body.appendChild(card);
      a.setAttribute('aria-describedby', card.id);
      place(a);
      if (t.page && byKeyboard && document.activeElement === a) live.textContent = summary(box);
    });
  }

  function place(a) {
    var r = a.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var w = card.offsetWidth, h = card.offsetHeight;
    var left = Math.max(8, Math.min(r.left, width - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight && r.top - h - 6 > 0) top = r.top - h - 6;
    card.style.left = (left + window.scrollX) + 'px';
    card.style.top = (top + window.scrollY) + 'px';
  }

  function close() {
    clearTimeout(timer);
    if (owner) owner.removeAttribute('aria-describedby');
    drop(card);
    card = null; owner = null; hovered = false;
  }

  function later(fn, a) { clearTimeout(timer); timer = setTimeout(function () { fn(a); }, 200); }

  document.addEventListener('mouseover', function (e) {
    var a = trigger(e.target);
    if (a && a !== owner) later(open, a);
    else if (a) clearTimeout(timer);
  });
  document.addEventListener('mouseout', function (e) {
    var a = trigger(e.target);
    if (a && !a.contains(e.relatedTarget) && document.activeElement !== a) {
      later(function () { if (!hovered) close(); });
    }
  });
  document.addEventListener('focusin', function (e) {
    var a = trigger(e.target);
    if (a) open(a, true);
  });
  document.addEventListener('focusout', function (e) {
    if (trigger(e.target) === owner && !hovered) close();
  });
  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Escape' || e.key === 'Esc') && owner) close();
  });
  document.addEventListener('click', function (e) { if (trigger(e.target)) close(); });
  window.addEventListener('resize', function () { if (card) place(owner); });
})();
