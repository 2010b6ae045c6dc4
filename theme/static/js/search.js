/* The search page (/cerca/): asks the Pagefind index that eroi/plugins/search
   writes with the site, and shows the results in the site's own markup.
   The words and filters live in the URL (?q=...&relatore=...), so a search
   can be shared and the back button returns to the previous one. Nothing is
   requested from any other host.

   What was said in the talks (their transcripts) is a second index, asked
   once the pages' results are shown and the reader nears their end: its talks are listed apart, each with
   the passages that hold the words. A speaker's name or a tag the query
   names puts their pages first; a query that finds nothing offers the
   closest word of the index ("Forse cercavi ...", pagefind/parole.json).

   The filters' options are in the page (eroi/plugins/search writes them with the
   site): none of the index is downloaded to show them. A talk found has its
   "Salva per dopo" and "Vista" (js/mylist.js), and "La mia lista" (?lista=)
   keeps the talks the reader marked in this browser. */

const form = document.getElementById("ricerca");
const input = document.getElementById("ricerca-testo");
const status = document.getElementById("ricerca-stato");
const list = document.getElementById("ricerca-risultati");
const more = document.getElementById("ricerca-altri");
const broken = document.getElementById("ricerca-guasta");
const maybe = document.getElementById("ricerca-forse");
const spokenSection = document.getElementById("ricerca-detto-sezione");
const spokenList = document.getElementById("ricerca-detto-risultati");
const spokenTitle = document.getElementById("ricerca-detto-titolo");
const spokenMark = document.getElementById("ricerca-detto-segno");
const SPOKEN_MOST = 20;

const PAGE = 10;
// The form's filters; "lista" is the reader's own (js/mylist.js), not the index's.
const FILTERS = ["tipo", "relatore", "anno", "tag", "lingua", "lista"];
const KINDS = {
  articolo: "Articolo",
  videoconferenza: "Videoconferenza",
  relatore: "Relatore",
  pagina: "Pagina",
};

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

const element = (name, attributes = {}, ...children) => {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
};

/* Pagefind's excerpt is the page's text with "<" and ">" escaped and the
   matching words wrapped in <mark>: rebuilt here as text nodes and <mark>
   elements only, so no markup of a page can ever run in the results. */
const excerptNodes = (excerpt) => {
  const nodes = [];
  let marked = false;
  for (const part of (excerpt || "").split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) {
      const text = part.replaceAll("&lt;", "<").replaceAll("&gt;", ">");
      nodes.push(marked ? element("mark", {}, text) : document.createTextNode(text));
    }
  }
  return nodes;
};

/* A result's picture: its local image (same site only), or a drawn tile. */
const picture = (data, pageUrl) => {
  const box = element("div", { class: "result-picture" });
  let source = null;
  try {
    source = data.meta.image ? new URL(data.meta.image, pageUrl) : null;
  } catch {
    source = null;
  }
  if (source && source.origin === location.origin) {
    box.append(
      element("img", {
        src: source.href,
        alt: "",
        width: "160",
        height: "90",
        loading: "lazy",
        decoding: "async",
      }),
    );
  } else {
    const kind = data.filters?.tipo?.[0];
    const initials = (data.meta.title || "")
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0].toUpperCase())
      .join("");
    const label = kind === "relatore" ? initials : KINDS[kind] || "";
    box.append(element("span", { class: "card-placeholder", "aria-hidden": "true" }, label));
  }
  return box;
};

/* Transcript passages (list items #t-SECONDS on a talk page, Pagefind's
   anchors) that hold the words, with the words around them: each links to
   the talk at that moment (?t= starts the player there, #t- shows it). */
