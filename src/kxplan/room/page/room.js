// The participant's page: join by name, then follow the room and answer from the phone.
// Everything a person typed is put on the page as text (textContent), never as markup.
"use strict";

const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
const storeKey = "kxplan-device:" + base;
let device = localStorage.getItem(storeKey) || "";
let view = null;
let tab = "now";
let events = null;

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
    say("No connection to the room. Check the network and try again.");
    return null;
  }
  let data = {};
  try { data = await response.json(); } catch (error) { data = {}; }
  if (!response.ok) { say(data.error || "The room did not take that (" + response.status + ")."); return null; }
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
  document.getElementById("title").textContent = view.title || "kxplan room";
  document.getElementById("who").textContent = view.me ? "You are " + view.me : "";
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
  if (view.closed) return [el("h2", {}, "The room is closed."), el("p", { class: "muted" }, "Thank you for taking part.")];
  if (!view.me) return joining();
  const parts = [];
  if (tab === "ideas") parts.push(...ideas());
  else parts.push(...now());
  parts.push(el("nav", {},
    el("button", { class: tab === "now" ? "chosen" : "", onclick: () => { tab = "now"; show(view); } }, "Now"),
    el("button", { class: tab === "ideas" ? "chosen" : "", onclick: () => { tab = "ideas"; show(view); } }, "Ideas")));
  return parts;
}

function joining() {
  const parts = [el("h2", {}, "Who are you?")];
  const names = el("div", { class: "names" });
  for (const name of view.names || []) names.append(el("button", { onclick: () => call("join", { name }) }, name));
  parts.push(names);
  if (view.allow_new_names) {
    const input = el("input", { id: "new-name", maxlength: "60", autocomplete: "name", placeholder: "Your name" });
    parts.push(el("label", { for: "new-name" }, "Not on the list?"), input,
      el("button", { class: "wide", onclick: () => call("join", { name: input.value }) }, "Join"));
  } else if (!(view.names || []).length) {
    parts.push(el("p", { class: "muted" }, "No names yet: ask the facilitator to add you."));
  }
  return parts;
}

function now() {
  const parts = [];
  const voting = view.dots && view.dots.open;
  if (voting) parts.push(...dots(view.dots));  // an open vote first: it is what the room does now
  if (view.round) parts.push(...round(view.round));
  if (view.dots && !voting) parts.push(...dots(view.dots));
  if (!view.round && !view.dots) parts.push(el("p", { class: "muted" }, "Waiting for the facilitator to start a round."));
  return parts;
}

