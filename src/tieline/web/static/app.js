// The tieline dashboard: a country's ties, a pair's history and the sentences behind each event.
// Everything comes from this server's /api; nothing is loaded from elsewhere.

import { h, clear, byId, tieColour, QUAD_NAMES, formatNumber, formatCount } from "./dom.js";
import { drawNetwork, drawDyad, sparkline } from "./charts.js";

const PAGE_SIZE = 25;
const REPORTS_SHOWN = 3; // reports of an event shown open; the others fold into "more reports"
const state = {
  country: "", partner: "", since: "", until: "", quad: "", root: "", by: "month",
  period: null, // {since, until, label} when a bar of the chart was clicked
  offset: 0,
};
const names = {}; // ISO code -> country name
const cameo = {}; // CAMEO code -> name
const latest = {}; // panel -> request number, so that a slow old answer never overwrites a newer one
let lastDyad = null;
let lastNetwork = null;

// --- talking to the API --------------------------------------------------------------------------

async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === "" || value === null || value === undefined) continue;
    url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = body.message || (typeof body.detail === "string" ? body.detail : response.statusText);
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

async function latestOnly(panel, work) {
  const ticket = (latest[panel] = (latest[panel] || 0) + 1);
  try {
    const result = await work();
    return ticket === latest[panel] ? result : undefined;
  } catch (error) {
    if (ticket === latest[panel]) showMessage(error.message, "error");
    return undefined;
  }
}

function showMessage(text, kind = "info") {
  const box = byId("message");
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = !text;
}

function typeFilters() {
  return { quad_class: state.quad, code: state.root };
}

// --- the address bar keeps the view, so a view can be bookmarked or shared -----------------------

function readHash() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  for (const key of ["country", "partner", "since", "until", "quad", "root", "by"]) {
    if (params.has(key)) state[key] = params.get(key);
  }
  state.country = state.country.toUpperCase();
  state.partner = state.partner.toUpperCase();
}

function writeHash() {
  const params = new URLSearchParams();
  for (const key of ["country", "partner", "since", "until", "quad", "root", "by"]) {
    if (state[key] && !(key === "by" && state.by === "month")) params.set(key, state[key]);
  }
  const hash = params.toString();
  history.replaceState(null, "", hash ? `#${hash}` : window.location.pathname);
}

function syncInputs() {
  byId("country").value = state.country;
  byId("since").value = state.since;
  byId("until").value = state.until;
  byId("quad").value = state.quad;
  byId("root").value = state.root;
  byId("by").value = state.by;
}

// --- start-up ------------------------------------------------------------------------------------

async function start() {
  readHash();
  try {
    const [health, countries, codes] = await Promise.all([
      getJSON("/api/health"), getJSON("/api/countries"), getJSON("/api/cameo"),
    ]);
    for (const code of codes) cameo[code.code] = code.name;
    fillStoreSummary(health);
    fillCountries(countries);
    fillRoots(codes.filter((c) => c.code === c.root));
  } catch (error) {
    showMessage(`The store could not be read: ${error.message}`, "error");
    return;
  }
  syncInputs();
  wireControls();
  refresh();
}

function fillStoreSummary(health) {
  const range = health.first_event ? `${health.first_event} to ${health.last_event}` : "no dated events";
  clear(byId("store-summary")).append(
    h("span", { class: "stat" }, h("strong", {}, formatCount(health.events)), " events"),
    h("span", { class: "stat", title: "Reports of events: one event may be reported in several sentences and articles" },
      h("strong", {}, formatCount(health.event_mentions)), " reports"),
    h("span", { class: "stat" }, h("strong", {}, formatCount(health.documents)), " documents"),
    h("span", { class: "stat" }, range),
  );
}

function fillCountries(countries) {
  const select = clear(byId("country"));
  select.append(h("option", { value: "" }, "Choose a country…"));
  for (const c of countries) {
    names[c.code] = c.name || c.code;
    select.append(h("option", { value: c.code }, `${c.name || c.code} (${c.code}) · ${formatCount(c.events)}`));
  }
  const chips = clear(byId("quick-countries"));
  for (const c of countries.filter((c) => c.partners > 0).slice(0, 10)) {
    chips.append(h("button", { type: "button", class: "chip", dataset: { code: c.code }, onclick: () => pickCountry(c.code) },
      h("strong", {}, c.code), ` ${c.name || ""} · ${formatCount(c.events)}`));
  }
}

function fillRoots(roots) {
  const select = byId("root");
  for (const root of roots) select.append(h("option", { value: root.code }, `${root.code} ${root.name}`));
}

