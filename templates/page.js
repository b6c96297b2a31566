// Filters, search and j/k keys. Progressive enhancement: without this script every event is
// shown and the filter form stays hidden, since it could do nothing.
//
// Search reads the index the page carries (see src/render/search.rs): each event's own words
// and the days its date may cover, never the page's labels. A query is cut into dates in any
// common form ("2016-09-17", "17 Sep", "September 17, 2016", "Sep 2016", "Saturday") and
// words; an event matches when it matches every part, a word by the start of one of its words.
// The filters live in the address (?q=...&source=...), so a filtered view can be shared and
// survives a reload; a link to an event the filters hide shows it anyway.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var box = document.getElementById("filter-box");
  if (!form || !box || !document.querySelectorAll || !window.JSON) return;
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  var entries = {};
  Array.prototype.forEach.call(document.querySelectorAll("#toc li[data-event]"), function (li) {
    entries[li.getAttribute("data-event")] = li;
  });
  var marks = {};
  Array.prototype.forEach.call(document.querySelectorAll(".chart a[data-event]"), function (m) {
    var id = m.getAttribute("data-event");
    (marks[id] = marks[id] || []).push(m);
  });
  var f = form.elements;
  var status = document.getElementById("f-status");
  var list = events.length ? events[0].parentNode.parentNode : null;

  function norm(s) {
    s = String(s || "");
    if (s.normalize) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return s.toLowerCase();
  }
  // Words as the index cuts them: letters and digits of any script.
  var SPLIT;
  try { SPLIT = new RegExp("[^\\p{L}\\p{N}]+", "u"); } catch (e) { SPLIT = /[^0-9a-z\u00c0-\u024f\u0370-\u1fff\u3040-\uffef]+/; }
  function words(s) {
    return norm(s).split(SPLIT).filter(Boolean);
  }

  // The index: one entry per event, in page order. Without it, the event's text (labels too).
  var index = null;
  try {
    var data = document.querySelector("script[data-search-index]");
    index = data ? JSON.parse(data.textContent) : null;
  } catch (e) {
    index = null;
  }
  // Everything a filter asks of an event, read from the page once: filtering then touches
  // the page only where an event's visibility changes.
  var docs = events.map(function (ev, i) {
    var entry = index && index.length === events.length ? index[i] : null;
    return {
      text: " " + words(entry ? entry.w : ev.textContent).join(" ") + " ",
      days: entry ? entry.d : null,
      keys: {
        "data-sources": " " + ev.getAttribute("data-sources") + " ",
        "data-claimants": " " + ev.getAttribute("data-claimants") + " ",
        "data-tags": " " + ev.getAttribute("data-tags") + " "
      },
      disputed: ev.getAttribute("data-disputed") === "1",
      item: ev.parentNode,
      shown: !ev.parentNode.hidden
    };
  });

  // Dates in a query.
  var MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
  var MON = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  var DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  var WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  var WD = "(sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)\\.?";
  function month(name) { return MONTHS[name.slice(0, 3)]; }
  function num(s) { return s ? parseInt(s, 10) : null; }
  function valid(y, m, d) {
    return m >= 1 && m <= 12 && (d === null || (d >= 1 && d <= 31));
  }
  // Each rule: a pattern and what it gives. `alone` terms (a bare year, month or weekday)
  // also match as a word, so "may" and "2016" still find the text.
  var RULES = [
    [new RegExp("(?:^|[^\\d])(-?\\d{4})([-/.])(\\d{1,2})(?:\\2(\\d{1,2}))?(?![\\d])"), function (m) {
      return [{ y: num(m[1]), m: num(m[3]), d: num(m[4]) }];
    }],
    [/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/, function (m) {
      var a = num(m[1]), b = num(m[2]), y = num(m[3]), out = [];
      if (valid(y, b, a)) out.push({ y: y, m: b, d: a });
      if (a !== b && valid(y, a, b)) out.push({ y: y, m: a, d: b });
      return out;
    }],
    [new RegExp("\\b" + DAY + "(?:\\s+of)?\\s+" + MON + "(?:,?\\s+(\\d{4}))?\\b"), function (m) {
      return [{ y: num(m[3]), m: month(m[2]), d: num(m[1]) }];
    }],
    [new RegExp("\\b" + MON + "\\s+" + DAY + "\\b(?:,?\\s+(\\d{4})\\b)?"), function (m) {
      return [{ y: num(m[3]), m: month(m[1]), d: num(m[2]) }];
    }],
    [new RegExp("\\b" + MON + ",?\\s+(\\d{4})\\b"), function (m) {
      return [{ y: num(m[2]), m: month(m[1]), d: null }];
    }],
    [new RegExp("\\b" + WD + "(?=\\s|$|,)"), function (m) {
      return [{ wd: WEEKDAYS.indexOf(m[1].slice(0, 3)), alone: m[0].replace(/[.,]$/, "") }];
    }],
    [new RegExp("\\b" + MON + "(?=\\s|$|,)"), function (m) {
      return [{ y: null, m: month(m[1]), d: null, alone: m[0].replace(/\.$/, "") }];
    }],
    [/\b(\d{4})\b/, function (m) {
      return [{ y: num(m[1]), m: null, d: null, alone: m[1] }];
    }]
  ];

  // A query: every part must match. A part is a list of alternatives (a date read two ways).
  // Rules apply in turn; what one reads as a date leaves the text, and what is no real date
  // ("2016-2017", "45 Sep") stays for the next rules and, at the end, as words.
  function parse(q) {
    var rest = " " + norm(q).replace(/\s+/g, " ") + " ";
    var parts = [];
    RULES.forEach(function (rule) {
      var re = new RegExp(rule[0].source, "g"), m, kept = "", last = 0;
      while ((m = re.exec(rest))) {
        var alts = rule[1](m).filter(function (t) { return t.wd !== undefined || valid(t.y, t.m || 1, t.d); });
        if (alts.length) {
          parts.push({ dates: alts, word: alts[0].alone ? words(alts[0].alone)[0] : null });
          kept += rest.slice(last, m.index) + " ";
          last = m.index + m[0].length;
        }
        if (!m[0].length) re.lastIndex++;
      }
      rest = kept + rest.slice(last);
    });
    words(rest).forEach(function (w) { parts.push({ dates: [], word: w }); });
    return parts;
  }

  function ymd(n) {
    var y = Math.floor(n / 10000), r = n - y * 10000;
    return [y, Math.floor(r / 100), r % 100];
  }
  function weekday(n) {
    var p = ymd(n), d = new Date(Date.UTC(2000, p[1] - 1, p[2]));
    d.setUTCFullYear(p[0]);
    return d.getUTCDay();
  }
  // The days [a, b] a date term covers in year y.
  function span(t, y) {
    var base = y * 10000;
    if (t.m === null) return [base + 101, base + 1231];
    if (t.d === null) return [base + t.m * 100 + 1, base + t.m * 100 + 31];
    return [base + t.m * 100 + t.d, base + t.m * 100 + t.d];
  }
  // A point is found by a term whose days hold all of its own; an interval by a term that
  // shares a day with it.
  function dateMatch(days, t) {
    if (!days) return false;
    var lo = days[0], hi = days[1], interval = days[2] === 1;
    if (t.wd !== undefined) return !interval && lo !== null && lo === hi && weekday(lo) === t.wd;
    function test(s) {
      return interval
        ? (lo === null || lo <= s[1]) && (hi === null || hi >= s[0])
        : lo !== null && hi !== null && lo >= s[0] && hi <= s[1];
    }
    if (t.y !== null) return test(span(t, t.y));
    if (lo === null && hi === null) return false;
    var y0 = lo === null ? ymd(hi)[0] - 1 : ymd(lo)[0];
    var y1 = hi === null ? y0 + 1 : ymd(hi)[0];
    for (var y = y0; y <= y1 && y <= y0 + 500; y++) if (test(span(t, y))) return true;
    return false;
  }
  function partMatch(doc, part) {
    if (part.word && doc.text.indexOf(" " + part.word) >= 0) return true;
    return part.dates.some(function (t) { return dateMatch(doc.days, t); });
  }

  function has(i, attr, key) {
    return !key || docs[i].keys[attr].indexOf(" " + key + " ") >= 0;
  }

  // The criteria in force, each a test of one event, with a label for "no results".
  function criteria() {
    var out = [];
    var q = f.q.value.trim();
    if (q) {
      var parts = parse(q);
      out.push({ label: "\u201c" + q + "\u201d", test: function (ev, i) {
        return parts.every(function (p) { return partMatch(docs[i], p); });
      } });
    }
    [["source", "data-sources", "source"], ["claimant", "data-claimants", "claimant"], ["tag", "data-tags", "tag"]]
      .forEach(function (c) {
        var el = f[c[0]], key = el.value;
        if (!key) return;
        var label = c[2] + " " + (el.options[el.selectedIndex] ? el.options[el.selectedIndex].text : key);
        out.push({ label: label, test: function (ev, i) { return has(i, c[1], key); } });
      });
    if (f.disputed.checked) {
      out.push({ label: "disputed only", test: function (ev, i) { return docs[i].disputed; } });
    }
    return out;
  }

  // The event a link points at (the event itself, or something inside it), if any.
  function linked() {
    var id = location.hash.slice(1);
    if (!id) return null;
    try { id = decodeURIComponent(id); } catch (e) { return null; }
    var el = document.getElementById(id);
    return el && el.closest ? el.closest("article.event") : null;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function whenOf(ev) {
    var w = ev.querySelector(".event-when");
    return w ? w.textContent.trim() : "";
  }

  function clearGaps() {
    Array.prototype.forEach.call(document.querySelectorAll("li.gap"), function (g) { g.parentNode.removeChild(g); });
    Array.prototype.forEach.call(document.querySelectorAll("p.pin-note"), function (p) { p.parentNode.removeChild(p); });
  }

  // Where hidden events were: a line in their place (before `before`, or at the end), with
  // how many and when.
  function gap(run, before, extra) {
    var li = document.createElement("li");
    li.className = "gap";
    var first = whenOf(run[0]), last = whenOf(run[run.length - 1]);
    var text = plural(run.length, "event", "events") + " hidden here";
    if (first) text += " \u00b7 " + (first === last ? first : first + " \u2013 " + last);
    var p = document.createElement("p");
    p.textContent = text;
    li.appendChild(p);
    if (extra) li.appendChild(extra);
    list.insertBefore(li, before);
  }

  function noResults(crit) {
    var box = document.createElement("div");
    box.className = "no-results";
    var p = document.createElement("p");
    p.textContent = "No event matches " + crit.map(function (c) { return c.label; }).join(" with ") + ".";
    box.appendChild(p);
    if (crit.length > 1) {
      var alone = crit.map(function (c) {
        var n = events.filter(function (ev, i) { return c.test(ev, i); }).length;
        return c.label + " alone: " + plural(n, "event", "events");
      });
      var q = document.createElement("p");
      q.textContent = alone.join("; ") + ".";
      box.appendChild(q);
    }
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = "Show everything";
    b.addEventListener("click", function () { form.reset(); });
    box.appendChild(b);
    return box;
  }

  // The source and claimant whose accounts are highlighted now.
  var lit = { source: "", claimant: "" };
  function highlight(src, who) {
    if (src === lit.source && who === lit.claimant) return;
    // Only events holding the old or the new key have accounts to change.
    var keys = [["data-sources", lit.source], ["data-sources", src], ["data-claimants", lit.claimant], ["data-claimants", who]];
    docs.forEach(function (d, i) {
      if (!keys.some(function (k) { return k[1] && has(i, k[0], k[1]); })) return;
      Array.prototype.forEach.call(events[i].querySelectorAll("li.account"), function (a) {
        var match = (src && a.getAttribute("data-source") === src) ||
          (who && a.getAttribute("data-claimant") === who);
        a.classList.toggle("is-match", !!match);
      });
    });
    lit = { source: src, claimant: who };
  }

  function apply() {
    clearGaps();
    var crit = criteria();
    var target = linked();
    var shown = 0, pinned = false;
    var visible = events.map(function (ev, i) {
      var ok = crit.every(function (c) { return c.test(ev, i); });
      if (ok) shown++;
      if (!ok && ev === target) {
        ok = pinned = true;
        var note = document.createElement("p");
        note.className = "pin-note";
        note.textContent = "Shown because the address points to it: it does not match the filters.";
        ev.querySelector(".event-body").insertBefore(note, ev.querySelector(".event-body").firstChild);
      }
      var d = docs[i];
      if (d.shown !== ok) {
        d.shown = ok;
        d.item.hidden = !ok;
        if (entries[ev.id]) entries[ev.id].hidden = !ok;
        (marks[ev.id] || []).forEach(function (m) { m.classList.toggle("is-filtered", !ok); });
      }
      return ok;
    });
    highlight(f.source.value, f.claimant.value);
    // A line where each run of hidden events was; with nothing shown, why.
    var run = [];
    events.forEach(function (ev, i) {
      if (!visible[i]) run.push(ev);
      if ((visible[i] || i === events.length - 1) && run.length) {
        gap(run, visible[i] ? ev.parentNode : null, shown === 0 && !pinned ? noResults(crit) : null);
        run = [];
      }
    });
    var total = events.length;
    var text = shown === 0 ? "No event matches." :
      shown < total ? "Showing " + shown + " of " + total + (total === 1 ? " event." : " events.") :
      (total === 1 ? "Showing the only event." : "Showing all " + total + " events.");
    if (pinned) text += " The event the address points to is shown too.";
    status.textContent = text;
    return target;
  }

  // The filters in the address, so a view can be shared and survives a reload.
  var FIELDS = ["q", "source", "claimant", "tag"];
  function fromAddress() {
    var p = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var v = p.get(name) || "";
      var el = f[name];
      if (el.tagName === "SELECT") {
        var ok = Array.prototype.some.call(el.options, function (o) { return o.value === v; });
        el.value = ok ? v : "";
      } else {
        el.value = v;
      }
    });
    f.disputed.checked = p.get("disputed") === "1";
  }
  function toAddress() {
    if (!window.history || !history.replaceState) return;
    var p = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var v = f[name].value.trim();
      if (v) p.set(name, v); else p.delete(name);
    });
    if (f.disputed.checked) p.set("disputed", "1"); else p.delete("disputed");
    var s = p.toString();
    var url = location.pathname + (s ? "?" + s : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    try { history.replaceState(history.state, "", url); } catch (e) { /* a file: page may refuse */ }
  }

  function changed() {
    apply();
    toAddress();
  }

  function reveal(target, now) {
    if (target) target.scrollIntoView({ block: "start", behavior: now ? "instant" : "auto" });
  }

  // Typing is debounced (a burst of keys filters once); a list or box filters on its change
  // alone, not on input and change both.
  var typing = 0;
  form.addEventListener("input", function (e) {
    if (e.target !== f.q) return;
    clearTimeout(typing);
    typing = setTimeout(changed, 60);
  });
  form.addEventListener("change", function (e) {
    if (e.target === f.q) return;
    changed();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(changed, 0); });
  window.addEventListener("hashchange", function () { reveal(apply()); });
  window.addEventListener("popstate", function () { fromAddress(); apply(); });
  box.hidden = false;
  fromAddress();
  var first = apply();
  if (first && location.search) reveal(first, true);

  // On a narrow screen the filters and contents would push the events down: start closed,
  // unless the address holds filters.
  var toc = document.getElementById("toc");
  if (window.matchMedia && !window.matchMedia("(min-width: 64em)").matches) {
    if (!location.search) box.open = false;
    if (toc) toc.open = false;
  }

  function move(step) {
    var visible = events.filter(function (ev, i) { return docs[i].shown; });
    if (!visible.length) return;
    var cur = -1;
    visible.forEach(function (ev, i) {
      if (ev.contains(document.activeElement)) cur = i;
    });
    if (cur < 0 || visible[cur].getBoundingClientRect().bottom < 0) {
      // The last event whose top is above the fold: events are in page order, so a binary
      // search measures a few of them instead of every one.
      var lo = 0, hi = visible.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (visible[mid].getBoundingClientRect().top <= 24) lo = mid + 1; else hi = mid;
      }
      cur = lo - 1;
    }
    var next = visible[Math.max(0, Math.min(visible.length - 1, cur + step))];
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "start" });
    if (window.history && history.replaceState) {
      try { history.replaceState(history.state, "", location.pathname + location.search + "#" + next.id); } catch (e) { /* ignore */ }
    }
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
