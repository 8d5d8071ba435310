//! Text folding for search: lower case, Latin diacritics removed, split into words.

/// Folds one character to its unaccented lower-case form (`É` → `e`, `ß` → `ss`).
/// Covers Latin-1 and Latin Extended-A, which is what names in the catalog use; other
/// characters are lower-cased as they are (`lower`).
fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            'e'
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => 'g',
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            'i'
        }
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => 'l',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => 'o',
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => 'r',
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' => 's',
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' => 't',
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'Æ' | 'æ' => {
            out.push_str("ae");
            return;
        }
        'Œ' | 'œ' => {
            out.push_str("oe");
            return;
        }
        _ => lower(c),
    };
    out.push(base);
}

/// `c` in lower case, for the scripts with case that podcast titles and queries are written
/// in: ASCII, Latin-1, Latin Extended-A, Romanian's Ș and Ț, Vietnamese (Ơ, Ư and Latin
/// Extended Additional), modern Greek and Cyrillic (with its Ukrainian, Belarusian and
/// Central Asian letters); any other character is kept as it is. Not `char::to_lowercase`,
/// whose tables for every script of Unicode are about 14 KB of wasm (twiggy) that every reader
/// downloads.
pub fn lower(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => u + 0x20,
        // These blocks pair capital and small letter; the capital is even except in Ĺ..ň,
        // Ź..ž and Ӂ..ӎ, where it is odd (İ and ı, ŉ, ſ and ẖ..ẟ have no pair here; ẞ is ß).
        0x130 => u,
        0x100..=0x137
        | 0x14a..=0x177
        | 0x218..=0x21b
        | 0x460..=0x481
        | 0x48a..=0x4bf
        | 0x4d0..=0x52f
        | 0x1e00..=0x1e95
        | 0x1ea0..=0x1eff
            if u % 2 == 0 =>
        {
            u + 1
        }
        0x139..=0x148 | 0x179..=0x17e | 0x4c1..=0x4ce if u % 2 == 1 => u + 1,
        0x178 => 0xff,
        0x1a0 | 0x1af => u + 1,
        0x4c0 => 0x4cf,
        0x1e9e => 0xdf,
        0x386 => 0x3ac,
        0x388..=0x38a => u + 0x25,
        0x38c => 0x3cc,
        0x38e | 0x38f => u + 0x3f,
        0x391..=0x3a1 | 0x3a3..=0x3ab => u + 0x20,
        0x400..=0x40f => u + 0x50,
        0x410..=0x42f => u + 0x20,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` in lower case, character by character (`lower`).
pub fn lower_str(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// The folded form of a whole string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Byte ranges of the words in `s` (runs of letters and digits).
pub fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            spans.push((st, i));
        }
    }
    if let Some(st) = start {
        spans.push((st, s.len()));
    }
    spans
}

/// The folded words of `s`.
pub fn words(s: &str) -> Vec<String> {
    word_spans(s)
        .into_iter()
        .map(|(a, b)| fold(&s[a..b]))
        .collect()
}

/// A folded word that is `base` or its plural with an "s" ("models" for "model").
pub fn same_or_plural(word: &str, base: &str) -> bool {
    word == base || word.strip_suffix('s') == Some(base)
}

/// True when `a` and `b` differ by at most one edit (insert, delete, substitute, or swap of
/// two neighbours). Linear time: it never builds a distance matrix.
pub fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        let rest = prefix + 1;
        // substitution, or transposition of neighbours
        short[rest..] == long[rest..]
            || (rest < short.len()
                && short[prefix] == long[rest]
                && short[rest] == long[prefix]
                && short[rest + 1..] == long[rest + 1..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_agrees_with_the_standard_library_on_latin_greek_and_cyrillic() {
        let ranges = [
            0x20..0x180u32,
            0x1a0..0x1a2,
            0x1af..0x1b1,
            0x218..0x21c,
            0x386..0x3cf,
            0x400..0x530,
            0x1e00..0x1f00,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            // Where the standard library gives one character, `lower` gives the same one;
            // İ, whose lower case is two characters, is kept as it is (fold_char folds it).
            if let [one] = std[..] {
                assert_eq!(lower(c), one, "{c} (U+{:04X})", u32::from(c));
            } else {
                assert_eq!(lower(c), c, "{c}");
            }
        }
        assert_eq!(lower_str("ΑΘΗΝΑ Москва Ärger"), "αθηνα москва ärger");
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(
            fold("Ĺukasz Kaiser ÉTÉ Straße"),
            "lukasz kaiser ete strasse"
        );
    }

    #[test]
    fn words_split_on_punctuation() {
        assert_eq!(
            words("MLOps: the how-to (2024)"),
            ["mlops", "the", "how", "to", "2024"]
        );
    }

    #[test]
    fn one_edit_covers_substitution_insertion_deletion_and_swap() {
        assert!(within_one_edit(&chars("skeptic"), &chars("skeptik")));
        assert!(within_one_edit(&chars("skeptic"), &chars("skeptc")));
        assert!(within_one_edit(&chars("skeptic"), &chars("skepticc")));
        assert!(within_one_edit(&chars("skeptic"), &chars("sekptic")));
        assert!(!within_one_edit(&chars("skeptic"), &chars("sekptik")));
        assert!(!within_one_edit(&chars("data"), &chars("datatalks")));
    }
}
