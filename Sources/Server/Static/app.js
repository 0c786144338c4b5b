// Chengxiang 城乡 — the little JavaScript the pages need, served by the program (no CDN).
// Map: pan (drag), zoom (wheel, buttons), layer toggles, detail card. Tables: sort and filter.
(function () {
  "use strict";

  function setupMap() {
    var svg = document.getElementById("county-map");
    if (!svg) return;
    var view = document.getElementById("viewport");
    var box = svg.viewBox.baseVal;
    // The map moves and zooms inside its frame: #viewport is drawn at translate(tx, ty) scale(s).
    // Zoom stays between the whole county at half size and forty times closer. Markers, labels
    // and lines keep their size on the screen; the scale bar below is redrawn for the zoom.
    var state = { s: 1, tx: 0, ty: 0 };
    var dots = svg.querySelectorAll("#viewport circle");
    dots.forEach(function (c) { c.setAttribute("data-r0", c.getAttribute("r")); });
    var paths = svg.querySelectorAll("#viewport path[stroke-width]");
    paths.forEach(function (p) { p.setAttribute("data-w0", p.getAttribute("stroke-width")); });
    var labels = svg.querySelectorAll("#layer-labels text");
    // `panOnly`: the zoom has not changed, so sizes and labels stay as they are.
    function redraw(panOnly) {
      view.setAttribute("transform", "translate(" + state.tx + " " + state.ty + ") scale(" + state.s + ")");
      if (panOnly) return;
      dots.forEach(function (c) { c.setAttribute("r", c.getAttribute("data-r0") / state.s); });
      paths.forEach(function (p) { p.setAttribute("stroke-width", p.getAttribute("data-w0") / state.s); });
      placeLabels();
      var bar = document.getElementById("scale-bar");
      if (bar) {
        var perUnit = bar.getAttribute("data-metres-per-unit") / state.s;
        var target = bar.getAttribute("data-width") * perUnit / 1000;
        var magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        var km = magnitude;
        [1, 2, 5, 10].forEach(function (m) { if (m * magnitude <= target) km = m * magnitude; });
        var rect = bar.querySelector("rect"), texts = bar.querySelectorAll("text");
        var width = km * 1000 / perUnit;
        rect.setAttribute("width", width);
        texts[1].setAttribute("x", +rect.getAttribute("x") + width);
        texts[1].textContent = (km >= 1 ? String(km) : km.toPrecision(1)) + " " + bar.getAttribute("data-unit");
      }
    }
    // Labels never overlap: each, in document order, goes right, left, above or below its marker,
    // whichever is free of the labels already placed; one with no free place is hidden (it shows
    // again on zooming in, where there is room).
    function placeLabels() {
      var placed = [];
      // Map units per screen pixel: on a phone the whole map is drawn small, the names stay 12 px.
      var width = svg.getBoundingClientRect().width, k = width > 0 ? Math.max(1, box.width / width) : 1;
      labels.forEach(function (t) {
        var x = +t.getAttribute("data-x"), y = +t.getAttribute("data-y"), gap = (+t.getAttribute("data-r") + 3 * k) / state.s;
        t.setAttribute("font-size", 12 * k / state.s);
        t.style.display = "";
        var spots = [[x + gap, y + 4 * k / state.s, "start"], [x - gap, y + 4 * k / state.s, "end"],
          [x, y - gap - 2 * k / state.s, "middle"], [x, y + gap + 10 * k / state.s, "middle"]];
        for (var i = 0; i < spots.length; i++) {
          t.setAttribute("x", spots[i][0]); t.setAttribute("y", spots[i][1]); t.setAttribute("text-anchor", spots[i][2]);
          var b = t.getBBox();
          var free = placed.every(function (p) { return b.x + b.width <= p.x || p.x + p.width <= b.x || b.y + b.height <= p.y || p.y + p.height <= b.y; });
          if (free) { placed.push({ x: b.x, y: b.y, width: b.width, height: b.height }); t.setAttribute("data-placed", String(i)); return; }
        }
        t.style.display = "none";
        t.setAttribute("data-placed", "none");
      });
    }
    function zoom(factor, cx, cy) {
      var s = Math.min(40, Math.max(0.5, state.s * factor));
      factor = s / state.s;
      state.tx = cx - (cx - state.tx) * factor;
      state.ty = cy - (cy - state.ty) * factor;
      state.s = s;
      redraw();
    }
    function toMap(x, y) {
      var r = svg.getBoundingClientRect();
      return { x: box.x + (x - r.left) / r.width * box.width, y: box.y + (y - r.top) / r.height * box.height };
    }
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      var p = toMap(evt.clientX, evt.clientY);
      zoom(evt.deltaY > 0 ? 1 / 1.2 : 1.2, p.x, p.y);
    }, { passive: false });
    // One pointer pans; two (a pinch on a phone) zoom around their middle.
    var pointers = {};
    function pair() {
      var ids = Object.keys(pointers);
      if (ids.length !== 2) return null;
      var a = pointers[ids[0]], b = pointers[ids[1]];
      return { d: Math.hypot(a.x - b.x, a.y - b.y), mid: toMap((a.x + b.x) / 2, (a.y + b.y) / 2) };
    }
    svg.addEventListener("pointerdown", function (evt) { pointers[evt.pointerId] = { x: evt.clientX, y: evt.clientY }; });
    function lift(evt) { delete pointers[evt.pointerId]; }
    window.addEventListener("pointerup", lift);
    window.addEventListener("pointercancel", lift);
    svg.addEventListener("pointermove", function (evt) {
      var last = pointers[evt.pointerId];
      if (!last) return;
      var before = pair();
      pointers[evt.pointerId] = { x: evt.clientX, y: evt.clientY };
      var after = pair();
      if (before && after && before.d > 0) {
        zoom(after.d / before.d, after.mid.x, after.mid.y);
        return;
      }
      if (Object.keys(pointers).length !== 1) return;
      var r = svg.getBoundingClientRect();
      state.tx += (evt.clientX - last.x) / r.width * box.width;
      state.ty += (evt.clientY - last.y) / r.height * box.height;
      redraw(true);
    });
    var frame = svg.querySelector("#map-frame rect");
    var middle = { x: box.x + box.width / 2, y: box.y + (frame ? +frame.getAttribute("height") : box.height) / 2 };
    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var z = b.getAttribute("data-zoom");
        if (z === "home") { state = { s: 1, tx: 0, ty: 0 }; redraw(); return; }
        zoom(z === "in" ? 1.5 : 1 / 1.5, middle.x, middle.y);
      });
    });
    // A link can open the map zoomed: /map#zoom=4 (around the middle).
    var asked = /zoom=([0-9.]+)/.exec(window.location.hash);
    if (asked) zoom(+asked[1], middle.x, middle.y); else placeLabels();
    document.querySelectorAll("input[data-layer]").forEach(function (input) {
      input.addEventListener("change", function () {
        var g = document.getElementById("layer-" + input.getAttribute("data-layer"));
        if (g) g.style.display = input.checked ? "" : "none";
        if (input.getAttribute("data-layer") === "townships") { labels.forEach(function (t) { t.style.visibility = input.checked ? "" : "hidden"; }); }
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
      var heads = table.tHead.rows[0].cells;
      Array.prototype.forEach.call(heads, function (th, index) {
        th.classList.add("sortable");
        th.tabIndex = 0;
        function sort() {
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
          var asc = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", asc ? "ascending" : "descending");
          rows.sort(function (a, b) {
            var x = cellValue(a.cells[index]), y = cellValue(b.cells[index]);
            var nx = parseFloat(x), ny = parseFloat(y);
            // Numbers before blanks either way; words in Chinese order.
            if (isNaN(nx) !== isNaN(ny) && (x === "" || y === "")) return x === "" ? 1 : -1;
            var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
            return asc ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        }
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (evt) { if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); sort(); } });
      });
    });
    function cellValue(cell) {
      var marked = cell.querySelector("[data-sort]");
      if (marked) return marked.getAttribute("data-sort");
      return cell.querySelector(".num") ? "" : cell.textContent.trim();
    }
    var filter = document.getElementById("table-filter"), flag = document.getElementById("flag-filter");
    // Rows are matched without regard to case; the "no match" row, the totals and a chart that
    // follows the table show what is left.
    function apply() {
      var text = filter ? filter.value.trim().toLowerCase() : "", f = flag ? flag.value : "";
      document.querySelectorAll("table.filterable").forEach(function (table) {
        var shown = [];
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var show = (!text || row.textContent.toLowerCase().indexOf(text) >= 0) &&
            (!f || (row.getAttribute("data-flags") || "").split(" ").indexOf(f) >= 0);
          row.style.display = show ? "" : "none";
          if (show) shown.push(row);
        });
        var none = table.querySelector("tr.no-match");
        if (none) none.hidden = shown.length > 0;
        table.querySelectorAll("[data-sum-column]").forEach(function (cell) {
          var column = +cell.getAttribute("data-sum-column"), total = 0;
          shown.forEach(function (row) { var v = parseFloat(cellValue(row.cells[column])); if (!isNaN(v)) total += v; });
          cell.textContent = total.toFixed(+cell.getAttribute("data-digits"));
        });
        var keys = {};
        shown.forEach(function (row) { keys[row.getAttribute("data-key")] = true; });
        document.querySelectorAll("[data-follows-filter] svg").forEach(function (svg) {
          var top = +svg.getAttribute("data-top"), step = +svg.getAttribute("data-step"), i = 0;
          svg.querySelectorAll("g.bar").forEach(function (bar) {
            var show = keys[bar.getAttribute("data-key")] === true;
            bar.style.display = show ? "" : "none";
            if (show) { bar.setAttribute("transform", "translate(0 " + (top + i * step) + ")"); i += 1; }
          });
          var height = top + i * step + +svg.getAttribute("data-bottom");
          var box = svg.viewBox.baseVal;
          svg.setAttribute("viewBox", box.x + " " + box.y + " " + box.width + " " + height);
          svg.setAttribute("height", height);
        });
      });
    }
    if (filter) filter.addEventListener("input", apply);
    if (flag) flag.addEventListener("change", apply);
    // Task cards: the text filter hides cards and groups left empty.
    var cards = document.getElementById("card-filter");
    if (cards) cards.addEventListener("input", function () {
      var text = cards.value.trim().toLowerCase(), total = 0;
      document.querySelectorAll(".task-group").forEach(function (group) {
        var n = 0;
        group.querySelectorAll(".task").forEach(function (card) {
          var show = !text || card.textContent.toLowerCase().indexOf(text) >= 0;
          card.style.display = show ? "" : "none";
          if (show) n += 1;
        });
        group.style.display = n > 0 ? "" : "none";
        total += n;
      });
      var none = document.querySelector("p.no-match");
      if (none) none.hidden = total > 0;
    });
  }

  // A select of areas follows the chosen indicator: only the areas at whose tier it is reported.
  function setupAreaChoice() {
    document.querySelectorAll("select[data-tier-of]").forEach(function (areas) {
      var form = areas.form, indicator = form && form.elements[areas.getAttribute("data-tier-of")];
      if (!indicator) return;
      function follow() {
        var chosen = indicator.options[indicator.selectedIndex];
        var tiers = (chosen && chosen.getAttribute("data-tiers") || "").split(" ");
        var first = null, keep = false;
        Array.prototype.forEach.call(areas.options, function (o) {
          var ok = tiers.indexOf(o.getAttribute("data-tier")) >= 0;
          o.hidden = !ok; o.disabled = !ok;
          if (ok && !first) first = o;
          if (ok && o.selected) keep = true;
        });
        if (!keep && first) first.selected = true;
      }
      indicator.addEventListener("change", follow);
      follow();
    });
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

  document.addEventListener("DOMContentLoaded", function () { setupMap(); setupTables(); setupAreaChoice(); setupJobs(); setupPrint(); recordWidth(); });
  window.addEventListener("load", recordWidth);
})();