function round(r) {
  const heading = r.status === "open" ? "Estimate" : (r.status === "accepted" ? "Accepted" : "Revealed");
  const parts = [el("h2", {}, heading + " · round " + r.number)];
  if (r.status === "open") parts.push(el("p", { class: "muted" }, "Answered so far: " + (r.answered.length ? r.answered.join(", ") : "nobody yet")));
  for (const item of r.items) {
    const card = el("section", { class: "card" }, el("h2", {}, item.title));
    const facts = el("dl", { class: "case" });
    for (const [label, text] of [["Why", item.why], ["What", item.what], ["How", item.how]]) {
      if (text) facts.append(el("dt", {}, label), el("dd", {}, text));
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
  const parts = [el("h3", {}, q.label + (q.mine !== null && q.mine !== undefined ? " · your answer " + q.mine : ""))];
  if (!q.may) return [...parts, el("p", { class: "muted" }, "Others rate this one.")];
  if (r.status !== "open") return parts;
  const send = (value) => call("answer", { round: r.number, initiative: item.id, score: q.score, value });
  if (q.step) {
    const scale = el("div", { class: "scale", role: "group", "aria-label": q.label });
    for (let v = q.min; v <= q.max + 1e-9; v += q.step) {
      const value = Math.round(v * 100) / 100;
      scale.append(el("button", { class: q.mine === value ? "chosen" : "", "aria-pressed": String(q.mine === value), onclick: () => send(value) }, String(value)));
    }
    parts.push(scale);
    for (const [value, text] of q.anchors) parts.push(el("p", { class: "anchor" }, value + " = " + text));
  } else {
    const id = "answer-" + item.id + "-" + q.score;
    const input = el("input", { id, type: "number", inputmode: "decimal", min: String(q.min), value: q.mine ?? "" });
    parts.push(input, el("button", { class: "wide", onclick: () => {
      const text = input.value.trim();
      if (text === "" || !Number.isFinite(Number(text))) { say("Type a number first."); return; }
      send(Number(text));
    } }, "Send"));
  }
  return parts;
}

function tally(t) {
  if (!t.count) return [el("p", { class: "muted" }, "No answers.")];
  const parts = [el("p", {}, "Median " + t.median + " of " + t.count + (t.count === 1 ? " answer" : " answers"))];
  const most = Math.max(1, ...t.distribution.map(([, n]) => n));
  for (const [value, count] of t.distribution) {
    const bar = el("i", {});
    bar.style.width = (count / most * 60) + "%";
    parts.push(el("div", { class: "bar" }, el("span", {}, String(value)), bar, el("span", {}, String(count))));
  }
  parts.push(el("p", {}, "Lowest " + t.low + " (" + t.low_by.join(", ") + "), highest " + t.high + " (" + t.high_by.join(", ") + ")"));
  if (t.agreement) parts.push(el("p", { class: "muted" }, "Agreement: " + t.agreement));
  if (t.outliers.length) parts.push(el("p", {}, "Far from the others: " + t.outliers.join(", ")));
  return parts;
}

function dots(d) {
  const parts = [el("h2", {}, d.open ? "Dot voting · " + d.left + " of " + d.dots + " dots left" : "Dot voting · results")];
  if (d.question) parts.push(el("p", { class: "question" }, d.question));
  for (const item of d.items) {
    const row = el("div", { class: "row card" }, el("span", { class: "title" }, item.title));
    if (d.open) {
      row.append(
        el("button", { "aria-label": "Take a dot back from " + item.title, disabled: item.mine ? null : "", onclick: () => call("dot", { vote: d.number, initiative: item.id, delta: -1 }) }, "−"),
        el("span", { "aria-label": "your dots" }, String(item.mine)),
        el("button", { "aria-label": "Put a dot on " + item.title, disabled: d.left ? null : "", onclick: () => call("dot", { vote: d.number, initiative: item.id, delta: 1 }) }, "+"));
    } else {
      row.append(el("strong", {}, String(item.count ?? 0)));
    }
    parts.push(row);
  }
  return parts;
}

function ideas() {
  const box = view.ideas;
  const kind = el("select", { id: "idea-kind" });
  for (const [key, label] of box.kinds) kind.append(el("option", { value: key }, label));
  const title = el("input", { id: "idea-title", maxlength: "120", placeholder: "A short title" });
  const text = el("textarea", { id: "idea-text", maxlength: "1000", rows: "3", placeholder: "One line on what and why" });
  const parts = [el("h2", {}, "Send an idea"),
    el("label", { for: "idea-kind" }, "What is it?"), kind,
    el("label", { for: "idea-title" }, "Title"), title,
    el("label", { for: "idea-text" }, "Text"), text,
    el("button", { class: "wide", onclick: async () => {
      if (await call("idea", { kind: kind.value, title: title.value, text: text.value })) {
        for (const id of ["idea-title", "idea-text"]) document.getElementById(id).value = "";  // ready for the next
        say("");
      }
    } }, "Send idea"),
    el("h2", {}, box.shown ? "Ideas so far" : "Your ideas")];
  if (!box.list.length) parts.push(el("p", { class: "muted" }, "None yet."));
  for (const idea of box.list) {
    parts.push(el("div", { class: "card" }, el("strong", {}, idea.title), idea.text ? el("p", {}, idea.text) : null,
      el("p", { class: "muted" }, (idea.mine ? "you" : idea.by) + " · " + idea.status)));
  }
  return parts;
}

fetch(base + "api/view", { headers: device ? { "X-Kxplan-Device": device } : {} })
  .then((r) => r.json()).then(show).catch(() => say("No connection to the room."));
follow();
