/* Playlist filters (/videoconferenze/): year, speaker, tag, language, state and words,
   over the whole archive. The page holds one page of talks; once a filter is
   set, the talks' index (videoconferenze/indice.json, eroi/plugins/talks/
   index.py) is fetched, once, and the talks that match are drawn in
   #risultati, in the page's list's place, a few at a time ("Mostra altre").
   The state lives in the URL, so a filtered playlist can be shared; without
   JavaScript CSS hides the form and the pages link to each other. */
(() => {
  const form = document.getElementById("filtri");
  const list = document.getElementById("elenco");
  if (!form || !list) return;
  const results = document.getElementById("risultati");
  const result = document.getElementById("filtri-esito");
  const total = +list.dataset.totale;
  const speakerSelect = form.elements.relatore;
  const fields = ["parole", "anno", "relatore", "tag", "lingua", "stato"]
    .map((name) => form.elements[name])
    .filter(Boolean);
  const STEP = 48; // cards drawn at a time
  const root = new URL("../../", document.currentScript.src).href;
  const STATES = {
    recorded: "Registrazione disponibile",
    upcoming: "In programma",
    unavailable: "Registrazione non disponibile",
  };

  // "Perché" finds "perche", "Dell'Esperienza" finds "dell esperienza".
  const fold = (text) =>
    text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const make = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };

  // The index, fetched once: its talks, each {url, titolo, relatori: [{slug,
  // name, url}], tag: [{slug, name}], ...} (the columns index.py names).
  let index;
  const load = () =>
    (index ??= fetch(list.dataset.indice)
      .then((response) => response.json())
      .then((data) => {
        const speakers = data.relatori.map(([slug, name, url]) => ({ slug, name, url }));
        const tags = data.tag.map(([slug, name]) => ({ slug, name }));
        const talks = data.videoconferenze.map((row) => {
          const talk = Object.fromEntries(data.colonne.map((name, n) => [name, row[n]]));
          talk.relatori = talk.relatori.map((n) => speakers[n]);
          talk.tag = talk.tag.map((n) => tags[n]);
          talk.nome_lingua = data.lingue[talk.lingua]; // "inglese"
          talk.altra = talk.nome_lingua !== data.lingue[data.lingua_sito];
          const words = [talk.numero, talk.titolo, talk.quando, talk.durata_testo, STATES[talk.stato]];
          for (const item of [...talk.relatori, ...talk.tag]) words.push(item.name, item.slug);
          talk.testo = ` ${fold(words.join(" "))} `;
          return talk;
        });
        // The speakers' filter gets its options now (thousands would weigh on every page).
        const counts = new Map();
        for (const talk of talks) for (const s of talk.relatori) counts.set(s, (counts.get(s) ?? 0) + 1);
        speakerSelect?.append(...speakers.map((s) => new Option(`${s.name} (${counts.get(s)})`, s.slug)));
        return talks;
      }));

  // Which talks the reader marked so in this browser (js/mylist.js).
  const marked = (lista) => {
    const asked = { lista, keys: [] };
    document.dispatchEvent(new CustomEvent("mylist:keys", { detail: asked }));
    return new Set(asked.keys);
  };

  const matches = (talks, state) => {
    const { anno, relatore, tag, lingua, stato, parole } = state;
    const mine = stato === "da-vedere" || stato === "visti" ? marked(stato) : null;
    const words = fold(parole || "").split(" ").filter(Boolean);
    const found = talks.filter(
      (talk) =>
        (!anno || talk.data.startsWith(anno)) &&
        (!relatore || talk.relatori.some((s) => s.slug === relatore)) &&
        (!tag || talk.tag.some((t) => t.slug === tag)) &&
        (!lingua || talk.nome_lingua === lingua) &&
        (!stato || (mine ? mine.has(talk.video) || mine.has(talk.slug) : talk.stato === stato)) &&
        words.every((word) => talk.testo.includes(word)),
    );
    // "In programma": the nearest first.
    return stato === "upcoming" ? found.reverse() : found;
  };

  // A card as partials/talk_card.html writes it.
  const card = (talk) => {
    const picture = talk.anteprima
      ? make("img", { src: root + talk.anteprima, alt: "", width: 160, height: 90, loading: "lazy", decoding: "async" })
      : make("span", { class: "card-placeholder", "aria-hidden": "true" }, `#${talk.numero}`);
    const meta = make("p", { class: "meta" }, make("time", { datetime: talk.data }, talk.quando), " · ");
    talk.relatori.forEach((s, n) => meta.append(...(n ? [", "] : []), make("a", { href: root + s.url }, s.name)));
    if (talk.durata_testo) meta.append(" · ", make("span", { class: "duration" }, talk.durata_testo));
    if (talk.altra) meta.append(` · in ${talk.nome_lingua}`);
    const controls = make("div", {
      class: "mylist-controls",
      "data-talk": talk.video || talk.slug,
      "data-slug": talk.slug,
      "data-titolo": talk.titolo,
      "data-indirizzo": talk.url,
    });
    if (talk.durata) controls.dataset.durata = talk.durata;
    if (talk.stato !== "recorded") controls.dataset.senzaVisto = "";
    return make(
      "article",
      { class: "talk-card" },
      make("div", { class: "talk-card-picture" }, picture),
      make(
        "div",
        { class: "talk-card-body" },
        make("p", { class: "talk-number" }, `#${talk.numero}`),
        make(
          "h3",
          { class: "talk-card-title" },
          make("a", { href: root + talk.url, ...(talk.altra && { lang: talk.lingua }) }, talk.titolo),
        ),
        meta,
        make("span", { class: `state state-${talk.stato}` }, STATES[talk.stato]),
        controls,
      ),
    );
  };

  // Cards from `from` on, under their years' headings; "Mostra altre" for the rest.
  const draw = (found, from) => {
    results.querySelector(".more")?.remove();
    const years = new Map();
    for (const talk of found) {
      const year = talk.data.slice(0, 4);
      years.set(year, (years.get(year) ?? 0) + 1);
    }
    let section = results.lastElementChild;
    for (const talk of found.slice(from, from + STEP)) {
      const year = talk.data.slice(0, 4);
      if (section?.dataset.anno !== year) {
        const id = `risultati-${year}`;
        section = make(
          "section",
          { class: "talk-year", "aria-labelledby": id, "data-anno": year },
          make("h2", { id }, `${year} `, make("span", { class: "count" }, `(${years.get(year)})`)),
        );
        results.append(section);
      }
      section.append(card(talk));
    }
    document.dispatchEvent(new CustomEvent("mylist:scan"));
    if (found.length <= from + STEP) return;
    const more = make("button", { type: "button", class: "search-more" }, "Mostra altre videoconferenze");
    more.addEventListener("click", () => {
      draw(found, from + STEP);
      results.querySelectorAll(".talk-card-title a")[from + STEP]?.focus();
    });
    results.append(make("p", { class: "more" }, more));
  };

  const readState = () =>
    Object.fromEntries(fields.map((field) => [field.name, field.value.trim()]));

  let shown = 0; // each apply() draws only if no later one started
  const apply = async () => {
    const state = readState();
    const filtered = Object.values(state).some(Boolean);
    const turn = ++shown;
    if (!filtered) {
      results.removeAttribute("aria-busy");
      results.hidden = true;
      results.replaceChildren();
      list.hidden = false;
      result.textContent = `${plural(total, "videoconferenza", "videoconferenze")} in elenco.`;
      return state;
    }
    list.hidden = true;
    results.hidden = false;
    results.setAttribute("aria-busy", "true");
    let talks;
    try {
      talks = await load();
    } catch {
      index = undefined;
      results.replaceChildren();
      results.removeAttribute("aria-busy");
      result.textContent = "Non riesco a caricare l'elenco delle videoconferenze: riprova più tardi.";
      return state;
    }
    if (turn !== shown) return state;
    const found = matches(talks, readState());
    results.replaceChildren();
    draw(found, 0);
    results.removeAttribute("aria-busy");
    result.textContent =
      found.length === 0
        ? "Nessuna videoconferenza corrisponde ai filtri."
        : `${plural(found.length, "videoconferenza mostrata", "videoconferenze mostrate")} su ${total}.`;
    return state;
  };

  const writeUrl = (state) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(state)) if (value) params.set(name, value);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  const readUrl = () => {
    const params = new URLSearchParams(location.search);
    for (const field of fields) {
      const value = params.get(field.name) ?? "";
      // A select keeps its value only when it has that option.
      field.value = value;
      if (field.value !== value) field.value = "";
    }
  };

  const changed = () => {
    writeUrl(readState());
    apply();
  };
  // A shared filtered link: the page's list makes way at once; a speaker's
  // option comes with the index. On a phone, the folded filters show what is set.
  const start = async () => {
    const params = new URLSearchParams(location.search);
    if (fields.some((field) => params.get(field.name))) {
      list.hidden = true;
      form.querySelector("details").open = true;
    }
    if (params.get("relatore")) await load().catch(() => (index = undefined));
    readUrl();
    apply();
  };
  start();
  // The speakers' options come with the index: fetched as soon as the reader
  // comes to the form.
  form.addEventListener("focusin", () => load().catch(() => (index = undefined)), { once: true });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(changed));
  window.addEventListener("popstate", start);
})();
