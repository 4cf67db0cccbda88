// The participant's page: join by name, then follow the room and answer from the phone.
// Everything a person typed is put on the page as text (textContent), never as markup.
// The page holds no words of its own: they come from the server (api/strings) in the
// phone's language, with {named} places filled in here, as text.
"use strict";

const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
const storeKey = "kxplan-device:" + base;
let device = localStorage.getItem(storeKey) || "";
let view = null;
let tab = "now";
let events = null;
let words = null;

// A text of the page in the phone's language, its {places} filled in.
function t(key, values) {
  const text = (words && words.texts[key]) || key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (values && name in values ? String(values[name]) : whole));
}

// A number as the phone's language writes it: "2,5" in Swedish, thousands grouped.
function num(value) {
  if (value === null || value === undefined) return "–";
  const text = String(value);
  if (!words || !/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole, part] = text.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "");
  const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, words.group) : digits;
  return sign + grouped + (part ? words.decimal + part : "");
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "onclick") node.addEventListener("click", value);
    else if (key === "class") node.className = value;
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function say(text) {
  const box = document.getElementById("message");
  box.textContent = text || "";
  box.hidden = !text;
  if (text) setTimeout(() => { if (box.textContent === text) box.hidden = true; }, 5000);
}

async function call(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (device) headers["X-Kxplan-Device"] = device;
  let response;
  try {
    response = await fetch(base + "api/" + path, { method: "POST", headers, body: JSON.stringify(body) });
  } catch (error) {
    say(t("offline_retry"));
    return null;
  }
  let data = {};
  try { data = await response.json(); } catch (error) { data = {}; }
  if (!response.ok) { say(data.error || t("refused", { status: response.status })); return null; }
  say("");
  if (data.device) { device = data.device; localStorage.setItem(storeKey, device); follow(); }
  if (data.view) show(data.view);
  return data;
}

function follow() {
  if (events) events.close();
  const query = device ? "?device=" + encodeURIComponent(device) : "";
  events = new EventSource(base + "api/events" + query);
  events.onmessage = (event) => show(JSON.parse(event.data));
  events.addEventListener("closed", () => { events.close(); show({ closed: true, title: view ? view.title : "" }); });
  events.onerror = () => { if (view && view.closed) events.close(); };
}

function show(next) {
  if (view && next.version !== undefined && view.version !== undefined && next.version < view.version) return;
  view = next;
  if (view.me === null && device) { device = ""; localStorage.removeItem(storeKey); follow(); }
  document.getElementById("title").textContent = view.title || t("title");
  document.getElementById("who").textContent = view.me ? t("you_are", { name: view.me }) : "";
  const main = document.getElementById("main");
  const kept = keep(main);
  main.replaceChildren(...render());
  restore(kept);
}

// What the participant is typing survives the room changing under them: each field
// with an id keeps its value, and the focused one its cursor.
function keep(main) {
  const values = {};
  for (const field of main.querySelectorAll("input[id], textarea[id], select[id]")) values[field.id] = field.value;
  const active = document.activeElement && main.contains(document.activeElement) ? document.activeElement : null;
  const caret = active && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
  return { values, active: active ? active.id : "", caret };
}

function restore(kept) {
  for (const [id, value] of Object.entries(kept.values)) {
    const field = document.getElementById(id);
    if (field && value !== "") field.value = value;
  }
  const active = kept.active ? document.getElementById(kept.active) : null;
  if (active) {
    active.focus();
    if (kept.caret && "setSelectionRange" in active) {
      try { active.setSelectionRange(kept.caret[0], kept.caret[1]); } catch (error) { /* a number field */ }
    }
  }
}

