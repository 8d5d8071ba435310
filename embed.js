// podpath iframe helper for host pages (no dependencies). Add it once, after your iframes:
//   <iframe data-podpath-frame src="https://YOUR-HOST/podpath/?view=quiz" title="podpath: find an ML podcast"
//           loading="lazy" style="width:100%;border:0"></iframe>
//   <script src="https://YOUR-HOST/podpath/embed.js" defer></script>
// It tells each frame this page's origin, grows the frame to its content, and offers
// window.podpath.setTheme("light" | "dark" | "auto"). Messages are origin-checked both ways.
(() => {
  const frames = [...document.querySelectorAll("iframe[data-podpath-frame]")];
  frames.forEach((frame, i) => {
    const url = new URL(frame.getAttribute("src"), location.href);
    url.searchParams.set("origin", location.origin);
    url.searchParams.set("frame", String(i));
    frame.dataset.podpathOrigin = url.origin;
    frame.src = url.href;
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
