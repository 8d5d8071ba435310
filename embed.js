// podpath iframe helper for host pages (no dependencies). Add it once, after your iframes:
//   <iframe data-podpath-frame src="https://YOUR-HOST/podpath/?view=quiz" title="podpath: find an ML podcast"
//           loading="lazy" style="width:100%;border:0"></iframe>
//   <script src="https://YOUR-HOST/podpath/embed.js" defer></script>
// It grows each frame to its content and offers window.podpath.setTheme("light" | "dark" | "auto").
// Frames are left as written (each widget page is fetched once); without this script they still
// work, at the height the page gives them. Messages are origin-checked both ways.
(() => {
  const frames = [...document.querySelectorAll("iframe[data-podpath-frame]")].map((frame) => ({
    frame,
    origin: new URL(frame.getAttribute("src"), location.href).origin,
  }));
  // Tells a frame which one it is; the browser stamps this page's origin on the message, and
  // the widget answers with its height only to that origin.
  const introduce = (entry, i) => entry.frame.contentWindow?.postMessage({ type: "podpath:host", frame: i }, entry.origin);
  // A frame says hello when it starts (and again a little later if nobody answered); one that
  // finishes loading after this script runs is introduced at once.
  frames.forEach((entry, i) => entry.frame.addEventListener("load", () => introduce(entry, i)));
  addEventListener("message", (event) => {
    const data = event.data;
    const i = frames.findIndex((entry) => entry.frame.contentWindow === event.source);
    if (i < 0 || event.origin !== frames[i].origin || !data) return;
    if (data.type === "podpath:hello") introduce(frames[i], i);
    // The frame is known by its window; the number it reports is only an echo (older links
    // carrying origin= may have none).
    if (data.type === "podpath:resize" && Number.isFinite(data.height)) {
      frames[i].frame.style.height = Math.max(200, Math.min(20000, Math.ceil(data.height))) + "px";
    }
    // The reader opened a view (results, a tab, a topic): bring its heading, `top` pixels
    // down the frame, into sight when it is out of it or low on the screen.
    if (data.type === "podpath:reveal" && Number.isFinite(data.top)) {
      const y = frames[i].frame.getBoundingClientRect().top + Math.max(0, data.top);
      if (y < 0 || y > innerHeight * 0.75) scrollTo({ top: scrollY + y - 16, behavior: "instant" });
    }
  });
  window.podpath = {
    setTheme(theme) {
      for (const { frame, origin } of frames) frame.contentWindow?.postMessage({ type: "podpath:theme", theme }, origin);
    },
  };
})();