function render() {
  if (view.closed) return [el("h2", {}, t("closed")), el("p", { class: "muted" }, t("thanks"))];
  if (!view.me) return joining();
  const parts = [];
  if (tab === "ideas") parts.push(...ideas());
  else parts.push(...now());
  parts.push(el("nav", {},
    el("button", { class: tab === "now" ? "chosen" : "", onclick: () => { tab = "now"; show(view); } }, t("tab_now")),
    el("button", { class: tab === "ideas" ? "chosen" : "", onclick: () => { tab = "ideas"; show(view); } }, t("tab_ideas"))));
  return parts;
}

function joining() {
  const parts = [el("h2", {}, t("who"))];
  const names = el("div", { class: "names" });
  for (const name of view.names || []) names.append(el("button", { onclick: () => call("join", { name }) }, name));
  parts.push(names);
  if (view.allow_new_names) {
    const input = el("input", { id: "new-name", maxlength: "60", autocomplete: "name", placeholder: t("your_name") });
    parts.push(el("label", { for: "new-name" }, t("not_listed")), input,
      el("button", { class: "wide", onclick: () => call("join", { name: input.value }) }, t("join")));
  } else if (!(view.names || []).length) {
    parts.push(el("p", { class: "muted" }, t("no_names")));
  }
  return parts;
}

function now() {
  const parts = [];
  const voting = view.dots && view.dots.open;
  if (voting) parts.push(...dots(view.dots));  // an open vote first: it is what the room does now
  if (view.round) parts.push(...round(view.round));
  if (view.dots && !voting) parts.push(...dots(view.dots));
  if (!view.round && !view.dots) parts.push(el("p", { class: "muted" }, t("waiting")));
  return parts;
}

function round(r) {
  const heading = r.status === "open" ? "round_open" : (r.status === "accepted" ? "round_accepted" : "round_revealed");
  const parts = [el("h2", {}, t(heading, { number: r.number }))];
  if (r.status === "open") parts.push(el("p", { class: "muted" }, t("answered", { names: r.answered.length ? r.answered.join(", ") : t("nobody_yet") })));
  for (const item of r.items) {
    const card = el("section", { class: "card" }, el("h2", {}, item.title));
    const facts = el("dl", { class: "case" });
    for (const [label, text] of [["why", item.why], ["what", item.what], ["how", item.how]]) {
      if (text) facts.append(el("dt", {}, t(label)), el("dd", {}, text));
    }
    if (facts.children.length) card.append(facts);
    for (const q of item.questions) {
      card.append(...question(r, item, q));
      const t = (r.reveal || []).find((t) => t.initiative === item.id && t.score === q.score);
      if (t) card.append(...tally(t));
    }
    parts.push(card);
  }
  return parts;
}

function question(r, item, q) {
  const answered = q.mine !== null && q.mine !== undefined;
  const parts = [el("h3", {}, answered ? t("your_answer", { question: q.label, value: num(q.mine) }) : q.label)];
  if (!q.may) return [...parts, el("p", { class: "muted" }, t("others_rate"))];
  if (r.status !== "open") return parts;
  const send = (value) => call("answer", { round: r.number, initiative: item.id, score: q.score, value });
  if (q.step) {
    const scale = el("div", { class: "scale", role: "group", "aria-label": q.label });
    for (let v = q.min; v <= q.max + 1e-9; v += q.step) {
      const value = Math.round(v * 100) / 100;
      scale.append(el("button", { class: q.mine === value ? "chosen" : "", "aria-pressed": String(q.mine === value), onclick: () => send(value) }, num(value)));
    }
    parts.push(scale);
    for (const [value, text] of q.anchors) parts.push(el("p", { class: "anchor" }, t("anchor", { value: num(value), meaning: text })));
  } else {
    const id = "answer-" + item.id + "-" + q.score;
    const input = el("input", { id, type: "number", inputmode: "decimal", min: String(q.min), value: q.mine ?? "" });
    parts.push(input, el("button", { class: "wide", onclick: () => {
      const text = input.value.trim();
      const typed = words ? text.replace(words.decimal, ".") : text;  // "2,5" as the phone types it
      if (typed === "" || !Number.isFinite(Number(typed))) { say(t("type_number")); return; }
      send(Number(typed));
    } }, t("send")));
  }
  return parts;
}