const PASSAGE = /^t-(\d{1,6})$/;
const MOST_PASSAGES = 3;
const AROUND = 12; // words before and after the first one found
const passageList = (data) => {
  const words = data.content.split(/\s+/); // Pagefind's locations index these
  const found = new Set(data.locations);
  const anchors = (data.anchors || []).filter((a) => PASSAGE.test(a.id));
  anchors.sort((a, b) => a.location - b.location);
  const passages = new Map();
  for (const at of [...found].sort((a, b) => a - b)) {
    const anchor = anchors.findLast((a) => a.location <= at);
    if (anchor && !passages.has(anchor.id)) passages.set(anchor.id, { anchor, at });
    if (passages.size === MOST_PASSAGES) break;
  }
  const items = [...passages.values()].map(({ anchor, at }) => {
    const next = anchors.find((a) => a.location > anchor.location);
    const url = new URL(data.url, location.href);
    url.search = `?t=${anchor.id.match(PASSAGE)[1]}`;
    url.hash = anchor.id;
    const from = Math.max(anchor.location + 1, at - AROUND); // after the time
    const to = Math.min(at + AROUND, next ? next.location : words.length); // not the next time
    const excerpt = words.slice(from, to).flatMap((word, i) => [
      found.has(from + i) ? element("mark", {}, word) : document.createTextNode(word),
      " ",
    ]);
    return element(
      "li",
      {},
      element("a", { href: url.href, class: "passage-time" }, `Trascrizione, ${anchor.text}`),
      " ",
      element("span", { class: "excerpt" }, "…", ...excerpt, "…"),
    );
  });
  return items.length ? element("ul", { class: "passages" }, ...items) : null;
};

/* Letters only, lower case, accents aside: how names and words compare. */
const folded = (text) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const wordsOf = (text) => folded(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/* The speakers (the form's own options) whose name holds every word of the
   query, one of three letters or more ("Corio", "Mario Corio"), and the tag
   that is the query ("backup"). */
const named = (query, key) => {
  const asked = wordsOf(query);
  if (!asked.some((word) => word.length > 2)) return [];
  return [...(form.elements[key]?.options ?? [])]
    .map((option) => option.value)
    .filter((value) => {
      const own = wordsOf(value);
      if (key === "tag") return value && own.join(" ") === asked.join(" ");
      return value && asked.every((word) => own.includes(word));
    });
};

/* Edits (insert, delete, change, swap two letters) from one word to another. */
const distance = (a, b) => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
};

/* The query with each word the index lacks changed for its closest word in
   the index (one edit for short words, two for longer ones; the word of the
   most pages on equal distance), or null. */
const closest = (query, vocabulary) => {
  const known = new Map(vocabulary.map((word) => [folded(word), word]));
  let changed = false;
  // Its words as they compare (no quotes, punctuation, accents, capitals).
  const words = wordsOf(query).map((mine) => {
    if (mine.length < 4 || known.has(mine)) return mine;
    const most = mine.length < 6 ? 1 : 2;
    let best = null;
    let bestDistance = most + 1;
    for (const [key, original] of known) {
      if (Math.abs(key.length - mine.length) > most) continue;
      const far = distance(mine, key);
      if (far < bestDistance) [best, bestDistance] = [original, far];
    }
    if (!best) return mine;
    changed = true;
    return best;
  });
  return changed ? words.join(" ") : null;
};

/* A talk's "Salva per dopo" and "Vista": the box partials/mylist_controls.html
   writes, from what talk.html gives the index; js/mylist.js fills it. */
const controls = ({ chiave, slug, title, indirizzo, durata, senzavisto }) =>
  chiave
    ? element("div", {
        class: "mylist-controls",
        "data-talk": chiave,
        "data-slug": slug,
        "data-titolo": title,
        "data-indirizzo": indirizzo,
        ...(durata && { "data-durata": durata }),
        // No recording (yet): no "Vista" (js/mylist.js).
        ...(senzavisto && { "data-senza-visto": "" }),
      })
    : null;

// js/mylist.js wires the boxes drawn since its last look.
const scan = () => document.dispatchEvent(new CustomEvent("mylist:scan"));

/* The talks the reader marked so ("da-vedere", "visti") in this browser, as
   keys of the index's "chiave" filter; " " is no talk's key, so that an empty
   list finds nothing (an empty "any" would find everything). */
const marked = (lista) => {
  const asked = { lista, keys: [" "] };
  document.dispatchEvent(new CustomEvent("mylist:keys", { detail: asked }));
  return { any: asked.keys };
};

