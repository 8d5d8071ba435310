// Starts podpath. A module file rather than Trunk's injected inline script, so pages run under
// `script-src 'self' 'wasm-unsafe-eval'`. Everything is found relative to this file, so the
// same loader serves the hosted page and the <podpath-finder> / <div data-podpath> elements of
// any blog page (each gets a shadow root with podpath's stylesheet inside: see src/shadow.rs).

const base = new URL("./", import.meta.url).href;
document.documentElement.setAttribute("data-podpath-base", base);

// An element's own content is its fallback (a link to the hosted widget, for pages where this
// file cannot load): an empty shadow root hides it now, and podpath mounts into that root.
const hosts = [...document.querySelectorAll("podpath-finder, [data-podpath]")];
for (const host of hosts) {
  try {
    host.shadowRoot ?? host.attachShadow({ mode: "open" });
  } catch {
    // an element that cannot host a shadow root keeps its content
  }
}

// The page paints first: its pre-rendered screen (or loading view) needs only the HTML and the
// stylesheet, and the 1 MB of wasm and glue would compete with them for a slow connection.
// So the app is fetched once the first contentful paint is reported, or after a second where
// nothing paints (a background tab, an off-screen frame).
const painted = new Promise((done) => {
  setTimeout(done, 1000);
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        done();
      }
    }).observe({ type: "paint", buffered: true });
  } catch {
    done(); // no paint timing in this browser: start at once
  }
});

// Whether the wasm comes xz-compressed, with its decoder unpack.js: scripts/pack-wasm.mjs sets
// this in release builds (a third of a second less download on a phone; see unpack.js).
// `trunk serve` keeps the plain wasm.
const PACKED = false;

painted
  .then(() => {
    // The wasm is asked for beside its glue (and its decoder), not after it: the glue would ask
    // only once it had arrived, a round trip later (measured with scripts/time-to-input.mjs).
    // Its failure is reported by init, which awaits the same request.
    const wasm = PACKED
      ? Promise.all([import("./unpack.js"), fetch(new URL("podpath_bg.wasm.xz", base))]).then(
          ([{ unpack }, response]) => unpack(response),
        )
      : fetch(new URL("podpath_bg.wasm", base));
    wasm.catch(() => {});
    return import("./podpath.js").then(({ default: init }) => init({ module_or_path: wasm }));
  })
  .catch((error) => {
    // Said in the widget's language where it is known (the app's tables are not loaded).
    const SAY = {
      en: "podpath could not start in this browser. Please reload the page.",
      es: "podpath no ha podido arrancar en este navegador. Vuelve a cargar la página.",
      de: "podpath konnte in diesem Browser nicht starten. Bitte lade die Seite neu.",
    };
    const say = (root) => {
      const asked = root.getAttribute("data-lang") || root.getAttribute("lang") ||
        new URLSearchParams(location.search).get("lang") || navigator.language || "en";
      return SAY[String(asked).split(/[-_]/)[0].toLowerCase()] ?? SAY.en;
    };
    const page = document.getElementById("podpath");
    if (page) {
      page.classList.add("podpath");
      page.setAttribute("role", "alert");
      page.textContent = say(page);
    }
    // An embed shows the message and, through a slot, its own fallback link again.
    for (const host of hosts) {
      const shadow = host.shadowRoot;
      if (!shadow) continue;
      const note = document.createElement("p");
      note.setAttribute("role", "alert");
      note.textContent = say(host);
      shadow.replaceChildren(note, document.createElement("slot"));
    }
    console.error(error);
  });
