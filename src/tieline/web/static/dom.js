// Small helpers to build HTML and SVG elements. Text always goes in as text nodes, never as markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(element, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      element.setAttribute("class", value);
    } else if (key === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

// Colour of a tie from its share of cooperative events: conflict red, mixed grey, cooperation green.
const CONFLICT = [196, 64, 55];
const MIXED = [150, 158, 168];
const COOPERATION = [36, 138, 104];

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

export function tieColour(coopShare) {
  if (coopShare === null || coopShare === undefined || Number.isNaN(coopShare)) return `rgb(${MIXED.join(",")})`;
  const rgb = coopShare < 0.5 ? mix(CONFLICT, MIXED, coopShare / 0.5) : mix(MIXED, COOPERATION, (coopShare - 0.5) / 0.5);
  return `rgb(${rgb.join(",")})`;
}

export const QUAD_NAMES = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};

export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Number(value.toFixed(digits));
  return (rounded > 0 ? "+" : "") + rounded.toLocaleString("en-GB");
}

export function formatCount(value) {
  return Number(value || 0).toLocaleString("en-GB");
}
