// Start from what you already listen to (#24): import a podcast app's OPML export (file chooser,
// drag and drop, paste), the "You follow this show" marks, the share link and the OPML of the
// shows followed, the quiz's step, "Shows like this" and `?like=`, in English, Spanish and
// German. Nothing leaves the page: the harness fails a test on any request to another origin.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test, useServerAndBrowser, open, ready, readJson, ROOT } from "./support.mjs";

const env = useServerAndBrowser(before, after);

// A real export from a podcast app, taken from a public repository (engine/tests/opml/README.md
// records where), and what the engine's tests pin for it.
const FIXTURE = "engine/tests/opml/beyondpod-travcav.opml";
const FIXTURE_PODCASTS = 80;
const FIXTURE_SHOWS = ["linear-digressions", "talking-machines", "learning-machines-101", "data-skeptic", "not-so-standard-deviations", "machine-learning-guide"];

const fixture = () => readFile(join(ROOT, FIXTURE));

/// The ids of the cards that say "You follow this show".
const marked = (page) =>
  page.locator("[data-testid=show-card]:has([data-testid=you-follow])").evaluateAll((cards) => cards.map((c) => c.dataset.show).sort());

const followsParam = (page) => new URL(page.url()).searchParams.get("follows")?.split(",").sort() ?? [];

async function openFind(query = "", options = {}) {
  const session = await open(env.browser, env.server.origin, options);
  await session.page.goto(env.server.url + query);
  await ready(session.page);
  return session;
}

async function expectImported(page, how) {
  const status = page.getByTestId("import-status");
  await status.getByText(/podpath knows/).waitFor();
  const text = await status.textContent();
  const intro = `podpath knows ${FIXTURE_SHOWS.length} of the ${FIXTURE_PODCASTS} shows in your file: `;
  assert.ok(text.startsWith(intro), `${how}: ${text}`);
  // The shows it knows, named in the file's order: "A, B and C".
  const catalog = await readJson("data/catalog.json");
  const titles = FIXTURE_SHOWS.map((id) => catalog.shows.find((s) => s.id === id).title);
  assert.equal(text.slice(intro.length), `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`, `${how}: the shows it knows are listed`);
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=you-follow]").length === n, FIXTURE_SHOWS.length);
  assert.deepEqual(await marked(page), [...FIXTURE_SHOWS].sort(), `${how}: their cards say so`);
  await page.waitForFunction(() => new URL(location.href).searchParams.has("follows"));
  assert.deepEqual(followsParam(page), [...FIXTURE_SHOWS].sort(), `${how}: the address carries them`);
  assert.deepEqual(
    (await page.evaluate(() => localStorage.getItem("podpath:v1:follows"))).split(",").sort(),
    [...FIXTURE_SHOWS].sort(),
    `${how}: kept on the device`,
  );
}

test("an OPML export chosen with the file chooser marks the shows podpath knows, says how many of the file's, and lists them", async () => {
  const { page } = await openFind();
  await page.getByTestId("import").locator("summary").click();
  await page.getByTestId("import-file").setInputFiles({ name: "subscriptions.opml", mimeType: "text/x-opml", buffer: await fixture() });
  await expectImported(page, "file chooser");
});

test("an OPML export dropped on the import panel is read the same way", async () => {
  const { page } = await openFind();
  const text = (await fixture()).toString("latin1");
  const panel = page.getByTestId("import");
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    const buffer = Uint8Array.from(bytes, (c) => c.charCodeAt(0));
    dt.items.add(new File([buffer], "podcasts.opml", { type: "text/x-opml" }));
    return dt;
  }, text);
  // Dropped on the closed panel's summary: the whole panel takes the drop.
  await panel.dispatchEvent("dragover", { dataTransfer });
  await panel.dispatchEvent("drop", { dataTransfer });
  await panel.locator("summary").click();
  await expectImported(page, "drag and drop");
});

