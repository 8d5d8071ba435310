//! Component tests in a real browser (headless Chromium and Firefox through
//! wasm-bindgen-test-runner): mount the app into a fresh element, interact, assert the DOM.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use podpath::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into its own `<section>` on a clean URL; the handle unmounts on drop.
fn mount_app() -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    mount_as(podpath::Mount::Page)
}

/// A clean start for each test: no query in the URL and nothing saved by an earlier test (the
/// quiz keeps its answers in localStorage, which every test of this page shares).
fn fresh_start() {
    let window = web_sys::window().expect("window");
    let path = window.location().pathname().expect("path");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("reset URL");
    window
        .local_storage()
        .expect("storage")
        .expect("storage")
        .clear()
        .expect("clear storage");
}

/// The same for a given kind of mount (a page of its own, or an embedding element's settings).
fn mount_as(mount: podpath::Mount) -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    fresh_start();
    let window = web_sys::window().expect("window");
    let document = window.document().expect("document");
    let section: HtmlElement = document
        .create_element("section")
        .expect("section")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&section)
        .expect("append");
    let handle = mount_to(
        section.clone(),
        move || view! { <App mount=mount.clone() /> },
    );
    (section, handle)
}

/// Waits for the first render, which comes in short tasks (src/progressive.rs) and ends with
/// the footer.
async fn settle(root: &HtmlElement) {
    for _ in 0..200 {
        if count(root, ".pp-footer") > 0 && count(root, "[aria-busy=true]") == 0 {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    panic!("the first render did not finish");
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .expect("valid selector")
        .length()
}

#[wasm_bindgen_test]
async fn header_names_the_product_and_offers_three_views() {
    let (root, _app) = mount_app();
    settle(&root).await;
    assert_eq!(text(&root, ".pp-brand__name"), "podpath");
    assert_eq!(text(&root, "[data-testid=tab-browse]"), "Find");
    assert_eq!(text(&root, "[data-testid=tab-quiz]"), "Quiz");
    assert_eq!(text(&root, "[data-testid=tab-topics]"), "Topics");
    assert_eq!(
        find(&root, "[data-testid=tab-browse]")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
}

#[wasm_bindgen_test]
async fn browse_lists_every_show_and_search_narrows_the_list() {
    let (root, _app) = mount_app();
    settle(&root).await;
    let all = count(&root, "[data-testid=show-card]");
    assert!(all >= 23, "{all} cards");
    assert_eq!(
        text(&root, "[data-testid=result-count]"),
        format!("{all} shows")
    );

    let input: HtmlInputElement = find(&root, "#pp-search").unchecked_into();
    input.set_value("katie malone");
    input
        .dispatch_event(&Event::new("input").expect("event"))
        .expect("dispatch");
    tick().await;
    assert_eq!(text(&root, "[data-testid=result-count]"), "1 show");
    assert_eq!(
        find(&root, "[data-testid=show-card]")
            .get_attribute("data-show")
            .as_deref(),
        Some("linear-digressions")
    );
    assert_eq!(
        text(&root, "[data-testid=show-card] .pp-card__hosts mark"),
        "Katie"
    );
}

#[wasm_bindgen_test]
async fn ticking_a_facet_filters_and_disables_values_that_would_leave_nothing() {
    let (root, _app) = mount_app();
    settle(&root).await;
    let all = count(&root, "[data-testid=show-card]");
    let beginner: HtmlInputElement = find(&root, "#pp-level-beginner").unchecked_into();
    beginner.click();
    tick().await;
    let narrowed = count(&root, "[data-testid=show-card]");
    assert!(narrowed < all && narrowed > 0, "{narrowed} of {all}");
    for i in 0..count(&root, "[data-testid=facet-format] input") {
        let input: HtmlInputElement = root
            .query_selector_all("[data-testid=facet-format] input")
            .expect("selector")
            .item(i)
            .expect("input")
            .unchecked_into();
        let label = input
            .next_element_sibling()
            .expect("label")
            .text_content()
            .unwrap_or_default();
        assert_eq!(
            input.disabled(),
            label.ends_with('0') && !label.ends_with("10"),
            "{label}"
        );
    }
    // The URL follows once ticking pauses (250 ms).
    sleep(400).await;
    assert!(web_sys::window()
        .expect("window")
        .location()
        .search()
        .expect("search")
        .contains("level=beginner"));
}

#[wasm_bindgen_test]
async fn topics_tab_opens_the_index_and_a_topic_page() {
    let (root, _app) = mount_app();
    settle(&root).await;
    find(&root, "[data-testid=tab-topics]").click();
    tick().await;
    assert!(count(&root, "[data-testid=topic-index]") == 1);
    assert!(count(&root, ".pp-topic-list a") >= 272);
    let mlops = root
        .query_selector("a[href$='topic=mlops']")
        .expect("selector")
        .expect("a link to the MLOps topic")
        .unchecked_into::<HtmlElement>();
    mlops.click();
    tick().await;
    assert_eq!(text(&root, ".pp-topic h2"), "MLOps");
    assert!(count(&root, "[data-testid=related] a") > 3);
}

/// A fixture show whose every string is an HTML/JS payload, and whose links are not https.
fn hostile_show() -> &'static podpath_engine::Show {
    let catalog = podpath_engine::Catalog::embedded().expect("the embedded catalog decodes");
    let mut show = catalog.shows[0].clone();
    let payload = r#"<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"#;
    show.title = format!("Title {payload}");
    show.description = format!("Description {payload}");
    show.hosts = vec![payload.to_owned()];
    show.level_reason = payload.to_owned();
    show.links.website = Some("javascript:window.__xss=3".to_owned());
    show.links.apple = None;
    show.links.rss = Some("http://insecure.example/feed".to_owned());
    show.start_here = vec![podpath_engine::StartEpisode {
        title: payload.to_owned(),
        url: "javascript:alert(1)".to_owned(),
        minutes: 10,
        why: payload.to_owned(),
        evergreen: true,
    }];
    Box::leak(Box::new(show))
}

#[wasm_bindgen_test]
async fn catalog_strings_with_markup_render_as_inert_text_and_unsafe_links_are_not_links() {
    let catalog: &'static podpath_engine::Catalog = Box::leak(Box::new(
        podpath_engine::Catalog::embedded().expect("the embedded catalog decodes"),
    ));
    let show = hostile_show();
    let document = web_sys::window().unwrap().document().unwrap();
    let section: HtmlElement = document.create_element("section").unwrap().unchecked_into();
    document.body().unwrap().append_child(&section).unwrap();
    let _card = mount_to(section.clone(), move || {
        view! {
            <podpath::components::ShowCard
                catalog=catalog
                show=show
                terms=Signal::derive(Vec::new)
                on_topic=Callback::new(|_| {})
            />
        }
    });
    tick().await;
    assert_eq!(
        count(&section, "img"),
        0,
        "no element is created from catalog text"
    );
    assert_eq!(count(&section, "script"), 0);
    assert!(
        text(&section, "h3").contains("<img src=x"),
        "the payload is shown as text"
    );
    let hrefs: Vec<String> = (0..count(&section, "a"))
        .map(|i| {
            section
                .query_selector_all("a")
                .unwrap()
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("href")
                .unwrap_or_default()
        })
        .collect();
    // Links out are https; the others are the widget's own views ("?q=…", "?like=…").
    assert!(
        hrefs
            .iter()
            .all(|h| h.starts_with("https://") || h.starts_with('?')),
        "{hrefs:?}"
    );
    let js = js_sys_eval_xss();
    assert!(js.is_undefined(), "no payload ran");
}

