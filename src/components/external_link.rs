use leptos::prelude::*;
use podpath_engine::validate::is_https_url;

/// A link out of podpath: https only, in a new tab, without opener or referrer. A URL that is
/// not https (which validated data never holds) renders as plain text instead of a link.
#[component]
pub fn ExternalLink(
    /// The destination.
    href: String,
    /// Extra CSS classes.
    #[prop(optional)]
    class: &'static str,
    /// Called when the link is followed (it still opens).
    #[prop(optional)]
    on_follow: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let t = crate::i18n::t();
    if is_https_url(&href) {
        view! {
            <a href=href class=class target="_blank" rel="noopener noreferrer" on:click=move |_| {
                if let Some(f) = on_follow {
                    f.run(());
                }
            }>
                {children()}
                <span class="pp-sr-only">" " {t.opens_new_tab}</span>
            </a>
        }
        .into_any()
    } else {
        view! { <span class=class>{children()}</span> }.into_any()
    }
}
