// The timeline: dated events on a time axis, one lane per event class (d3).
// A dot is an event dated to the day; a bar spans the month or the year when that is the
// precision of its date. Text is set with d3's .text() (textContent), never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("timeline");
  if (!box) { return; }
  function span(item) {
    var d = new Date(item.date + "T00:00:00Z");
    if (item.precision === "month") {
      return [d, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))];
    }
    if (item.precision === "year") {
      return [d, new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1))];
    }
    return [d, d];
  }
  fetch(box.dataset.src, {headers: {Accept: "application/json"}})
    .then(function (r) { return r.json().then(function (d) { return {ok: r.ok, data: d}; }); })
    .then(function (res) {
      box.textContent = "";
      if (!res.ok) { box.textContent = res.data.error || "The timeline could not be drawn."; return; }
      var items = res.data.items;
      box.dataset.items = String(items.length);
      if (!items.length) {
        var p = document.createElement("p");
        p.className = "muted";
        p.textContent = "No dated events.";
        box.appendChild(p);
        return;
      }
      var classes = Array.from(new Set(items.map(function (i) { return i["class"]; }))).sort();
      var lane = 22, left = 150, width = Math.max(600, box.clientWidth || 900);
      var height = classes.length * lane + 40;
      var ext = d3.extent(items.flatMap(function (i) { return span(i); }));
      if (ext[0].getTime() === ext[1].getTime()) {
        ext = [d3.utcDay.offset(ext[0], -3), d3.utcDay.offset(ext[1], 3)];
      }
      var pad = Math.max(86400000, (ext[1] - ext[0]) * 0.03);
      ext = [new Date(ext[0].getTime() - pad), new Date(ext[1].getTime() + pad)];
      var x = d3.scaleUtc().domain(ext).nice().range([left, width - 20]);
      var y = d3.scaleBand().domain(classes).range([10, height - 30]).padding(0.2);
      var svg = d3.select(box).append("svg").attr("width", width).attr("height", height)
        .attr("role", "img").attr("aria-label", "Timeline of events");
      svg.append("g").attr("transform", "translate(0," + (height - 28) + ")")
        .call(d3.axisBottom(x).ticks(Math.min(10, width / 90)));
      svg.append("g").attr("transform", "translate(" + left + ",0)").call(d3.axisLeft(y));
      var color = d3.scaleOrdinal(d3.schemeTableau10).domain(classes);
      var g = svg.append("g").attr("class", "events");
      items.forEach(function (item) {
        var s = span(item), cy = y(item["class"]) + y.bandwidth() / 2;
        var a = g.append("a").attr("href", item.href).attr("class", "event");
        var title = item["class"] + " — " + item.shown + (item.dateText ? " (“" + item.dateText + "”)" : "") +
          (item.place ? " — " + item.place : "") + (item.factuality ? " — " + item.factuality : "") +
          (item.role ? " — as " + item.role : "");
        a.append("title").text(title);
        if (s[0].getTime() === s[1].getTime()) {
          a.append("circle").attr("cx", x(s[0])).attr("cy", cy).attr("r", 5)
            .attr("fill", color(item["class"])).attr("opacity", item.factuality ? 0.5 : 0.9);
        } else {
          a.append("rect").attr("x", x(s[0])).attr("y", cy - 4)
            .attr("width", Math.max(4, x(s[1]) - x(s[0]))).attr("height", 8)
            .attr("fill", color(item["class"])).attr("opacity", 0.5);
        }
      });
      if (res.data.truncated) {
        var note = document.createElement("p");
        note.className = "muted";
        note.textContent = "Only the first " + items.length + " events are drawn; narrow the filters to see the rest.";
        box.appendChild(note);
      }
    })
    .catch(function (err) { box.textContent = "The timeline could not be drawn: " + err; });
})();
