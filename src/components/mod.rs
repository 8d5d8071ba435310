mod episode_row;
mod external_link;
mod facet_group;
mod highlighted;
mod notice_bar;
mod radio_group;
mod show_card;
mod site_footer;
mod site_header;

pub use episode_row::EpisodeRow;
pub use external_link::ExternalLink;
pub use facet_group::{FacetGroup, FacetOption};
pub use highlighted::Highlighted;
pub use notice_bar::NoticeBar;
pub use radio_group::RadioGroup;
pub use show_card::{listen_links, ShowCard};
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
