// The search page (/tim-kiem/): queries the Pagefind index that `python build.py`
// writes, with no server. Runs only on that page (its CSP allows this script,
// Pagefind's WebAssembly and worker, nothing else). Results are built with DOM
// methods (textContent): no text from the index is ever parsed as HTML.
//
// Vietnamese: Pagefind ignores tone marks but not "đ". A document with đ carries,
// after the word FOLD_MARKER, a copy of its text with đ -> d (generator/search.py),
// and the query is folded the same way, so "duong" finds "đường". A match in the
// copy is mapped back to the same word of the original, which is what is shown.

const FOLD_MARKER = "\u2042";  // ⁂
const PAGE_SIZE = 10;
const SCAN_LIMIT = 200;  // results examined at most when filtering by section

const form = document.getElementById("tim-kiem-form");
const input = document.getElementById("tu-khoa");
const select = document.getElementById("chuyen-trang");
const status = document.getElementById("ket-qua-trang-thai");
const list = document.getElementById("ket-qua");
const more = document.getElementById("xem-them");
const sectionNames = new Map([...select.options].map((o) => [o.value, o.textContent]));

document.getElementById("khong-js").hidden = true;

let pagefind = null;
let current = null;  // {results, next, shown, token}
let token = 0;

async function load() {
  if (!pagefind) {
    const bundle = new URL(form.dataset.index, document.baseURI).href;
    pagefind = await import(bundle);
    await pagefind.options({ excerptLength: 30 });
    pagefind.init();
  }
  return pagefind;
}

export function foldQuery(text) {
  return text.replace(/đ/g, "d").replace(/Đ/g, "D");
}

// The words shown and the positions to mark: matches in the folded copy map back.
function excerptOf(data, length) {
  const words = data.content.split(/[\r\n\s]+/g);
  let count = words.length;
  if (count % 2 === 1 && words[(count - 1) / 2] === FOLD_MARKER) {
    count = (count - 1) / 2;
  }
  const marks = new Set(data.locations.map((l) => (l > count ? l - count - 1 : l)).filter((l) => l < count));
  const sorted = [...marks].sort((a, b) => a - b);
  let start = 0;
  let best = -1;
  for (const l of sorted) {  // the window of `length` words holding the most matches
    const from = Math.max(0, l - 3);
    const hits = sorted.filter((m) => m >= from && m < from + length).length;
    if (hits > best) { best = hits; start = from; }
  }
  start = Math.max(0, Math.min(start, count - length));
  return { words: words.slice(start, Math.min(count, start + length)), start, marks, head: start > 0,
           tail: start + length < count };
}

function renderItem(data) {
  const li = document.createElement("li");
  li.className = "item";
  const h = document.createElement("h2");
  h.className = "item-title";
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title || data.url;
  h.append(a);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [data.meta.date, sectionNames.get(data.meta.section), data.meta.category]
    .filter(Boolean).join(" · ");
  const p = document.createElement("p");
  p.className = "summary";
  const ex = excerptOf(data, 30);
  if (ex.head) p.append("… ");
  ex.words.forEach((word, i) => {
    if (i > 0) p.append(" ");
    if (ex.marks.has(ex.start + i)) {
      const mark = document.createElement("mark");
      mark.textContent = word;
      p.append(mark);
    } else {
      p.append(word);
    }
  });
  if (ex.tail) p.append(" …");
  li.append(h, meta, p);
  return li;
}

async function showMore() {
  const run = current;
  const wanted = select.value;
  const batch = [];
  while (batch.length < PAGE_SIZE && run.next < run.results.length && run.next < SCAN_LIMIT) {
    const chunk = run.results.slice(run.next, run.next + PAGE_SIZE);
    run.next += chunk.length;
    const datas = await Promise.all(chunk.map((r) => r.data()));
    if (run.token !== token) return;
    for (const data of datas) {
      if (!wanted || data.meta.section === wanted) batch.push(data);
    }
  }
  for (const data of batch) list.append(renderItem(data));
  run.shown += batch.length;
  const left = run.next < Math.min(run.results.length, SCAN_LIMIT);
  more.hidden = !left;
  if (run.shown === 0 && !left) {
    status.textContent = `Không tìm thấy kết quả nào cho "${input.value.trim()}"` +
      (wanted ? ` trong mục ${sectionNames.get(wanted)}.` : ".");
  } else if (wanted) {
    status.textContent = `Kết quả trong mục ${sectionNames.get(wanted)} (đang hiện ${run.shown}).`;
  } else {
    status.textContent = `Tìm thấy ${run.results.length} kết quả (đang hiện ${run.shown}).`;
  }
}

async function search() {
  const query = input.value.trim();
  const mine = ++token;
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (select.value) params.set("muc", select.value);
  const qs = params.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
  list.replaceChildren();
  more.hidden = true;
  if (!query) {
    status.textContent = "";
    return;
  }
  status.textContent = "Đang tìm…";
  const pf = await load();
  const found = await pf.search(foldQuery(query));
  if (mine !== token) return;  // a newer search started meanwhile
  current = { results: found.results, next: 0, shown: 0, token: mine };
  await showMore();
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(search, 250);
});
select.addEventListener("change", search);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search();
});
more.addEventListener("click", showMore);

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
if (sectionNames.has(params.get("muc") || "")) select.value = params.get("muc") || "";
if (input.value) search();
