//! Embedding: display settings from the URL or `data-*` attributes, the host's origin, and the
//! messages a host page may send. All of it is untrusted input: decoders return `None` or
//! drop what they do not understand, and never panic.

use serde::Deserialize;

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.key() == key)
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `1d5fbf` or `#1d5fbf` (six hex digits only: no names, no CSS injection).
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#').unwrap_or(s);
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio between two colours (1.0 to 21.0).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// `x` to the power 2.4 for `x` in [0.08, 1] (the sRGB curve's range above its linear part),
/// within 2 ulp of `f64::powf`: x² times the fifth root of x², the root found by Newton's
/// method from above. Not `powf`, which brings libm's `pow` (with its exp and log tables) into
/// the wasm for this one exponent.
fn pow_2_4(x: f64) -> f64 {
    let v = x * x;
    let mut y: f64 = 1.0;
    // From above, Newton's steps fall monotonically to the root; the first step that does not
    // fall has reached it (60 steps bound the loop for an `x` outside the range).
    for _ in 0..60 {
        let y4 = (y * y) * (y * y);
        let next = (4.0 * y + v / y4) / 5.0;
        if next >= y || next.is_nan() {
            break;
        }
        y = next;
    }
    v * y
}

/// The theme backgrounds (kept equal to `--podpath-bg` in style/main.css).
pub const LIGHT_BG: Rgb = Rgb(0xff, 0xff, 0xff);
pub const DARK_BG: Rgb = Rgb(0x12, 0x14, 0x18);

/// A host accent is used only if links and buttons in it stay readable (4.5:1, WCAG AA) on the
/// theme's background; the text on accent buttons is then black or white, whichever contrasts
/// more.
pub fn accent_for(accent: Rgb, dark: bool) -> Option<(Rgb, Rgb)> {
    let bg = if dark { DARK_BG } else { LIGHT_BG };
    if accent.contrast(bg) < 4.5 {
        return None;
    }
    let white = Rgb(0xff, 0xff, 0xff);
    let black = Rgb(0, 0, 0);
    let text = if accent.contrast(white) >= accent.contrast(black) {
        white
    } else {
        black
    };
    Some((accent, text))
}

/// How the widget looks, set by the embedder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Display {
    pub theme: Theme,
    pub compact: bool,
    pub accent: Option<Rgb>,
    pub hide_header: bool,
    /// The interface language asked for (`lang=`); `None` follows the browser.
    pub lang: Option<crate::lang::Lang>,
}

/// `https://host[:port]` or `http://localhost…`: a bare origin, nothing after the authority.
pub fn parse_origin(s: &str) -> Option<String> {
    let (scheme, rest) = s.split_once("://")?;
    if !matches!(scheme, "https" | "http") || rest.is_empty() || s.len() > 200 {
        return None;
    }
    let ok = rest
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    ok.then(|| s.to_owned())
}

/// A message from the host page (`postMessage`), as it arrives: any shape.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct HostMessage {
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub theme: String,
    /// Which frame of the host page this is (`podpath:host`).
    #[serde(default)]
    pub frame: Option<f64>,
}

/// What a valid host message asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostCommand {
    SetTheme(Theme),
    /// embed.js introduces itself: the message's own origin (which the browser sets and no
    /// page can forge) is the host's, and `frame` numbers this frame among the host's.
    Host {
        frame: Option<u32>,
    },
}

/// Understood: `{"type": "podpath:theme", "theme": "light" | "dark" | "auto"}` and
/// `{"type": "podpath:host", "frame": 0..1000}`.
pub fn interpret(msg: &HostMessage) -> Option<HostCommand> {
    match msg.kind.as_str() {
        "podpath:theme" => Theme::from_key(&msg.theme).map(HostCommand::SetTheme),
        "podpath:host" => {
            let frame = match msg.frame {
                None => None,
                Some(f) if f.fract() == 0.0 && (0.0..1000.0).contains(&f) => Some(f as u32),
                Some(_) => return None,
            };
            Some(HostCommand::Host { frame })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_2_4_equals_powf_for_every_channel_value() {
        // From the first channel value above the linear part (c / 255 > 0.03928).
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!(
                (ours - std).abs() <= 4.0 * f64::EPSILON * std,
                "{x}: {ours} against {std}"
            );
        }
    }

    #[test]
    fn accents_are_six_hex_digits_only() {
        assert_eq!(Rgb::parse("1d5fbf"), Some(Rgb(0x1d, 0x5f, 0xbf)));
        assert_eq!(
            Rgb::parse("#1D5FBF").map(Rgb::hex).as_deref(),
            Some("#1d5fbf")
        );
        for bad in ["red", "#fff", "1d5fbf;x:y", "", "#1d5fbg", "ééé"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn low_contrast_accents_are_refused() {
        assert!(accent_for(Rgb(0x1d, 0x5f, 0xbf), false).is_some());
        assert!(
            accent_for(Rgb(0xff, 0xee, 0x00), false).is_none(),
            "yellow on white"
        );
        assert_eq!(
            accent_for(Rgb(0x7f, 0xb0, 0xff), true).map(|(_, text)| text),
            Some(Rgb(0, 0, 0)),
            "light blue on dark, with black text"
        );
    }

    #[test]
    fn origins_have_no_path_or_script() {
        assert_eq!(
            parse_origin("https://blog.example").as_deref(),
            Some("https://blog.example")
        );
        assert!(parse_origin("http://127.0.0.1:8080").is_some());
        for bad in [
            "javascript:alert(1)",
            "https://a.com/path",
            "https://",
            "ftp://a.com",
            "https://a.com?x",
            "*",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_the_theme_message_is_understood() {
        let m = |k: &str, t: &str| HostMessage {
            kind: k.into(),
            theme: t.into(),
            frame: None,
        };
        assert_eq!(
            interpret(&m("podpath:theme", "dark")),
            Some(HostCommand::SetTheme(Theme::Dark))
        );
        assert_eq!(interpret(&m("podpath:theme", "purple")), None);
        assert_eq!(interpret(&m("podpath:resize", "dark")), None);
    }

    #[test]
    fn the_host_introduction_carries_a_small_whole_frame_number() {
        let m = |frame: Option<f64>| HostMessage {
            kind: "podpath:host".into(),
            theme: String::new(),
            frame,
        };
        assert_eq!(
            interpret(&m(Some(2.0))),
            Some(HostCommand::Host { frame: Some(2) })
        );
        assert_eq!(interpret(&m(None)), Some(HostCommand::Host { frame: None }));
        for bad in [-1.0, 1.5, 1e9, f64::NAN, f64::INFINITY] {
            assert_eq!(interpret(&m(Some(bad))), None, "{bad}");
        }
    }

    #[test]
    fn ten_thousand_random_inputs_never_panic() {
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let alphabet: Vec<char> = "#:/.-[]?podathemeklrg0123456789abcdefABCDEF é\u{0}"
            .chars()
            .collect();
        let mut random = || {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for i in 0..(x % 24) {
                s.push(alphabet[((x >> (i % 50)) as usize) % alphabet.len()]);
            }
            s
        };
        for _ in 0..10_000 {
            let (a, b) = (random(), random());
            let _ = Rgb::parse(&a).map(|c| accent_for(c, b.len() % 2 == 0));
            let _ = parse_origin(&a);
            let _ = Theme::from_key(&b);
            let frame = (b.len() % 3 == 0).then(|| a.len() as f64 / 7.0 - 1.0);
            let _ = interpret(&HostMessage {
                kind: a,
                theme: b,
                frame,
            });
        }
    }
}