fn js_sys_eval_xss() -> wasm_bindgen::JsValue {
    web_sys::js_sys::Reflect::get(&web_sys::window().unwrap(), &"__xss".into()).unwrap()
}

/// Waits up to a second for `ready` to hold; the assertion after it says what was expected.
async fn wait_for(ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        sleep(10).await;
    }
}

async fn sleep(ms: i32) {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A custom-element embed: the app in a shadow root, as `<podpath-finder>` mounts it. Leptos
/// attaches handlers to the elements themselves (no delegation to the document, where event
/// retargeting would hide the shadow tree), so the search box and the quiz's radios must work.
#[wasm_bindgen_test]
async fn mounted_in_a_shadow_root_the_search_box_and_the_quiz_radios_answer() {
    fresh_start();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("podpath-finder").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let root = podpath::shadow_container(&host, "").expect("a shadow root");
    let mount = podpath::Mount::Element {
        query: "?view=browse".into(),
        id_prefix: "sh",
    };
    let _app = mount_to(root.clone(), move || view! { <App mount=mount.clone() /> });
    settle(&root).await;
    assert!(host.shadow_root().is_some());
    assert!(
        document
            .query_selector("[data-testid=show-card]")
            .unwrap()
            .is_none(),
        "the host document sees none of the widget's elements"
    );
    let all = count(&root, "[data-testid=show-card]");
    assert!(all > 1);

    let input: HtmlInputElement = find(&root, "#sh-search").unchecked_into();
    input.set_value("katie malone");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    tick().await;
    assert_eq!(text(&root, "[data-testid=result-count]"), "1 show");

    find(&root, "[data-testid=tab-quiz]").click();
    wait_for(|| count(&root, "[data-testid=quiz]") > 0).await;
    find(&root, "label[for=sh-bg-work]").click();
    tick().await;
    let work: HtmlInputElement = find(&root, "#sh-bg-work").unchecked_into();
    assert!(
        work.checked(),
        "the label's click reached the radio inside the shadow root"
    );
    find(&root, "[data-testid=quiz-next]").click();
    wait_for(|| text(&root, "[data-testid=quiz-progress]") == "Question 2 of 8").await;
    assert_eq!(
        text(&root, "[data-testid=quiz-progress]"),
        "Question 2 of 8"
    );
    // Back again: the answer is still ticked only if the app's change handler recorded it.
    find(&root, "[data-testid=quiz-back]").click();
    wait_for(|| text(&root, "[data-testid=quiz-progress]") == "Question 1 of 8").await;
    let work: HtmlInputElement = find(&root, "#sh-bg-work").unchecked_into();
    assert!(
        work.checked(),
        "the quiz kept the answer given inside the shadow root"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_german_mount_speaks_german_and_marks_catalog_text_as_english() {
    let (section, _handle) = mount_as(podpath::Mount::Element {
        query: "?lang=de".into(),
        id_prefix: "ppde",
    });
    settle(&section).await;
    assert_eq!(
        find(&section, ".podpath").get_attribute("lang").as_deref(),
        Some("de")
    );
    assert_eq!(text(&section, "[data-testid=tab-browse]").trim(), "Suchen");
    assert_eq!(
        find(&section, ".pp-search")
            .get_attribute("placeholder")
            .as_deref(),
        Some("Suche, z. B. mlops oder ein Name")
    );
    let shown = text(&section, "[data-testid=result-count]");
    assert!(shown.ends_with("Podcasts"), "{shown}");
    let title = find(&section, "[data-testid=show-card] h3");
    assert_eq!(
        title.get_attribute("lang").as_deref(),
        Some("en"),
        "a show title is English text"
    );
    // The quiz in German, and the language switch offers each language in its own name.
    let quiz: HtmlElement = find(&section, "[data-testid=tab-quiz]");
    quiz.click();
    wait_for(|| count(&section, "[data-testid=quiz]") > 0).await;
    assert_eq!(
        text(&section, "[data-testid=quiz-progress]").trim(),
        "Frage 1 von 8"
    );
    let options: Vec<String> = (0..3)
        .map(|i| {
            text(
                &section,
                &format!("[data-testid=lang-switch] option:nth-child({})", i + 1),
            )
        })
        .collect();
    assert_eq!(options, ["English", "Español", "Deutsch"]);
}

#[wasm_bindgen_test]
async fn a_pasted_opml_export_marks_the_shows_it_names_and_a_card_unmarks_by_hand() {
    let (root, _app) = mount_app();
    settle(&root).await;
    assert_eq!(count(&root, "[data-testid=you-follow]"), 0);
    let area: web_sys::HtmlTextAreaElement =
        find(&root, "[data-testid=import-paste]").unchecked_into();
    area.set_value(
        "<?xml version=\"1.0\"?><opml version=\"1.0\"><body><outline text=\"Podcasts\">\
         <outline type=\"rss\" text=\"Data Skeptic\" xmlUrl=\"https://example.org/unknown-feed\"/>\
         <outline type=\"rss\" text=\"A Show podpath does not know\" xmlUrl=\"https://example.org/other\"/>\
         </outline></body></opml>",
    );
    find(&root, "[data-testid=import-read]").click();
    tick().await;
    assert_eq!(
        text(&root, "[data-testid=import-status]"),
        "podpath knows 1 of the 2 shows in your file: Data Skeptic"
    );
    assert_eq!(
        text(
            &root,
            "[data-testid=show-card][data-show=data-skeptic] [data-testid=you-follow]"
        ),
        "You follow this show"
    );
    assert_eq!(count(&root, "[data-testid=you-follow]"), 1);
    let follow: HtmlInputElement = find(
        &root,
        "[data-testid=show-card][data-show=data-skeptic] [data-testid=follow]",
    )
    .unchecked_into();
    assert!(follow.checked());
    follow.click();
    tick().await;
    assert_eq!(count(&root, "[data-testid=you-follow]"), 0);
}