function wireControls() {
  byId("country").addEventListener("change", (event) => pickCountry(event.target.value));
  for (const id of ["since", "until", "quad", "root", "by"]) {
    byId(id).addEventListener("change", (event) => {
      state[id] = event.target.value;
      state.period = null;
      state.offset = 0;
      refresh();
    });
  }
  byId("reset").addEventListener("click", () => {
    Object.assign(state, { since: "", until: "", quad: "", root: "", by: "month", period: null, offset: 0 });
    syncInputs();
    refresh();
  });
  byId("close-dyad").addEventListener("click", () => pickPartner(""));
  byId("prev-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); loadEvents(); });
  byId("next-page").addEventListener("click", () => { state.offset += PAGE_SIZE; loadEvents(); });
  let resizeTimer;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { renderNetwork(); renderDyad(); }, 150);
  });
}

function pickCountry(code) {
  Object.assign(state, { country: (code || "").toUpperCase(), partner: "", period: null, offset: 0 });
  syncInputs();
  refresh();
}

function pickPartner(code) {
  Object.assign(state, { partner: code, period: null, offset: 0 });
  writeHash();
  renderNetwork();
  highlightPartnerRow();
  loadDyad();
  loadEvents();
  if (code) byId("dyad-card").scrollIntoView({ behavior: "smooth", block: "nearest" });
}

function refresh() {
  writeHash();
  showMessage("");
  const exploring = Boolean(state.country);
  byId("welcome").hidden = exploring;
  byId("explorer").hidden = !exploring;
  if (!exploring) return;
  loadNetwork();
  loadRelations();
  loadDyad();
  loadEvents();
}

// --- network and partners ------------------------------------------------------------------------

async function loadNetwork() {
  const focus = state.country;
  byId("network-title").textContent = `Ties of ${names[focus] || focus}`;
  const data = await latestOnly("network", () => getJSON("/api/network", {
    country: focus, among: "true", since: state.since, until: state.until, ...typeFilters(),
  }));
  if (!data) return;
  lastNetwork = data;
  renderNetwork();
}

function renderNetwork() {
  if (!lastNetwork || byId("explorer").hidden) return;
  drawNetwork(byId("network"), lastNetwork, { selected: state.partner, onSelect: pickPartner, names });
}

async function loadRelations() {
  const focus = state.country;
  byId("partners-title").textContent = `Partners of ${names[focus] || focus}`;
  const data = await latestOnly("relations", () => getJSON(`/api/countries/${focus}/relations`, {
    by: state.by, since: state.since, until: state.until, ...typeFilters(),
  }));
  if (!data) return;
  byId("partners-sub").textContent = data.periods.length
    ? `${data.periods[0]} to ${data.periods[data.periods.length - 1]}, Goldstein sum per ${data.by}` : "";
  const body = clear(byId("partners").tBodies[0]);
  if (!data.items.length) {
    body.append(h("tr", {}, h("td", { colspan: 4, class: "empty" }, "No partners with these filters.")));
    return;
  }
  for (const item of data.items) {
    const coop = item.coop_share;
    body.append(h("tr", {
      class: "partner-row", dataset: { partner: item.partner }, tabindex: 0,
      onclick: () => pickPartner(item.partner),
      onkeydown: (event) => { if (event.key === "Enter") pickPartner(item.partner); },
    },
    h("td", {}, h("span", { class: "dot", dataset: { share: coop ?? "" } }), h("strong", {}, item.partner), " ",
      h("span", { class: "muted" }, item.partner_name || "")),
    h("td", { class: "num" }, formatCount(item.events)),
    h("td", {}, h("span", { class: `movement ${item.movement.replace(/\s+/g, "-")}` }, movementLabel(item.movement))),
    h("td", {}, sparkline(item.series))));
  }
  for (const dot of body.querySelectorAll(".dot")) {
    dot.style.backgroundColor = tieColour(dot.dataset.share === "" ? null : Number(dot.dataset.share));
  }
  highlightPartnerRow();
}

function movementLabel(movement) {
  return { warming: "▲ warming", cooling: "▼ cooling", steady: "■ steady" }[movement] || movement;
}

function highlightPartnerRow() {
  for (const row of byId("partners").querySelectorAll("tr.partner-row")) {
    row.classList.toggle("selected", row.dataset.partner === state.partner);
  }
}

// --- the pair's chart ----------------------------------------------------------------------------

