mod external_link;
mod facet_group;
mod highlighted;
mod notice_bar;
mod show_card;
mod site_footer;
mod site_header;

pub use external_link::ExternalLink;
pub use facet_group::{FacetGroup, FacetOption};
pub use highlighted::Highlighted;
pub use notice_bar::NoticeBar;
pub use show_card::ShowCard;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
