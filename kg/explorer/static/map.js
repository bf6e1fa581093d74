// The map: places with coordinates, and the countries the graph names, over Natural Earth
// country outlines (d3-geo, offline). Text is set with textContent or d3's .text().
(function () {
  "use strict";
  var box = document.getElementById("map");
  var tbody = document.querySelector("#places tbody");
  function row(p) {
    var tr = document.createElement("tr");
    var link = document.createElement("a");
    link.href = p.href;
    link.textContent = p.label;
    [link, p["class"] || "Country", String(p.events), String(p.mentions)].forEach(function (c) {
      var td = document.createElement("td");
      if (typeof c === "string") { td.textContent = c; } else { td.appendChild(c); }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  }
  Promise.all([
    fetch(box.dataset.outlines).then(function (r) { return r.json(); }),
    fetch(box.dataset.src, {headers: {Accept: "application/json"}}).then(function (r) { return r.json(); })
  ]).then(function (got) {
    var world = got[0], places = got[1].places || [], countries = got[1].countries || [];
    box.textContent = "";
    var width = Math.max(600, (box.clientWidth || 962) - 2), height = Math.round(width * 0.55);
    var land = topojson.feature(world, world.objects.countries);
    var byIso = {};
    countries.forEach(function (c) { byIso[c.iso] = c; });
    var named = land.features.filter(function (f) { return byIso[f.id]; });
    // frame what the graph is about (its places and the centres of its countries),
    // centred on them so that a country across the date line does not stretch the frame
    var coords = places.map(function (p) { return [p.long, p.lat]; });
    named.forEach(function (f) { coords.push(d3.geoCentroid(f)); });
    var projection = d3.geoNaturalEarth1();
    if (coords.length) {
      var lon = d3.mean(coords, function (c) { return c[0]; });
      projection.rotate([-lon, 0]);
      var pad = 12, frame = [];
      coords.forEach(function (c) {
        frame.push([c[0] - pad, Math.max(-80, c[1] - pad)], [c[0] + pad, Math.min(80, c[1] + pad)]);
      });
      projection.fitExtent([[20, 20], [width - 20, height - 20]],
        {type: "MultiPoint", coordinates: frame});
    } else {
      projection.fitSize([width, height], land);
    }
    var path = d3.geoPath(projection);
    var svg = d3.select(box).append("svg").attr("viewBox", "0 0 " + width + " " + height)
      .attr("width", "100%")
      .attr("role", "img").attr("aria-label", "Map of places");
    svg.append("rect").attr("width", width).attr("height", height).attr("class", "sea");
    var outlines = svg.append("g");
    land.features.forEach(function (f) {
      var c = byIso[f.id];
      if (c) {
        var a = outlines.append("a").attr("href", c.href).attr("class", "country-link");
        a.append("title").text(c.label + ": " + c.events + " events located there");
        a.append("path").attr("d", path(f)).attr("class", c.events ? "country named has-events" : "country named");
      } else {
        outlines.append("path").attr("d", path(f)).attr("class", "country");
      }
    });
    var maxEvents = d3.max(places.concat(countries), function (p) { return p.events; }) || 1;
    var radius = d3.scaleSqrt().domain([0, maxEvents]).range([3, 22]);
    var g = svg.append("g").attr("class", "places");
    var drawn = 0;
    function mark(p, xy, kind) {
      var a = g.append("a").attr("href", p.href).attr("class", "place " + kind);
      a.append("title").text(p.label + ": " + p.events + " events" +
        (p.classes.length ? " — " + p.classes.join(", ") : ""));
      a.append("circle").attr("cx", xy[0]).attr("cy", xy[1]).attr("r", radius(p.events))
        .attr("class", p.events ? "has-events" : "no-events");
      a.append("text").attr("x", xy[0] + radius(p.events) + 2).attr("y", xy[1] + 3).text(p.label);
      drawn += 1;
    }
    named.forEach(function (f) {
      var c = byIso[f.id];
      var xy = projection(d3.geoCentroid(f));
      if (xy && c.events) { mark(c, xy, "country-mark"); }
    });
    places.forEach(function (p) {
      var xy = projection([p.long, p.lat]);
      if (xy) { mark(p, xy, "city-mark"); }
    });
    countries.forEach(row);
    places.forEach(row);
    box.dataset.places = String(drawn);
    box.dataset.countries = String(named.length);
  }).catch(function (err) { box.textContent = "The map could not be drawn: " + err; });
})();
