// Filters, search and j/k keys. Progressive enhancement: without this script every event is
// shown and the filter form stays hidden, since it could do nothing.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var box = document.getElementById("filter-box");
  if (!form || !box || !document.querySelectorAll) return;
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  var texts = events.map(function (e) { return e.textContent.toLowerCase().replace(/\s+/g, " "); });
  var entries = {};
  Array.prototype.forEach.call(document.querySelectorAll("#toc li[data-event]"), function (li) {
    entries[li.getAttribute("data-event")] = li;
  });
  var marks = Array.prototype.slice.call(document.querySelectorAll(".chart a[data-event]"));
  var f = form.elements;
  var status = document.getElementById("f-status");

  function has(el, attr, key) {
    return !key || (" " + el.getAttribute(attr) + " ").indexOf(" " + key + " ") >= 0;
  }

  function apply() {
    var words = f.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var src = f.source.value, who = f.claimant.value, tag = f.tag.value;
    var shown = 0;
    events.forEach(function (ev, i) {
      var ok = has(ev, "data-sources", src) && has(ev, "data-claimants", who) &&
        has(ev, "data-tags", tag) &&
        (!f.disputed.checked || ev.getAttribute("data-disputed") === "1") &&
        words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      ev.parentNode.hidden = !ok;
      if (entries[ev.id]) entries[ev.id].hidden = !ok;
      if (ok) shown++;
      Array.prototype.forEach.call(ev.querySelectorAll("li.account"), function (a) {
        var match = (src && a.getAttribute("data-source") === src) ||
          (who && a.getAttribute("data-claimant") === who);
        a.classList.toggle("is-match", !!match);
      });
    });
    var hidden = {};
    events.forEach(function (ev) { if (ev.parentNode.hidden) hidden[ev.id] = true; });
    marks.forEach(function (m) {
      m.classList.toggle("is-filtered", !!hidden[m.getAttribute("data-event")]);
    });
    var total = events.length;
    status.textContent = shown < total
      ? "Showing " + shown + " of " + total + (total === 1 ? " event." : " events.")
      : (total === 1 ? "Showing the only event." : "Showing all " + total + " events.");
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  box.hidden = false;
  apply();

  // On a narrow screen the filters and contents would push the events down: start closed.
  var toc = document.getElementById("toc");
  if (window.matchMedia && !window.matchMedia("(min-width: 64em)").matches) {
    box.open = false;
    if (toc) toc.open = false;
  }

  function move(step) {
    var visible = events.filter(function (ev) { return !ev.parentNode.hidden; });
    if (!visible.length) return;
    var cur = -1;
    visible.forEach(function (ev, i) {
      if (ev.contains(document.activeElement)) cur = i;
    });
    if (cur < 0 || visible[cur].getBoundingClientRect().bottom < 0) {
      cur = -1;
      visible.forEach(function (ev, i) {
        if (ev.getBoundingClientRect().top <= 24) cur = i;
      });
    }
    var next = visible[Math.max(0, Math.min(visible.length - 1, cur + step))];
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "start" });
    if (window.history && history.replaceState) history.replaceState(null, "", "#" + next.id);
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(t.tagName))) {
      if (e.key === "Escape" && t === f.q) f.q.blur();
      return;
    }
    if (e.key === "j" || e.key === "k") {
      e.preventDefault();
      move(e.key === "j" ? 1 : -1);
    } else if (e.key === "/") {
      e.preventDefault();
      box.open = true;
      f.q.focus();
    }
  });
})();
