/* La mia lista, in localStorage only (mylist.html); at most 4 KB gzip. */
(() => {
  const STORE = "eroi-digitali-lista";
  const VERSION = 1;
  const YOUTUBE = "https://www.youtube-nocookie.com";
  const BLOCKED =
    "Il browser non permette di salvare la lista: vale solo su questa pagina.";
  const TYPES = { titolo: "string", indirizzo: "string", salvata: true, vista: true, posizione: 1, durata: 1, aggiornata: 1 };
  const root = new URL("../../", document.currentScript.src).href;
  const $$ = (selector, from = document) => [...from.querySelectorAll(selector)];
  const make = (tag, text = "", className = "") =>
    Object.assign(document.createElement(tag), { textContent: text, className });
  const plain = (value) => value?.constructor === Object;

  // What is wrong with a list, in Italian; "" if nothing.
  const check = (data) => {
    if (!plain(data) || Object.keys(data).join() !== "versione,videoconferenze")
      return "non è una lista di questo sito";
    const { versione: v, videoconferenze: items } = data;
    if (!Number.isInteger(v) || v < 1) return "manca la versione";
    if (v > VERSION) return `viene da una versione più recente (${v}) di questo sito (${VERSION})`;
    if (!plain(items)) return "manca l'elenco";
    for (const [key, item] of Object.entries(items)) {
      if (!/^[\w-]{1,120}$/.test(key) || key in {} || !plain(item))
        return `voce «${key}» non valida`;
      for (const [name, value] of Object.entries(item))
        if (
          typeof value !== typeof TYPES[name] ||
          !((value >= 0 && value < 1e13) || value.length < 500) ||
          (name === "indirizzo" && !/^[\w.%-]+(\/[\w.%-]+)*\/?$/.test(value))
        )
          return `campo «${name}» di «${key}» non valido`;
    }
    return "";
  };

  let problem = "";
  let list = Object.create(null);
  const dump = (space) => JSON.stringify({ versione: VERSION, videoconferenze: list }, null, space);
  try {
    const data = JSON.parse(localStorage.getItem(STORE));
    const wrong = data && check(data);
    if (data && !wrong) Object.assign(list, data.videoconferenze);
      else if (data?.versione > VERSION) problem = `La lista di questo browser ${wrong}: non la modifico.`;
  } catch {
    problem = BLOCKED;
  }

  const status =
    document.querySelector(".mylist-status") ??
    document.querySelector("main").appendChild(make("p", "", "mylist-status mylist-toast"));
  // Not a second "status" beside the playlist's.
  status.ariaLive = "polite";
  // A toast is written in the page's flow, under the controls it speaks of
  // (`near`): it covers nothing. Faded, it keeps its line, so nothing moves.
  let near, timer, later;
  const say = (text) => {
    const toast = status.matches(".mylist-toast");
    const moved = toast && near && status.previousElementSibling !== near;
    clearTimeout(timer);
    clearTimeout(later);
    status.classList.remove("mylist-faded");
    const put = () => (status.textContent = text);
    if (moved) {
      status.textContent = "";
      near.after(status);
      later = setTimeout(put, 100); // once screen readers know where it is
    } else put();
    if (toast && text !== problem) timer = setTimeout(() => status.classList.add("mylist-faded"), 6000);
  };
  const write = () => {
    try {
      if (!problem) return localStorage.setItem(STORE, dump()) ?? true;
    } catch {
      problem = BLOCKED;
    }
    say(problem);
    return false;
  };

  const keys = (box) => [box.dataset.talk, box.dataset.slug];
  const entry = (box) => list[keys(box).find((key) => list[key])] ?? {};
  const update = (box, change) => {
    const { titolo, indirizzo, durata } = box.dataset;
    const item = { ...entry(box), titolo, indirizzo, durata: +durata, ...change, aggiornata: Date.now() };
    for (const name in item) if (!item[name]) delete item[name];
    for (const key of keys(box)) delete list[key];
    if (item.salvata || item.vista || item.posizione) list[box.dataset.talk] = item;
    return write();
  };
  const two = (n) => String(n).padStart(2, "0");
  const time = (s) => (s < 3600 ? (s / 60) | 0 : `${(s / 3600) | 0}:${two(((s / 60) | 0) % 60)}`) + ":" + two(s % 60);

  const BOX = ".mylist-controls[data-talk]";
  // The filters' names (playlist, search): "visti", "da-vedere" or none.
  const mark = (item) => (item.vista ? "visti" : item.salvata || item.posizione ? "da-vedere" : "");
  const refresh = () => {
    for (const box of $$(BOX)) {
      const item = entry(box);
      for (const button of box.children) button.ariaPressed = !!item[button.value];
      const card = box.closest(".talk-card");
      if (card) card.dataset.lista = mark(item);
    }
  };
  // Fills the boxes still empty: the page's, then those js/search.js draws.
  const scan = () => {
    for (const box of $$(BOX + ":empty"))
      for (const [name, label, on, off] of [
        ["salvata", "Salva per dopo", "Salvata per dopo", "Tolta dalle salvate"],
        ["vista", "Vista", "Segnata come vista", "Non più segnata come vista"],
      ]) {
        // A talk still to come, or with no recording, cannot be watched yet.
        if (name === "vista" && "senzaVisto" in box.dataset) continue;
        const button = make("button", label, "mylist-toggle");
        button.value = name;
        button.ariaLabel = `${label}: ${box.dataset.titolo}`;
        button.addEventListener("click", () => {
          near = box;
          const pressed = button.ariaPressed !== "true";
          const kept = update(box, { [name]: pressed, ...(name === "vista" && pressed && { posizione: 0 }) });
          refresh();
          if (kept) say(`${pressed ? on : off}: ${box.dataset.titolo}.`);
        });
        box.append(button);
      }
    refresh();
  };
  scan();
  document.addEventListener("mylist:scan", scan);
  // js/search.js asks which talks are so marked.
  document.addEventListener("mylist:keys", ({ detail }) => {
    for (const key in list) if (mark(list[key]) === detail.lista) detail.keys.push(key);
  });

  // The talk's own player: "Riprendi da", the passage marked, the position.
  const own = document.querySelector("article.talk .mylist-controls");
  const player = own && document.querySelector(`.talk-video .video[data-video-id="${CSS.escape(own.dataset.talk)}"]`);
  if (player) {
    const { posizione: at, vista } = entry(own);
    if (at && !vista && player.querySelector(".video-play")) {
      const resume = make("button", `Riprendi da ${time(at)}`, "video-resume");
      resume.addEventListener("click", () => player.dispatchEvent(new CustomEvent("video:play", { detail: at })));
      player.append(resume);
      for (const part of [".chapters", ".transcript-text"]) {
        const here = $$(`${part} [data-start]`)
          .filter((link) => link.dataset.start <= at)
          .pop()
          ?.closest("li, h3");
        here?.classList.add("mylist-here");
        here?.append(make("span", "Hai interrotto qui", "mylist-here-label"));
      }
    }
    player.addEventListener("video:frame", ({ detail: frame }) => {
      let last = -9;
      let tries = 0;
      const hello = () => {
        if (last > -9 || tries++ > 20) return;
        frame.contentWindow?.postMessage('{"event":"listening","id":1,"channel":"widget"}', YOUTUBE);
        setTimeout(hello, 500);
      };
      frame.addEventListener("load", hello);
      addEventListener("message", ({ origin, source, data }) => {
        if (origin !== YOUTUBE || source !== frame.contentWindow) return;
        try {
          data = typeof data === "string" ? JSON.parse(data) : data;
        } catch {}
        const now = data?.info?.currentTime;
        if (data?.event !== "infoDelivery" || !(Math.abs(now - last) >= 5) || entry(own).vista) return;
        last = now;
        const length = +own.dataset.durata || data.info.duration;
        if (length && now >= 0.9 * length) {
          // Under the video, unless already shown under the talk's buttons: the video never moves.
          near = status.previousElementSibling === own ? own : (player.closest(".talk-video") ?? player);
          if (update(own, { vista: true, posizione: 0 })) say(`Segnata come vista: ${own.dataset.titolo}.`);
        } else if (now >= 10) {
          if (!update(own, { posizione: now | 0 })) last = NaN;
        }
        refresh();
      });
    });
  }

  const row = ([key, item], known, action) => {
    const li = make("li");
    const [url, title = item.titolo || key, length = item.durata] = known ?? [];
    const link = make(url ? "a" : "span", title);
    if (url) link.href = root + url;
    li.append(link);
    if (item.posizione && !item.vista)
      li.append(
        ` · fermata a ${time(item.posizione)}` +
          (length ? ` di ${time(length)} (${Math.round((100 * item.posizione) / length)}%)` : ""),
      );
    if (action) li.append(" ", action(title));
    return li;
  };
  const newest = (a, b) => (b[1].aggiornata ?? 0) - (a[1].aggiornata ?? 0);

  // The home page's "Continua a guardare" is js/continua.js's.

  // /la-mia-lista/: three groups; remove, clear, export and import.
  const page = document.getElementById("mia-lista");
  if (!page) return;
  // The published talks, {video id or slug: [url, title, seconds]}, from the
  // talks' index; until it comes, each talk as the list remembers it.
  let catalogue;
  const render = () => {
    for (const group of $$("ul", page)) {
      const rows = Object.entries(list)
        .filter(([, i]) => (i.vista ? "viste" : i.posizione ? "in-corso" : "salvate") === group.dataset.gruppo)
        .sort(newest)
        .map((e) =>
          row(e, catalogue ? catalogue[e[0]] : [e[1].indirizzo], (title) => {
            const remove = make("button", "Rimuovi");
            remove.ariaLabel = `Rimuovi dalla lista: ${title}`;
            remove.addEventListener("click", () => {
              delete list[e[0]];
              const kept = write();
              render();
              group.previousElementSibling.focus();
              if (kept) say(`Rimossa dalla lista: ${title}.`);
            });
            return remove;
          }),
        );
      group.replaceChildren(...rows);
      group.nextElementSibling.hidden = rows.length > 0;
    }
  };
  render();
  fetch(page.dataset.indice)
    .then((response) => response.json())
    .then(({ colonne, videoconferenze }) => {
      const at = (name) => colonne.indexOf(name);
      catalogue = {};
      for (const talk of videoconferenze) {
        const known = [talk[at("url")], talk[at("titolo")], talk[at("durata")]];
        catalogue[talk[at("slug")]] = known;
        if (talk[at("video")]) catalogue[talk[at("video")]] = known;
      }
      render();
    })
    .catch(() => {});
  if (problem) setTimeout(say, 100, problem);
  const action = (name, type, run) => page.querySelector(`[data-azione="${name}"]`).addEventListener(type, run);
  action("esporta", "click", () => {
    const link = make("a");
    link.href = URL.createObjectURL(new Blob([dump(1)], { type: "application/json" }));
    link.download = "la-mia-lista-eroi-digitali.json";
    link.click();
    say("Lista esportata.");
  });
  action("importa", "change", async ({ target }) => {
    let data;
    let wrong = "il file è troppo grande";
    try {
      if (target.files[0].size < 1e6) wrong = check((data = JSON.parse(await target.files[0].text())));
    } catch {
      wrong = "il file non è in formato JSON";
    }
    target.value = "";
    if (wrong) return say(`Importazione rifiutata: ${wrong}.`);
    Object.assign(list, data.videoconferenze);
    const kept = write();
    render();
    if (kept) say(`Importate ${Object.keys(data.videoconferenze).length} videoconferenze.`);
  });
  action("svuota", "click", () => {
    if (!confirm("Svuotare la lista di questo browser?")) return;
    list = Object.create(null);
    render();
    if (write()) say("La lista è vuota.");
  });
})();
