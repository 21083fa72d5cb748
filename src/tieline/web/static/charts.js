// SVG charts of the dashboard: the network of a country's ties, the dyad series and sparklines.

import { s, clear, tieColour, formatNumber, formatCount, QUAD_NAMES } from "./dom.js";

// --- the network of one country's ties ------------------------------------------------------

// Both directions of a pair added up: {partner, events, cooperative, conflictual, goldstein_sum, out, in}.
export function tiesOf(focus, edges) {
  const ties = new Map();
  const add = (partner, edge, way) => {
    const tie = ties.get(partner) || { partner, events: 0, cooperative: 0, conflictual: 0, goldstein_sum: 0, out: null, in: null };
    tie.events += edge.events;
    tie.cooperative += edge.verbal_cooperation + edge.material_cooperation;
    tie.conflictual += edge.verbal_conflict + edge.material_conflict;
    tie.goldstein_sum += edge.goldstein_sum;
    tie[way] = edge;
    ties.set(partner, tie);
  };
  for (const edge of edges) {
    if (edge.source === focus) add(edge.target, edge, "out");
    else if (edge.target === focus) add(edge.source, edge, "in");
  }
  for (const tie of ties.values()) tie.coop_share = tie.events ? tie.cooperative / tie.events : null;
  return [...ties.values()];
}

function pairsAmong(partners, edges) {
  const known = new Set(partners);
  const pairs = new Map();
  for (const edge of edges) {
    if (!known.has(edge.source) || !known.has(edge.target)) continue;
    const key = [edge.source, edge.target].sort().join("|");
    const pair = pairs.get(key) || { a: edge.source, b: edge.target, events: 0, cooperative: 0 };
    pair.events += edge.events;
    pair.cooperative += edge.verbal_cooperation + edge.material_cooperation;
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

function describeWay(from, to, edge) {
  if (!edge) return `${from} → ${to}: no events`;
  const coop = edge.verbal_cooperation + edge.material_cooperation;
  const conf = edge.verbal_conflict + edge.material_conflict;
  return `${from} → ${to}: ${edge.events} events (${coop} cooperative, ${conf} conflictual), Goldstein ${formatNumber(edge.goldstein_sum)}`;
}

export function drawNetwork(container, data, { selected, onSelect, names }) {
  clear(container);
  const focus = data.focus;
  const ties = tiesOf(focus, data.edges).sort((a, b) => (b.coop_share ?? 0.5) - (a.coop_share ?? 0.5) || b.events - a.events);
  const width = Math.max(container.clientWidth, 320);
  const height = Math.max(360, Math.min(520, width * 0.72));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
                         "aria-label": `Ties of ${focus}` });
  container.append(svg);
  if (!ties.length) {
    svg.append(s("text", { x: width / 2, y: height / 2, class: "empty-note", "text-anchor": "middle" },
                 `No ties of ${focus} with these filters.`));
    return;
  }
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.min(width, height) / 2 - 58;
  const maxEvents = Math.max(...ties.map((t) => t.events));
  const place = new Map([[focus, { x: cx, y: cy }]]);
  ties.forEach((tie, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / ties.length + (ties.length === 2 ? Math.PI / 2 : 0);
    place.set(tie.partner, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle });
  });

  const background = s("g", { class: "among" });
  for (const pair of pairsAmong(ties.map((t) => t.partner), data.edges)) {
    const a = place.get(pair.a);
    const b = place.get(pair.b);
    background.append(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: tieColour(pair.cooperative / pair.events),
                                  "stroke-width": 1 + 2 * Math.sqrt(pair.events / maxEvents) },
                        s("title", {}, `${pair.a}–${pair.b}: ${pair.events} events`)));
  }
  svg.append(background);

  const links = s("g", { class: "links" });
  for (const tie of ties) {
    const p = place.get(tie.partner);
    links.append(s("line", {
      x1: cx, y1: cy, x2: p.x, y2: p.y, class: "tie" + (tie.partner === selected ? " selected" : ""),
      stroke: tieColour(tie.coop_share), "stroke-width": 2 + 7 * Math.sqrt(tie.events / maxEvents),
      dataset: { partner: tie.partner },
    }, s("title", {}, `${describeWay(focus, tie.partner, tie.out)}\n${describeWay(tie.partner, focus, tie.in)}`)));
  }
  svg.append(links);

  const nodes = s("g", { class: "nodes" });
  const nodeRadius = (events) => 9 + 13 * Math.sqrt(events / maxEvents);
  for (const tie of ties) {
    const p = place.get(tie.partner);
    const r = nodeRadius(tie.events);
    const below = Math.sin(p.angle) > -0.2;
    const labelY = below ? r + 15 : -r - 20;
    const node = s("g", {
      class: "node partner" + (tie.partner === selected ? " selected" : ""), transform: `translate(${p.x},${p.y})`,
      tabindex: 0, role: "button", "aria-label": `${tie.partner} ${names[tie.partner] || ""}: open the pair`,
      dataset: { code: tie.partner },
      onclick: () => onSelect(tie.partner),
      onkeydown: (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); onSelect(tie.partner); } },
    },
    s("circle", { r, fill: tieColour(tie.coop_share) }),
    s("text", { class: "code", y: labelY, "text-anchor": "middle" }, tie.partner),
    s("text", { class: "label", y: labelY + 13, "text-anchor": "middle" }, names[tie.partner] || ""),
    s("title", {}, `${names[tie.partner] || tie.partner}: ${tie.events} events with ${focus}, ` +
                   `${Math.round((tie.coop_share ?? 0) * 100)}% cooperative`));
    nodes.append(node);
  }
  const focusEvents = ties.reduce((n, t) => n + t.events, 0);
  nodes.append(s("g", { class: "node focus", transform: `translate(${cx},${cy})`, dataset: { code: focus } },
    s("circle", { r: 25 }),
    s("text", { class: "code", y: 5, "text-anchor": "middle" }, focus),
    s("title", {}, `${names[focus] || focus}: ${focusEvents} events with these partners`)));
  svg.append(nodes);
}

