/* Video facades (eroi/plugins/video.py): YouTube loads only when the reader presses play. */
(() => {
  const YOUTUBE = "https://www.youtube-nocookie.com";
  // Not a word from the player this long after the press (a network that
  // blocks YouTube, a privacy extension): the reader is told, beside the
  // "Guarda su YouTube" link that is always there.
  const WAIT = 8000;
  const play = (box, start) => {
    const frame = document.createElement("iframe");
    const at = start ?? box.dataset.start;
    const note = box.nextElementSibling?.querySelector(".video-trouble");
    const link = note?.nextElementSibling;
    if (link && +at) link.href = link.href.replace(/(&t=\d+s)?$/, "&t=" + at + "s");
    // The embed's own messages (js/mylist.js).
    const api = `enablejsapi=1&origin=${encodeURIComponent(location.origin)}`;
    // Not a template literal inside another: the minifier (rjsmin) breaks those.
    const from = +at ? "&start=" + at : "";
    frame.src = `https://www.youtube-nocookie.com/embed/${box.dataset.videoId}?${api}&autoplay=1${from}`;
    frame.title = box.dataset.title;
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.replaceChildren(frame);
    box.classList.add("is-playing");
    frame.focus();
    box.dispatchEvent(new CustomEvent("video:frame", { detail: frame }));
    if (!note) return;
    note.textContent = "";
    // The player speaks once asked to listen (as js/mylist.js asks it too):
    // any of its messages says it is there.
    // Asked for a minute: a player slower than WAIT still clears the note.
    let heard = false;
    let tries = 120;
    const listen = ({ origin, source }) => {
      if (origin !== YOUTUBE || source !== frame.contentWindow) return;
      heard = true;
      note.textContent = "";
      removeEventListener("message", listen);
    };
    const hello = () => {
      if (heard) return;
      if (!frame.isConnected || !tries--) return removeEventListener("message", listen);
      frame.contentWindow?.postMessage('{"event":"listening","id":1,"channel":"widget"}', YOUTUBE);
      setTimeout(hello, 500);
    };
    frame.addEventListener("load", hello);
    addEventListener("message", listen);
    setTimeout(() => {
      if (heard || !frame.isConnected) return;
      note.textContent = "Il video non si carica: forse YouTube è bloccato da questa rete. ";
    }, WAIT);
  };
  for (const box of document.querySelectorAll(".video[data-video-id]")) {
    const link = box.querySelector("a.video-link");
    if (!link) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "video-play";
    // The name starts with the visible words, in their order: "Guarda il
    // video", then the title a drawn placeholder shows (WCAG 2.5.3).
    button.setAttribute("aria-label", `Guarda il video: ${box.dataset.title}`);
    button.append(...link.childNodes);
    button.querySelector(".video-host")?.remove();
    button.addEventListener("click", () => play(box));
    link.replaceWith(button);
    // Why the player did not load, if it does not: said politely, before
    // the link that stays.
    const elsewhere = box.nextElementSibling;
    if (elsewhere?.matches(".video-elsewhere")) {
      const note = document.createElement("span");
      note.className = "video-trouble";
      elsewhere.setAttribute("role", "status");
      elsewhere.prepend(note);
    }
    // "Riprendi da" (js/mylist.js).
    box.addEventListener("video:play", (event) => play(box, event.detail));
  }
  // A shared moment (?t=SECONDS, as in the chapters' structured data and the
  // search's transcript hits): the page's player starts there once the
  // reader presses play.
  const shared = new URLSearchParams(location.search).get("t");
  const first = document.querySelector(".talk-video .video[data-video-id]");
  if (first && /^\d{1,6}$/.test(shared ?? "")) first.dataset.start = shared;
  // A transcript passage in the address (#t-SECONDS) is shown: its closed
  // section opens.
  const reveal = () => {
    const id = location.hash.slice(1);
    const target = id ? document.getElementById(id) : null;
    const section = target?.closest("details");
    if (!section || section.open) return;
    section.open = true;
    target.scrollIntoView();
  };
  reveal();
  addEventListener("hashchange", reveal);
  // Chapter links (a[data-start]) play their video from that time.
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-start]");
    const id = link && new URL(link.href).searchParams.get("v");
    const box = id && document.querySelector(`.video[data-video-id="${CSS.escape(id)}"]`);
    if (!box) return;
    event.preventDefault();
    play(box, link.dataset.start);
    box.scrollIntoView({ block: "nearest" });
  });
})();