test("a pasted OPML export is read the same way, and text that is not OPML says what to export", async () => {
  const { page } = await openFind();
  await page.getByTestId("import").locator("summary").click();
  await page.getByTestId("import-paste").fill("Data Skeptic, Latent Space and some others");
  await page.getByTestId("import-read").click();
  await page.getByTestId("import-status").getByText("This is not an OPML file. In your podcast app, look for Export (OPML) in the settings.").waitFor();
  assert.deepEqual(await marked(page), []);
  await page.getByTestId("import-paste").fill((await fixture()).toString("utf8"));
  await page.getByTestId("import-read").click();
  await expectImported(page, "paste");
});

test("a file over 5 MB is refused with a clear message before it is read", async () => {
  const { page } = await openFind();
  await page.getByTestId("import").locator("summary").click();
  const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
  await page.getByTestId("import-file").setInputFiles({ name: "huge.opml", mimeType: "text/x-opml", buffer: big });
  await page.getByTestId("import-status").getByText(/larger than 5 MB/).waitFor();
  assert.deepEqual(await marked(page), []);
});

test("any card can be marked and unmarked by hand; the mark, the address and the device follow", async () => {
  const { page } = await openFind();
  const card = page.locator('[data-testid=show-card][data-show="data-skeptic"]');
  await card.getByTestId("card-more").click();
  await card.getByTestId("follow").check();
  await card.getByTestId("you-follow").waitFor();
  assert.equal(await card.getByTestId("you-follow").textContent(), "You follow this show");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("follows") === "data-skeptic");
  assert.equal(await page.evaluate(() => localStorage.getItem("podpath:v1:follows")), "data-skeptic");
  await card.getByTestId("follow").uncheck();
  await card.getByTestId("you-follow").waitFor({ state: "detached" });
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("follows"));
  // Kept after a reload, from the device.
  await card.getByTestId("follow").check();
  await page.goto(env.server.url);
  await ready(page);
  assert.deepEqual(await marked(page), ["data-skeptic"]);
});

test("the share link carries the shows followed to another browser, and Back does not unfollow", async () => {
  const first = await openFind();
  const card = first.page.locator('[data-testid=show-card][data-show="latent-space"]');
  await card.getByTestId("card-more").click();
  await card.getByTestId("follow").check();
  await first.page.waitForFunction(() => new URL(location.href).searchParams.get("follows") === "latent-space");
  // Another view and back: still followed.
  await first.page.getByTestId("tab-topics").click();
  await first.page.goBack();
  await first.page.getByTestId("show-card").first().waitFor();
  assert.deepEqual(await marked(first.page), ["latent-space"]);
  const link = first.page.url();
  const second = await open(env.browser, env.server.origin);
  await second.page.goto(link);
  await ready(second.page);
  assert.deepEqual(await marked(second.page), ["latent-space"], "the link's follows are shown");
  assert.equal(await second.page.evaluate(() => localStorage.getItem("podpath:v1:follows")), null, "and not written over the recipient's own");
  // A recipient who follows shows of their own sees theirs, not the link's.
  const third = await open(env.browser, env.server.origin);
  await third.page.addInitScript(() => localStorage.setItem("podpath:v1:follows", "data-skeptic"));
  await third.page.goto(link);
  await ready(third.page);
  assert.deepEqual(await marked(third.page), ["data-skeptic"]);
});

test("the shows followed export as OPML: every feed podpath knows, the others named", async () => {
  const catalog = await readJson("data/catalog.json");
  const follows = ["data-skeptic", "latent-space", "chai-time-data-science"].filter((id) => catalog.shows.some((s) => s.id === id));
  const { page } = await openFind(`?follows=${follows.join(",")}`, { acceptDownloads: true });
  await page.getByTestId("import").locator("summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-follows").click()]);
  const opml = await readFile(await download.path(), "utf8");
  const feeds = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")).sort();
  const shows = follows.map((id) => catalog.shows.find((s) => s.id === id));
  assert.deepEqual(feeds, shows.filter((s) => s.links.rss).map((s) => s.links.rss).sort());
  assert.match(opml, /<title>podpath: shows I follow<\/title>/);
  const status = await page.getByTestId("import-status").textContent();
  for (const s of shows.filter((s) => !s.links.rss)) assert.ok(status.includes(s.title), `${s.id} is named as not in the file`);
});