async function loadDyad() {
  const card = byId("dyad-card");
  if (!state.partner) {
    card.hidden = true;
    lastDyad = null;
    return;
  }
  card.hidden = false;
  const { country, partner } = state;
  byId("dyad-title").textContent = `${names[country] || country} – ${names[partner] || partner}, per ${state.by}`;
  const data = await latestOnly("dyad", () => getJSON(`/api/dyads/${country}/${partner}`, {
    by: state.by, since: state.since, until: state.until, direction: "both", ...typeFilters(),
  }));
  if (!data) return;
  lastDyad = data;
  renderDyad();
  const shifts = data.shifts.map((s) => `${s.period_label} (${s.movement})`).join(", ");
  byId("dyad-hint").textContent = "Bars: events per period (cooperation above the line, conflict below). " +
    (shifts ? `Shifts: ${shifts}. ` : "No shift found. ") + "Click a period to list its events.";
}

function renderDyad() {
  if (!lastDyad || byId("dyad-card").hidden) return;
  drawDyad(byId("dyad-chart"), lastDyad, {
    selectedPeriod: state.period && state.period.start,
    onPeriod: (row) => {
      const same = state.period && state.period.start === row.period;
      state.period = same ? null : { start: row.period, since: row.period, until: row.period_end, label: row.period_label };
      state.offset = 0;
      renderDyad();
      loadEvents();
    },
  });
}

// --- events and their evidence -------------------------------------------------------------------

function eventParams() {
  return {
    actor: state.country, target: state.partner, direction: "both",
    since: state.period ? state.period.since : state.since,
    until: state.period ? state.period.until : state.until,
    quad_class: state.quad, code: state.root, sort: "-event_date",
  };
}

function renderChips() {
  const chips = clear(byId("event-chips"));
  if (state.period) {
    chips.append(h("button", { type: "button", class: "chip active", title: "Show every period",
      onclick: () => { state.period = null; state.offset = 0; renderDyad(); loadEvents(); } },
    `${state.period.label} ✕`));
  }
  if (state.quad) chips.append(h("span", { class: `chip quad q${state.quad}` }, QUAD_NAMES[state.quad]));
  if (state.root) chips.append(h("span", { class: "chip" }, `${state.root} ${cameo[state.root] || ""}`));
}

async function loadEvents() {
  const { country, partner } = state;
  const who = partner ? `${names[country] || country} and ${names[partner] || partner}` : (names[country] || country);
  byId("events-title").textContent = `Events of ${who}`;
  renderChips();
  const params = eventParams();
  const csv = new URL("/api/events", window.location.origin);
  for (const [key, value] of Object.entries({ ...params, limit: 1000, format: "csv" })) if (value) csv.searchParams.set(key, value);
  byId("events-csv").href = csv.pathname + csv.search;
  const page = await latestOnly("events", () => getJSON("/api/events", { ...params, limit: PAGE_SIZE, offset: state.offset }));
  if (!page) return;
  const body = clear(byId("events").tBodies[0]);
  if (!page.items.length) {
    body.append(h("tr", {}, h("td", { colspan: 7, class: "empty" }, "No events with these filters.")));
  }
  for (const event of page.items) body.append(eventRow(event));
  const first = page.total ? page.offset + 1 : 0;
  byId("page-info").textContent = `${formatCount(first)}–${formatCount(page.offset + page.items.length)} of ${formatCount(page.total)}`;
  byId("prev-page").disabled = page.offset === 0;
  byId("next-page").disabled = !page.next;
}

function actorCell(code, name, country) {
  return h("td", { class: "actor" }, h("strong", {}, code || "–"),
    name ? h("span", { class: "muted block" }, name) : country && names[country] ? h("span", { class: "muted block" }, names[country]) : null);
}

function eventRow(event) {
  const row = h("tr", {
    class: "event-row", tabindex: 0, dataset: { eventId: event.event_id }, "aria-expanded": "false",
    onclick: () => toggleEvidence(row, event),
    onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggleEvidence(row, event); } },
  },
  h("td", { class: "date" }, event.event_date || "–"),
  actorCell(event.actor1_code, event.actor1_name, event.actor1_country_code),
  h("td", { class: "what" }, h("span", { class: "code" }, event.event_code), " ",
    h("span", {}, cameo[event.event_code] || ""), event.event_text ? h("span", { class: "muted block" }, `“${event.event_text}”`) : null,
    event.num_mentions > 1 ? h("span", { class: "reports-badge", title: reportsText(event) }, `${event.num_mentions} reports`) : null),
  actorCell(event.actor2_code, event.actor2_name, event.actor2_country_code),
  h("td", {}, h("span", { class: `badge q${event.quad_class}` }, QUAD_NAMES[event.quad_class])),
  h("td", { class: "num" }, formatNumber(event.goldstein_scale)),
  h("td", { class: "doc" }, event.doc_id));
  return row;
}

