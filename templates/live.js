// Live preview (`rashomon watch`): reload when the timeline file changes, keeping the place on
// the page. Only in pages served by `watch`, whose policy lets the page talk to its server.
function rashomonLive(version) {
  "use strict";
  var KEY = "rashomon-live-scroll";
  try {
    var y = sessionStorage.getItem(KEY);
    if (y !== null) {
      sessionStorage.removeItem(KEY);
      window.scrollTo(0, +y);
    }
  } catch (e) { /* storage refused: start at the top */ }
  function reload() {
    try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (e) { /* no storage */ }
    location.reload();
  }
  if (window.EventSource) {
    var source = new EventSource("/events");
    source.onmessage = function (m) {
      if (m.data !== version) {
        source.close();
        reload();
      }
    };
  } else {
    setInterval(function () {
      var r = new XMLHttpRequest();
      r.open("GET", "/version");
      r.onload = function () { if (r.status === 200 && r.responseText !== version) reload(); };
      r.send();
    }, 1000);
  }
}