async function toFollowsStep(page) {
  await page.getByTestId("tab-quiz").click();
  for (let step = 1; step < 8; step++) {
    await page.getByTestId("quiz-progress").filter({ hasText: new RegExp(`^\\D*${step}\\D+8\\D*$`) }).waitFor();
    await page.getByTestId("quiz-skip").press("Enter");
  }
  await page.getByTestId("q-follows").waitFor();
}

test("the quiz's last step takes the shows you listen to by name; they are never picked, listed as already in your app, and picks like them say so", async () => {
  const { page } = await openFind();
  await toFollowsStep(page);
  const input = page.getByTestId("follows-input");
  await input.fill("data skeptic");
  await input.press("Enter");
  await page.getByTestId("follows-list").getByText("Data Skeptic").waitFor();
  await input.fill("No Such Podcast At All");
  await page.getByTestId("follows-add").click();
  await page.getByTestId("follows-status").getByText("No show called “No Such Podcast At All” in podpath's catalog.").waitFor();
  await input.fill("Linear Digressions");
  await page.getByTestId("follows-add").click();
  await page.getByTestId("follows-list").getByText("Linear Digressions").waitFor();
  await page.getByTestId("quiz-next").click();
  await page.getByTestId("quiz-results").waitFor();
  const picks = await page.getByTestId("pick").evaluateAll((els) => els.map((e) => e.dataset.show));
  assert.ok(picks.length > 0);
  for (const id of ["data-skeptic", "linear-digressions"]) assert.ok(!picks.includes(id), `${id} is not picked again`);
  const already = page.getByTestId("already");
  assert.deepEqual((await already.locator("li").evaluateAll((els) => els.map((e) => e.dataset.show))).sort(), ["data-skeptic", "linear-digressions"]);
  assert.equal(await already.getByTestId("you-follow").count(), 2);
  const reasons = await page.getByTestId("reasons").allTextContents();
  assert.ok(reasons.some((r) => /Like (Data Skeptic|Linear Digressions), which you follow: /.test(r)), reasons.join(" | "));
  // Unmarked from the results, a show can be picked again: the results are worked out anew.
  await already.locator(`[data-show="data-skeptic"]`).getByTestId("follow").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=already] li").length === 1);
});

test("a card's 'Shows like this' offers three shows with a reason each, and leads to Find ordered by likeness", async () => {
  const { page } = await openFind();
  const card = page.locator('[data-testid=show-card][data-show="data-skeptic"]');
  await card.getByTestId("card-more").click();
  const like = card.getByTestId("shows-like");
  // Worked out when the card opens.
  await like.waitFor();
  const items = like.locator("li");
  assert.equal(await items.count(), 3);
  for (const text of await items.allTextContents()) {
    assert.match(text, / — (Both cover|Also for|Episodes of a similar length|Same format: )/, text);
  }
  const firstAlike = (await items.first().locator("a").textContent()).trim();
  await like.getByRole("link", { name: "All shows, the most alike first" }).click();
  await page.getByTestId("like-head").waitFor();
  assert.equal(new URL(page.url()).searchParams.get("like"), "data-skeptic");
  assert.match(await page.getByTestId("like-head").textContent(), /Shows like Data Skeptic/);
  await page.waitForFunction(() => document.querySelector("[data-testid=show-card] [data-testid=like-reason]"));
  const cards = page.getByTestId("show-card");
  assert.equal(await cards.first().getAttribute("data-show"), "data-skeptic", "the show itself first (the counts include it)");
  assert.equal((await cards.nth(1).locator("h3").textContent()).trim(), firstAlike, "then the most alike, as on the card");
  const total = await cards.count();
  assert.equal(await page.locator("[data-testid=show-card] [data-testid=like-reason]").count(), total - 1, "every other card says why");
  assert.equal(await cards.first().getByTestId("like-reason").count(), 0);
  await page.getByTestId("like-clear").click();
  await page.getByTestId("like-head").waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("like-reason").count(), 0);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "result-count");
});

