/* Playlist filters (/videoconferenze/): year, speaker, tag, language, state and words,
   in the page, with no request. The state lives in the URL, so a filtered
   playlist can be shared; without JavaScript CSS hides the form and every
   talk is listed. */
(() => {
  const form = document.getElementById("filtri");
  if (!form) return;
  const result = document.getElementById("filtri-esito");
  const cards = [...document.querySelectorAll(".talk-card[data-stato]")];
  const years = [...document.querySelectorAll(".talk-year")];
  const fields = ["parole", "anno", "relatore", "tag", "lingua", "stato"]
    .map((name) => form.elements[name])
    .filter(Boolean);

  // "Perché" finds "perche", "Dell'Esperienza" finds "dell esperienza".
  const fold = (text) =>
    text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
  const texts = new Map(
    cards.map((card) => [card, " " + fold(card.textContent + " " + card.dataset.tag) + " "]),
  );

  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  /* The page lists the newest first; "In programma" lists the nearest talk
     first: years and cards in the opposite order, moved in the page so that
     reading and tabbing follow it too. */
  const end = years.length ? years[years.length - 1].nextSibling : null;
  const ordered = years.map((year) => [year, [...year.querySelectorAll(".talk-card[data-stato]")]]);
  let ascending = false;
  const order = (wanted) => {
    if (wanted === ascending) return;
    ascending = wanted;
    const flip = (list) => (wanted ? [...list].reverse() : list);
    for (const [year, yearCards] of flip(ordered)) {
      for (const card of flip(yearCards)) year.append(card);
      year.parentNode.insertBefore(year, end);
    }
  };

  const matches = (card, state) => {
    const { anno, relatore, tag, lingua, stato, parole } = state;
    if (anno && card.dataset.anno !== anno) return false;
    if (lingua && card.dataset.lingua !== lingua) return false;
    if (relatore && !card.dataset.relatori.split(" ").includes(relatore)) return false;
    if (tag && !card.dataset.tag.split(" ").includes(tag)) return false;
    // Or "da-vedere", "visti": js/mylist.js's marks.
    if (stato && card.dataset.stato !== stato && card.dataset.lista !== stato) return false;
    const words = fold(parole || "").split(" ").filter(Boolean);
    return words.every((word) => texts.get(card).includes(word));
  };

  const readState = () =>
    Object.fromEntries(fields.map((field) => [field.name, field.value.trim()]));

  const apply = () => {
    const state = readState();
    order(state.stato === "upcoming");
    let shown = 0;
    for (const card of cards) {
      const visible = matches(card, state);
      card.hidden = !visible;
      shown += visible;
    }
    for (const year of years) {
      const visible = year.querySelectorAll(".talk-card:not([hidden])").length;
      year.hidden = visible === 0;
      const count = year.querySelector("h2 .count");
      if (count) count.textContent = `(${visible})`;
    }
    const filtered = Object.values(state).some(Boolean);
    result.textContent = !filtered
      ? `${plural(cards.length, "videoconferenza", "videoconferenze")} in elenco.`
      : shown === 0
        ? "Nessuna videoconferenza corrisponde ai filtri."
        : `${plural(shown, "videoconferenza mostrata", "videoconferenze mostrate")} su ${cards.length}.`;
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

  readUrl();
  // A shared filtered link: on a phone, its folded filters show what is set.
  if (Object.values(apply()).some(Boolean)) form.querySelector("details").open = true;
  form.addEventListener("input", () => writeUrl(apply()));
  form.addEventListener("change", () => writeUrl(apply()));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => writeUrl(apply())));
  window.addEventListener("popstate", () => {
    readUrl();
    apply();
  });
})();
