//! What turns dates into text needs the browser's clock; the words and the rules of each
//! language live in the language tables (`i18n`), below this module.

use crate::i18n::Texts;
use podpath_engine::dates::{age, Day};
use podpath_engine::IsoDate;

/// Today's date from the browser clock.
pub fn today() -> Day {
    let now = web_sys::js_sys::Date::new_0();
    Day {
        year: u16::try_from(now.get_full_year()).unwrap_or(2026),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}

/// "last episode 2 years ago" for an ended show, "latest episode this month" for a live one.
pub fn last_episode(t: &Texts, d: &IsoDate, ended: bool) -> String {
    (t.last_episode)(age(d, today()), ended)
}