for (const [lang, heading, reason, found, follow] of [
  ["es", "Programas parecidos a Latent Space: The AI Engineer Podcast", /^(Ambos tratan|También para oyentes|Episodios de duración parecida|Mismo formato: )/, /^podpath conoce 6 de los 80 programas de tu archivo: .+ y .+$/, "Sigues este programa"],
  ["de", "Podcasts wie Latent Space: The AI Engineer Podcast", /^(Beide behandeln|Ebenfalls für Hörer|Folgen ähnlicher Länge|Gleiches Format: )/, /^podpath kennt 6 der 80 Podcasts in deiner Datei: .+ und .+$/, "Du folgst diesem Podcast"],
]) {
  test(`in ${lang}: ?like= opens Find ordered by likeness with reasons, and an import and its marks speak the language`, async () => {
    const { page } = await openFind("", { locale: lang });
    await page.goto(`${env.server.url}?like=latent-space&lang=${lang}`);
    await ready(page);
    assert.equal((await page.getByTestId("like-head").locator("strong").textContent()).trim(), heading);
    for (const text of await page.getByTestId("like-reason").allTextContents()) assert.match(text, reason);
    await page.getByTestId("import").locator("summary").click();
    await page.getByTestId("import-file").setInputFiles({ name: "subscriptions.opml", mimeType: "text/x-opml", buffer: await fixture() });
    await page.getByTestId("import-status").filter({ hasText: found }).waitFor();
    await page.getByTestId("you-follow").first().waitFor();
    assert.equal(await page.getByTestId("you-follow").first().textContent(), follow);
  });
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe finds nothing in the ${colorScheme} theme with the import panel open after an import, a card's shows like it, and the quiz's step`, async () => {
    // A fresh page per theme: a theme switched under a loaded page is still fading its colours.
    const { page } = await openFind("?like=data-skeptic", { colorScheme });
    await page.getByTestId("import").locator("summary").click();
    await page.getByTestId("import-file").setInputFiles({ name: "subscriptions.opml", mimeType: "text/x-opml", buffer: await fixture() });
    await page.getByTestId("import-status").getByText(/podpath knows/).waitFor();
    await page.getByTestId("card-more").first().click();
    const audit = async (where) => {
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`), [], where);
    };
    await audit("Find");
    await toFollowsStep(page);
    await audit("the quiz's step");
  });
}

test("a file chosen and text pasted in the import panel before start-up are kept by the app that takes over", async () => {
  const { page } = await open(env.browser, env.server.origin);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/podpath_bg.wasm*", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.server.url);
  // The pre-rendered Find screen: its import panel is real markup before any wasm.
  await page.locator("[data-pp-prerendered] [data-testid=import] summary").click();
  await page.locator("[data-pp-prerendered] [data-testid=import-paste]").fill("pasted early");
  await page.locator("[data-pp-prerendered] [data-testid=import-file]").setInputFiles({ name: "subscriptions.opml", mimeType: "text/x-opml", buffer: await fixture() });
  release();
  await ready(page);
  assert.equal(await page.getByTestId("import-paste").inputValue(), "pasted early");
  await page.getByTestId("import-status").getByText(/podpath knows 6 of the 80 shows/).waitFor();
  assert.deepEqual(await marked(page), [...FIXTURE_SHOWS].sort());
});
