/* "Continua a guardare" on the home page: the talks in progress in La mia
   lista (js/mylist.js keeps it in this browser's localStorage). Not
   deferred: index.html runs it right after the section, at the top of the
   page, before the rest of the page is read; so showing it moves nothing
   that has been painted. */
(() => {
  const going = document.getElementById("continua");
  const root = new URL("../../", document.currentScript.src).href;
  const two = (n) => String(n).padStart(2, "0");
  const time = (s) => (s < 3600 ? (s / 60) | 0 : `${(s / 3600) | 0}:${two(((s / 60) | 0) % 60)}`) + ":" + two(s % 60);
  let items = {};
  try {
    items = JSON.parse(localStorage.getItem("eroi-digitali-lista"))?.videoconferenze ?? {};
  } catch {}
  const started = Object.values(items)
    .filter(
      (i) =>
        i?.posizione > 0 && Number.isInteger(i.posizione) && !i.vista &&
        /^[\w.%-]+(\/[\w.%-]+)*\/?$/.test(i.indirizzo),
    )
    .sort((a, b) => (b.aggiornata ?? 0) - (a.aggiornata ?? 0))
    .slice(0, 3);
  for (const { titolo, indirizzo, posizione: at, durata: length } of started) {
    const link = Object.assign(document.createElement("a"), { href: root + indirizzo });
    link.textContent = typeof titolo === "string" && titolo ? titolo : indirizzo;
    const li = document.createElement("li");
    li.append(
      link,
      ` · fermata a ${time(at)}` + (length > 0 ? ` di ${time(length)} (${Math.round((100 * at) / length)}%)` : ""),
    );
    going.querySelector("ul").append(li);
  }
  going.hidden = !started.length;
})();