const resultItem = (data, heading = "h2", buttons = true) => {
  const pageUrl = new URL(data.url, location.href);
  const kind = data.filters?.tipo?.[0];
  const details = [KINDS[kind], data.meta.data, data.meta.persone, data.meta.conteggio]
    .filter(Boolean)
    .join(" · ");
  const date = data.meta.datetime
    ? element("time", { datetime: data.meta.datetime }, details)
    : document.createTextNode(details);
  return element(
    "li",
    { class: "search-result" },
    picture(data, pageUrl),
    element(
      "div",
      { class: "search-result-body" },
      element(heading, {}, element("a", { href: pageUrl.href }, data.meta.title || pageUrl.pathname)),
      element("p", { class: "meta" }, date),
      element("p", { class: "excerpt" }, ...excerptNodes(data.excerpt)),
      passageList(data),
      buttons ? controls(data.meta) : null,
    ),
  );
};

const readUrl = () => {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const key of FILTERS) {
    const select = form.elements[key];
    if (!select) continue;
    const value = params.get(key) ?? "";
    select.value = value;
    if (select.value !== value) select.value = "";
  }
  // A shared link's filters show, even folded on a phone.
  const box = form.querySelector(".filters-box");
  if (box && FILTERS.some((key) => form.elements[key]?.value)) box.open = true;
};

const currentState = () => {
  const filters = {};
  for (const key of FILTERS) {
    const value = form.elements[key]?.value;
    if (value) filters[key] = value;
  }
  return { query: input.value.trim(), filters };
};

const stateUrl = ({ query, filters }) => {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [key, value] of Object.entries(filters)) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : location.pathname;
};

