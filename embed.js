// podpath iframe helper for host pages (no dependencies). Add it once, after your iframes:
//   <iframe data-podpath-frame src="https://YOUR-HOST/podpath/?view=quiz" title="podpath: find an ML podcast"
//           loading="lazy" style="width:100%;border:0"></iframe>
//   <script src="https://YOUR-HOST/podpath/embed.js" defer></script>
// It tells each frame this page's origin, grows the frame to its content, and offers
// window.podpath.setTheme("light" | "dark" | "auto"). Messages are origin-checked both ways.
(() => {
  // Each frame is replaced by a copy whose src carries this page's origin. Setting src on the
  // original is not enough: Chromium may still finish a lazy frame's first navigation, to the
  // URL without the origin, and that frame then never reports its height (seen in 1 of 8 loads).
  const frames = [...document.querySelectorAll("iframe[data-podpath-frame]")].map((original, i) => {
    const url = new URL(original.getAttribute("src"), location.href);
    url.searchParams.set("origin", location.origin);
    url.searchParams.set("frame", String(i));
    const frame = original.cloneNode(false);
    frame.src = url.href;
    frame.dataset.podpathOrigin = url.origin;
    original.replaceWith(frame);
    return frame;
  });
  addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "podpath:resize" || !Number.isFinite(data.height)) return;
    const frame = frames[data.frame];
    if (!frame || event.source !== frame.contentWindow || event.origin !== frame.dataset.podpathOrigin) return;
    frame.style.height = Math.max(200, Math.min(20000, Math.ceil(data.height))) + "px";
  });
  window.podpath = {
    setTheme(theme) {
      for (const frame of frames) {
        frame.contentWindow?.postMessage({ type: "podpath:theme", theme }, frame.dataset.podpathOrigin);
      }
    },
  };
})();