async function toggleEvidence(row, event) {
  const open = row.nextElementSibling && row.nextElementSibling.classList.contains("evidence-row");
  if (open) {
    row.nextElementSibling.remove();
    row.setAttribute("aria-expanded", "false");
    row.classList.remove("open");
    return;
  }
  row.classList.add("open");
  row.setAttribute("aria-expanded", "true");
  const cell = h("td", { colspan: 7 }, h("p", { class: "muted" }, "Loading the evidence…"));
  const detail = h("tr", { class: "evidence-row" }, cell);
  row.after(detail);
  try {
    const found = await getJSON(`/api/events/${encodeURIComponent(event.event_id)}`);
    clear(cell).append(evidenceView(found));
  } catch (error) {
    clear(cell).append(h("p", { class: "error-text" }, `The evidence could not be loaded: ${error.message}`));
  }
}

function highlighted(sentence, spans) {
  const marks = ["actor1", "event", "actor2"]
    .filter((name) => spans[name])
    .map((name) => ({ name, start: spans[name][0], end: spans[name][1] }))
    .sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue; // overlapping spans: keep the first
    parts.push(sentence.slice(at, mark.start));
    parts.push(h("mark", { class: `span-${mark.name}`, title: mark.name === "event" ? "event phrase" : mark.name },
      sentence.slice(mark.start, mark.end)));
    at = mark.end;
  }
  parts.push(sentence.slice(at));
  return parts;
}

function plural(n, one, many) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function reportsText(event) {
  if (event.num_mentions === 1) return "Reported once";
  const times = event.num_mentions === 1 ? "once" : event.num_mentions === 2 ? "twice" : `${formatCount(event.num_mentions)} times`;
  return `Reported ${times}, in ${plural(event.num_articles, "article", "articles")} from ${plural(event.num_sources, "source", "sources")}`;
}

function evidenceView(found) {
  const { event, document: doc } = found;
  const views = found.mentions.map((mention) => {
    const source = mention.url
      ? h("a", { href: mention.url, target: "_blank", rel: "noopener noreferrer", class: "source-link" },
          mention.title || mention.url)
      : h("span", {}, mention.title || mention.doc_id, h("span", { class: "muted" }, " (no URL stored)"));
    const context = mention.paragraph && mention.paragraph !== mention.sentence
      ? h("details", { class: "context" }, h("summary", {}, "Paragraph"), h("p", {}, mention.paragraph)) : null;
    return h("div", { class: mention.root ? "mention root" : "mention" },
      h("blockquote", { class: "sentence" }, highlighted(mention.sentence, mention.spans)),
      h("p", { class: "source" }, "Source: ", source,
        mention.site_name ? h("span", { class: "muted" }, ` · ${mention.site_name}`) : null,
        mention.published ? h("span", { class: "muted" }, ` · published ${mention.published}`) : null,
        mention.root && found.mentions.length > 1 ? h("span", { class: "first-report" }, "first report") : null),
      context);
  });
  const shown = views.slice(0, REPORTS_SHOWN);
  const folded = views.slice(REPORTS_SHOWN);
  const reports = h("div", { class: "reports" },
    h("p", { class: "reports-summary" }, reportsText(event)),
    shown,
    folded.length ? h("details", { class: "more-reports" },
      h("summary", {}, `${plural(folded.length, "more report", "more reports")}`), folded) : null);
  const facts = [
    ["Event", `${event.event_code} ${cameo[event.event_code] || ""}`],
    ["PLOVER", [event.plover_event_type, event.plover_mode].filter(Boolean).join(" / ") || "–"],
    ["Goldstein", formatNumber(event.goldstein_scale)],
    ["Date", `${event.event_date || "–"} (${event.date_precision || "?"}${event.date_text ? `: “${event.date_text}”` : ""})`],
    ["Coder", `${event.coder}${event.pattern_id ? ` · pattern ${event.pattern_id}` : ""}`],
    ["Grouped", `${event.dedup} rule · GDELT id ${event.global_event_id}`],
    ["Document", doc ? doc.doc_id : event.doc_id],
    ["Event id", event.event_id],
  ];
  return h("div", { class: "evidence" },
    reports,
    h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    h("p", { class: "links" },
      h("a", { href: `/api/events/${encodeURIComponent(event.event_id)}`, target: "_blank", rel: "noopener" }, "Event JSON"),
      " · ",
      h("a", { href: `/api/documents/${event.doc_id.split("/").map(encodeURIComponent).join("/")}`, target: "_blank", rel: "noopener" }, "Document JSON")));
}

start();