const main = async () => {
  const bundle = new URL(form.dataset.pagefindBundle, location.href);
  const siteRoot = new URL(form.dataset.siteRoot, location.href);
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ basePath: bundle.pathname, baseUrl: siteRoot.pathname, noWorker: true });
  await pagefind.init();

  // The spoken words' index: a Pagefind of its own, loaded on first need.
  let spokenIndex = null;
  const spoken = () => {
    spokenIndex ??= (async () => {
      const where = new URL(form.dataset.pagefindSpoken, location.href);
      const index = await import(new URL("pagefind.js", where).href);
      await index.options({ basePath: where.pathname, baseUrl: siteRoot.pathname, noWorker: true });
      await index.init();
      return index;
    })();
    return spokenIndex;
  };

  let shown = [];
  let run = 0;

  /* Resolves once the end of the pages' results is within a screen of the
     reader's (at once when they are few). */
  let watch = null;
  const near = () =>
    new Promise((resolve) => {
      watch?.disconnect(); // an older search's, never to be answered
      watch = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          watch.disconnect();
          resolve();
        },
        { rootMargin: "0px 0px 100% 0px" },
      );
      watch.observe(spokenMark);
    });

  /* The talks where the words were said, with their passages. */
  const searchSpoken = async (query, filters) => {
    if (!form.dataset.pagefindSpoken || !query) return [];
    let index;
    try {
      index = await spoken();
    } catch {
      return []; // a site without transcripts has no spoken index
    }
    const found = await index.search(query, { filters });
    const data = await Promise.all(found.results.slice(0, SPOKEN_MOST).map((r) => r.data()));
    // Under their section's h2; a talk the pages' results show has its
    // buttons there only.
    const shown = new Set([...list.querySelectorAll("[data-talk]")].map((box) => box.dataset.talk));
    return data.map((one) => resultItem(one, "h3", !shown.has(one.meta.chiave)));
  };

  const showMore = async () => {
    const batch = shown.splice(0, PAGE);
    const items = (await Promise.all(batch.map((result) => result.data()))).map((data) => resultItem(data));
    list.append(...items);
    scan();
    more.hidden = shown.length === 0;
    return items;
  };

  /* "Forse cercavi ...": the closest words of the index, when they find
     something; the index's words are downloaded the first time. */
  let vocabulary = null;
  const suggest = async (query, filters) => {
    vocabulary ??= fetch(new URL("parole.json", bundle)).then((r) => (r.ok ? r.json() : []));
    const better = closest(query, await vocabulary.catch(() => []));
    if (!better || !(await pagefind.search(better, { filters })).results.length) return null;
    return better;
  };

  const search = async () => {
    const mine = ++run;
    maybe.hidden = true;
    const { query, filters: chosen } = currentState();
    const filtered = Object.keys(chosen).length > 0;
    const { lista, ...filters } = chosen;
    if (lista) filters.chiave = marked(lista);
    if (!query && !filtered) {
      list.replaceChildren();
      spokenList?.replaceChildren();
      if (spokenSection) spokenSection.hidden = true;
      more.hidden = true;
      status.textContent = "Scrivi una parola, un nome o un tema, oppure scegli un filtro.";
      return;
    }
    // A speaker or a tag the query names: their pages first (a search of
    // the same words in their filter, at the same time).
    const quoted = /^".*"$/.test(query); // Pagefind's exact phrase
    const names = query && !quoted ? { relatore: named(query, "relatore"), tag: named(query, "tag") } : {};
    const exact = Object.entries(names)
      .filter(([key, values]) => values.length && !filters[key])
      .map(([key, values]) => ({ [key]: { any: values } }));
    // Relevance first; on equal relevance, the newest first: the order by
    // date of the same results breaks the ties.
    const [relevant, newest, theirs] = await Promise.all([
      pagefind.search(query || null, { filters }),
      pagefind.search(query || null, { filters, sort: { data: "desc" } }),
      exact.length ? pagefind.search(query, { filters: { ...filters, any: exact } }) : null,
    ]);
    if (mine !== run) return; // a newer search has started
    const rank = new Map(newest.results.map((result, i) => [result.id, i]));
    let results = query
      ? [...relevant.results].sort(
          (a, b) => b.score - a.score || rank.get(a.id) - rank.get(b.id),
        )
      : newest.results;
    if (theirs) {
      const ids = new Set(theirs.results.map((result) => result.id));
      results = [
        ...results.filter((result) => ids.has(result.id)),
        ...results.filter((result) => !ids.has(result.id)),
      ];
    }
    shown = [...results];
    list.replaceChildren();
    spokenList?.replaceChildren();
    if (spokenSection) spokenSection.hidden = true;
    await showMore();
    if (mine !== run) return;
    const what = query ? ` per «${query}»` : "";
    const how = filtered ? " con i filtri scelti" : "";
    status.textContent = results.length
      ? `${plural(results.length, "risultato", "risultati")}${what}${how}.`
      : `Nessun risultato tra le pagine${what}${how}.`;
    // What was said, once the pages' results are on screen and the reader
    // is near their end: its index is a second Pagefind, WebAssembly and
    // all, not worth a phone's while for a reader who found it already.
    if (query && form.dataset.pagefindSpoken) await near();
    if (mine !== run) return;
    const said = await searchSpoken(query, filters);
    if (mine !== run) return;
    spokenList?.replaceChildren(...said);
    scan();
    if (spokenSection) spokenSection.hidden = said.length === 0;
    // The status keeps its line (it was set with the pages' results): what
    // was said says its count in its own heading, below them.
    const talks = plural(said.length, "videoconferenza", "videoconferenze");
    if (spokenTitle) spokenTitle.textContent = `Detto in ${talks}`;
    if (results.length) return;
    if (said.length) {
      status.textContent = `Nessun risultato tra le pagine${what}${how}, ma è stato detto in ${talks}.`;
      return;
    }
    status.textContent = `Nessun risultato${what}${how}. Prova con meno parole o meno filtri.`;
    const better = query && (await suggest(query, filters));
    if (!better || mine !== run) return;
    const link = maybe.querySelector("a");
    link.textContent = better;
    link.href = stateUrl({ query: better, filters: chosen });
    maybe.hidden = false;
  };

  let typing = null;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      history.replaceState(null, "", stateUrl(currentState()));
      search();
    }, 250);
  });
  form.addEventListener("change", (event) => {
    if (event.target === input) return;
    history.pushState(null, "", stateUrl(currentState()));
    search();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    const url = stateUrl(currentState());
    if (url !== (location.search || location.pathname)) history.pushState(null, "", url);
    search();
  });
  maybe.querySelector("a").addEventListener("click", (event) => {
    event.preventDefault();
    input.value = event.target.textContent;
    history.pushState(null, "", stateUrl(currentState()));
    search();
  });
  more.addEventListener("click", async () => {
    const [first] = await showMore();
    first?.querySelector("a")?.focus();
  });
  window.addEventListener("popstate", () => {
    readUrl();
    search();
  });

  readUrl();
  await search();
};

main().catch((error) => {
  console.error(error);
  form.hidden = true;
  status.textContent = "";
  broken.hidden = false;
});