function tally(r) {
  if (!r.count) return [el("p", { class: "muted" }, t("no_answers"))];
  const parts = [el("p", {}, r.summary)];
  const most = Math.max(1, ...r.distribution.map(([, n]) => n));
  for (const [value, count] of r.distribution) {
    const bar = el("i", {});
    bar.style.width = (count / most * 60) + "%";
    parts.push(el("div", { class: "bar" }, el("span", {}, num(value)), bar, el("span", {}, num(count))));
  }
  parts.push(el("p", {}, t("extremes", { low: num(r.low), low_by: r.low_by.join(", "), high: num(r.high), high_by: r.high_by.join(", ") })));
  if (r.agreement) parts.push(el("p", { class: "muted" }, t("agreement", { agreement: words.agreements[r.agreement] || r.agreement })));
  if (r.outliers.length) parts.push(el("p", {}, t("outliers", { names: r.outliers.join(", ") })));
  return parts;
}

function dots(d) {
  const parts = [el("h2", {}, d.open ? d.heading : t("dots_results"))];
  if (d.question) parts.push(el("p", { class: "question" }, d.question));
  for (const item of d.items) {
    const row = el("div", { class: "row card" }, el("span", { class: "title" }, item.title));
    if (d.open) {
      row.append(
        el("button", { "aria-label": t("take_dot", { title: item.title }), disabled: item.mine ? null : "", onclick: () => call("dot", { vote: d.number, initiative: item.id, delta: -1 }) }, "−"),
        el("span", { "aria-label": t("your_dots") }, num(item.mine)),
        el("button", { "aria-label": t("put_dot", { title: item.title }), disabled: d.left ? null : "", onclick: () => call("dot", { vote: d.number, initiative: item.id, delta: 1 }) }, "+"));
    } else {
      row.append(el("strong", {}, num(item.count ?? 0)));
    }
    parts.push(row);
  }
  return parts;
}

function ideas() {
  const box = view.ideas;
  const kind = el("select", { id: "idea-kind" });
  for (const [key, label] of box.kinds) kind.append(el("option", { value: key }, label));
  const title = el("input", { id: "idea-title", maxlength: "120", placeholder: t("idea_title_hint") });
  const text = el("textarea", { id: "idea-text", maxlength: "1000", rows: "3", placeholder: t("idea_text_hint") });
  const parts = [el("h2", {}, t("send_idea_heading")),
    el("label", { for: "idea-kind" }, t("idea_kind")), kind,
    el("label", { for: "idea-title" }, t("idea_title")), title,
    el("label", { for: "idea-text" }, t("idea_text")), text,
    el("button", { class: "wide", onclick: async () => {
      if (await call("idea", { kind: kind.value, title: title.value, text: text.value })) {
        for (const id of ["idea-title", "idea-text"]) document.getElementById(id).value = "";  // ready for the next
        say("");
      }
    } }, t("send_idea")),
    el("h2", {}, box.shown ? t("ideas_so_far") : t("your_ideas"))];
  if (!box.list.length) parts.push(el("p", { class: "muted" }, t("none_yet")));
  for (const idea of box.list) {
    parts.push(el("div", { class: "card" }, el("strong", {}, idea.title), idea.text ? el("p", {}, idea.text) : null,
      el("p", { class: "muted" }, t("idea_by", { by: idea.mine ? t("you") : idea.by, status: words.statuses[idea.status] || idea.status }))));
  }
  return parts;
}

// The words first (in the phone's language), then the room.
fetch(base + "api/strings")
  .then((r) => r.json())
  .then((found) => {
    words = found;
    document.documentElement.lang = words.lang;
    return fetch(base + "api/view", { headers: device ? { "X-Kxplan-Device": device } : {} });
  })
  .then((r) => r.json()).then((next) => { show(next); follow(); })
  .catch(() => say(document.body.dataset.offline));
