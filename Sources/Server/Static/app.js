// Chengxiang 城乡 — the little JavaScript the pages need, served by the program (no CDN).
// Map: pan (drag), zoom (wheel, buttons), layer toggles, detail card. Tables: sort and filter.
(function () {
  "use strict";

  function setupMap() {
    var svg = document.getElementById("county-map");
    if (!svg) return;
    var box = svg.viewBox.baseVal;
    var home = { x: box.x, y: box.y, w: box.width, h: box.height };
    // Zoom stays between the whole county at half size and forty times closer.
    function zoom(factor, cx, cy) {
      var w = Math.min(home.w * 2, Math.max(home.w / 40, box.width * factor));
      factor = w / box.width;
      var nx = cx - (cx - box.x) * factor, ny = cy - (cy - box.y) * factor;
      svg.setAttribute("viewBox", [nx, ny, box.width * factor, box.height * factor].join(" "));
    }
    function toMap(evt) {
      var r = svg.getBoundingClientRect();
      return { x: box.x + (evt.clientX - r.left) / r.width * box.width, y: box.y + (evt.clientY - r.top) / r.height * box.height };
    }
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      var p = toMap(evt);
      zoom(evt.deltaY > 0 ? 1.2 : 1 / 1.2, p.x, p.y);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (evt) { drag = { x: evt.clientX, y: evt.clientY, bx: box.x, by: box.y }; });
    window.addEventListener("pointerup", function () { drag = null; });
    svg.addEventListener("pointermove", function (evt) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      var dx = (evt.clientX - drag.x) / r.width * box.width, dy = (evt.clientY - drag.y) / r.height * box.height;
      svg.setAttribute("viewBox", [drag.bx - dx, drag.by - dy, box.width, box.height].join(" "));
    });
    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var z = b.getAttribute("data-zoom");
        if (z === "home") { svg.setAttribute("viewBox", [home.x, home.y, home.w, home.h].join(" ")); return; }
        zoom(z === "in" ? 1 / 1.5 : 1.5, box.x + box.width / 2, box.y + box.height / 2);
      });
    });
    document.querySelectorAll("input[data-layer]").forEach(function (input) {
      input.addEventListener("change", function () {
        var g = document.getElementById("layer-" + input.getAttribute("data-layer"));
        if (g) g.style.display = input.checked ? "" : "none";
      });
    });
    var card = document.getElementById("detail-card");
    function closeCard() { if (card) card.hidden = true; }
    document.addEventListener("keydown", function (evt) { if (evt.key === "Escape") closeCard(); });
    svg.addEventListener("click", function (evt) {
      var t = evt.target;
      if (!card || !t || !t.getAttribute) return;
      // A click on the map itself, not on a place, closes the card.
      if (!t.hasAttribute("data-label")) { closeCard(); return; }
      var rows = [];
      for (var i = 0; i < t.attributes.length; i++) {
        var a = t.attributes[i];
        if (a.name.indexOf("data-field-") === 0) rows.push([a.name.substring(11), a.value]);
      }
      card.textContent = "";
      var close = document.createElement("button");
      close.type = "button";
      close.className = "card-close";
      close.textContent = "×";
      close.setAttribute("aria-label", card.getAttribute("data-close-text"));
      close.addEventListener("click", closeCard);
      card.appendChild(close);
      var h = document.createElement("strong");
      h.textContent = t.getAttribute("data-label");
      card.appendChild(h);
      var quality = t.getAttribute("data-quality") ||
        (t.classList.contains("illustrative") ? "illustrative" : t.classList.contains("approximate") ? "approximate" : "");
      if (quality === "illustrative" || quality === "approximate") {
        var n = document.createElement("div");
        n.className = "illustrative-note";
        n.textContent = card.getAttribute("data-" + quality + "-text");
        card.appendChild(n);
      }
      rows.forEach(function (r) {
        var d = document.createElement("div");
        d.textContent = r[1];
        card.appendChild(d);
      });
      var link = t.getAttribute("data-href");
      if (link) { var l = document.createElement("a"); l.href = link; l.textContent = card.getAttribute("data-more-text"); card.appendChild(l); }
      card.hidden = false;
    });
  }

  function setupTables() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var heads = table.querySelectorAll("th");
      heads.forEach(function (th, index) {
        th.classList.add("sortable");
        th.addEventListener("click", function () {
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
          var asc = th.getAttribute("data-dir") !== "asc";
          heads.forEach(function (h) { h.removeAttribute("data-dir"); });
          th.setAttribute("data-dir", asc ? "asc" : "desc");
          rows.sort(function (a, b) {
            var x = a.cells[index].getAttribute("data-sort") || a.cells[index].textContent;
            var y = b.cells[index].getAttribute("data-sort") || b.cells[index].textContent;
            var nx = parseFloat(x), ny = parseFloat(y);
            var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
            return asc ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
    var filter = document.getElementById("table-filter"), flag = document.getElementById("flag-filter");
    function apply() {
      var text = filter ? filter.value.trim() : "", f = flag ? flag.value : "";
      document.querySelectorAll("table.filterable tbody tr").forEach(function (row) {
        var show = (!text || row.textContent.indexOf(text) >= 0) && (!f || (row.getAttribute("data-flags") || "").split(" ").indexOf(f) >= 0);
        row.style.display = show ? "" : "none";
      });
    }
    if (filter) filter.addEventListener("input", apply);
    if (flag) flag.addEventListener("change", apply);
  }

  function setupJobs() {
    var box = document.getElementById("job-progress");
    if (!box) return;
    var url = box.getAttribute("data-poll");
    function poll() {
      fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) { return r.json(); }).then(function (job) {
        box.textContent = job.message || job.state;
        if (job.state === "done" && job.redirect) { window.location = job.redirect; return; }
        if (job.state !== "failed") setTimeout(poll, 500);
      });
    }
    poll();
  }

  // The laid-out width of the page, on the root element: a page wider than the screen is a
  // defect, and the browser tests read this from the DOM at 390 and 1280 px.
  function recordWidth() {
    document.documentElement.setAttribute("data-layout-width", String(document.documentElement.scrollWidth));
  }

  function setupPrint() {
    document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });
    // A button that deletes asks first.
    document.querySelectorAll("[data-confirm]").forEach(function (b) {
      b.addEventListener("click", function (evt) { if (!window.confirm(b.getAttribute("data-confirm"))) evt.preventDefault(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setupMap(); setupTables(); setupJobs(); setupPrint(); recordWidth(); });
  window.addEventListener("load", recordWidth);
})();