// --- the dyad series: events per period by QuadClass, Goldstein sum, shifts ---------------------

function niceStep(span, ticks) {
  const raw = span / Math.max(ticks, 1);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const steps = [1, 2, 5, 10].map((m) => m * power);
  return steps.find((step) => step >= raw) || steps[steps.length - 1];
}

export function drawDyad(container, dyad, { onPeriod, selectedPeriod }) {
  clear(container);
  const rows = dyad.series;
  const width = Math.max(container.clientWidth, 360);
  const height = 300;
  const margin = { top: 26, right: 58, bottom: 44, left: 48 };
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
                         "aria-label": `Events between ${dyad.source} and ${dyad.target} per ${dyad.by}` });
  container.append(svg);
  if (!rows.length || !rows.some((r) => r.events > 0)) {
    svg.append(s("text", { x: width / 2, y: height / 2, class: "empty-note", "text-anchor": "middle" },
                 `No events between ${dyad.source} and ${dyad.target} with these filters.`));
    return;
  }
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const band = plotW / rows.length;
  const barW = Math.max(2, Math.min(46, band * 0.66));
  const up = Math.max(1, ...rows.map((r) => r.verbal_cooperation + r.material_cooperation));
  const down = Math.max(1, ...rows.map((r) => r.verbal_conflict + r.material_conflict));
  const gMax = Math.max(0, ...rows.map((r) => r.goldstein_sum));
  const gMin = Math.min(0, ...rows.map((r) => r.goldstein_sum));
  // One zero line for both axes: the Goldstein axis is the event axis times k.
  const k = Math.max(gMax / up, -gMin / down, 0.5);
  const yEvents = (v) => margin.top + ((up - v) / (up + down)) * plotH;
  const yGold = (g) => yEvents(g / k);
  const x = (i) => margin.left + band * i + band / 2;

  const grid = s("g", { class: "grid" });
  const step = niceStep(up + down, 5);
  for (let v = -Math.floor(down / step) * step; v <= up; v += step) {
    grid.append(s("line", { x1: margin.left, x2: width - margin.right, y1: yEvents(v), y2: yEvents(v), class: v === 0 ? "zero" : "" }));
    grid.append(s("text", { x: margin.left - 8, y: yEvents(v) + 4, "text-anchor": "end", class: "tick" }, String(Math.abs(v))));
  }
  const gStep = niceStep((up + down) * k, 5);
  for (let g = -Math.floor((down * k) / gStep) * gStep; g <= up * k; g += gStep) {
    grid.append(s("text", { x: width - margin.right + 8, y: yGold(g) + 4, class: "tick gold" }, formatNumber(g, 0)));
  }
  grid.append(s("text", { x: 12, y: margin.top + plotH / 2, class: "axis-title", transform: `rotate(-90 12 ${margin.top + plotH / 2})`, "text-anchor": "middle" }, "events"));
  grid.append(s("text", { x: width - 10, y: margin.top + plotH / 2, class: "axis-title gold", transform: `rotate(90 ${width - 10} ${margin.top + plotH / 2})`, "text-anchor": "middle" }, "Goldstein sum"));
  svg.append(grid);

  const labelEvery = Math.ceil(rows.length / Math.max(1, Math.floor(plotW / 64)));
  const bars = s("g", { class: "bars" });
  rows.forEach((row, i) => {
    const cx = x(i);
    const group = s("g", {
      class: "period" + (row.period === selectedPeriod ? " selected" : ""), dataset: { period: row.period },
      tabindex: row.events ? 0 : -1, role: "button",
      onclick: () => onPeriod(row),
      onkeydown: (event) => { if (event.key === "Enter") onPeriod(row); },
    });
    group.append(s("rect", { class: "hit", x: cx - band / 2, y: margin.top, width: band, height: plotH }));
    let top = yEvents(0);
    for (const [key, cls] of [["verbal_cooperation", "q1"], ["material_cooperation", "q2"]]) {
      const h = yEvents(0) - yEvents(row[key]);
      if (h > 0) { top -= h; group.append(s("rect", { class: `bar ${cls}`, x: cx - barW / 2, y: top, width: barW, height: h })); }
    }
    let bottom = yEvents(0);
    for (const [key, cls] of [["verbal_conflict", "q3"], ["material_conflict", "q4"]]) {
      const h = yEvents(-row[key]) - yEvents(0);
      if (h > 0) { group.append(s("rect", { class: `bar ${cls}`, x: cx - barW / 2, y: bottom, width: barW, height: h })); bottom += h; }
    }
    group.append(s("title", {}, [
      `${row.period_label}: ${row.events} events, Goldstein ${formatNumber(row.goldstein_sum)}`,
      ...[1, 2, 3, 4].map((q) => `${QUAD_NAMES[q]}: ${row[["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"][q - 1]]}`),
    ].join("\n")));
    bars.append(group);
    if (i % labelEvery === 0) {
      svg.append(s("text", { x: cx, y: height - margin.bottom + 18, class: "tick", "text-anchor": "middle" }, row.period_label));
    }
  });
  svg.append(bars);

  const points = rows.map((row, i) => `${x(i).toFixed(1)},${yGold(row.goldstein_sum).toFixed(1)}`).join(" ");
  svg.append(s("polyline", { class: "gold-line", points }));
  rows.forEach((row, i) => {
    if (row.events) svg.append(s("circle", { class: "gold-dot", cx: x(i), cy: yGold(row.goldstein_sum), r: 3 }));
  });

  const shifts = s("g", { class: "shifts" });
  for (const shift of dyad.shifts) {
    const i = rows.findIndex((r) => r.period === shift.period && (r.direction === shift.direction));
    if (i < 0) continue;
    const sx = margin.left + band * i;
    const label = `${shift.movement === "warming" ? "▲" : "▼"} ${shift.period_label}`;
    shifts.append(s("g", { class: `shift ${shift.movement}`, dataset: { period: shift.period } },
      s("line", { x1: sx, x2: sx, y1: margin.top - 6, y2: margin.top + plotH }),
      s("text", { x: sx + 4, y: margin.top - 10 }, label),
      s("title", {}, `Shift in ${shift.period_label}: ${shift.measure} from ${formatNumber(shift.before)} to ` +
                     `${formatNumber(shift.after)} per ${dyad.by} (${shift.movement}); ${shift.events_around} events around it`)));
  }
  svg.append(shifts);
}

// --- sparklines ---------------------------------------------------------------------------------

export function sparkline(values, { width = 96, height = 22 } = {}) {
  const known = values.map((v) => (v === null ? 0 : v));
  const lo = Math.min(0, ...known);
  const hi = Math.max(0, ...known);
  const span = hi - lo || 1;
  const x = (i) => (known.length === 1 ? width / 2 : (i / (known.length - 1)) * (width - 4) + 2);
  const y = (v) => height - 2 - ((v - lo) / span) * (height - 4);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "spark", "aria-hidden": "true" });
  svg.append(s("line", { x1: 0, x2: width, y1: y(0), y2: y(0), class: "spark-zero" }));
  svg.append(s("polyline", { points: known.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ") }));
  return svg;
}

export { formatCount };
