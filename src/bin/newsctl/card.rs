//! The default image of a shared link (1200 × 630 PNG, one per language), drawn from the news
//! file's `site` at publish time: the publisher, the project's acronym and name, and what the
//! site is. Pages of events with a photo show the photo instead (`export::share`).
//!
//! The font is inside the program (DejaVu Sans, which has Cyrillic and Latin), so an editor's
//! computer needs none; the PNG is written here with `flate2`'s deflate and checksum.

use std::io::Write;

use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use flate2::write::ZlibEncoder;
use flate2::{Compression, Crc};

use project_news::i18n::ui;
use project_news::model::{Lang, Site};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Room kept clear at every edge.
const MARGIN: f32 = 80.0;
/// The site's primary colour and its accent (style/tokens.css, light scheme).
const BACKGROUND: [u8; 3] = [0x0b, 0x5c, 0x7a];
const ACCENT: [u8; 3] = [0x2a, 0x8f, 0x48];
const TEXT: [u8; 3] = [0xff, 0xff, 0xff];
const MUTED: [u8; 3] = [0xcd, 0xe4, 0xec];

/// An RGB image being drawn.
struct Canvas {
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(color: [u8; 3]) -> Self {
        let pixels = color
            .iter()
            .copied()
            .cycle()
            .take((WIDTH * HEIGHT * 3) as usize)
            .collect();
        Self { pixels }
    }

    fn fill(&mut self, top: u32, bottom: u32, color: [u8; 3]) {
        for y in top..bottom.min(HEIGHT) {
            for x in 0..WIDTH {
                self.blend(x as i32, y as i32, color, 1.0);
            }
        }
    }

    /// Paints `color` over a pixel with the glyph's coverage; off the canvas is ignored.
    fn blend(&mut self, x: i32, y: i32, color: [u8; 3], coverage: f32) {
        if x < 0 || y < 0 || x >= WIDTH as i32 || y >= HEIGHT as i32 {
            return;
        }
        let at = ((y as u32 * WIDTH + x as u32) * 3) as usize;
        let c = coverage.clamp(0.0, 1.0);
        for (channel, target) in self.pixels[at..at + 3].iter_mut().zip(color) {
            *channel = (f32::from(*channel) * (1.0 - c) + f32::from(target) * c).round() as u8;
        }
    }
}

/// A font at one size.
struct Type<'a> {
    font: &'a FontRef<'a>,
    px: f32,
}

impl Type<'_> {
    #[cfg(test)]
    fn width(&self, text: &str) -> f32 {
        self.width_after(None, text)
    }

    /// The width of `text`, measured only until it passes `limit`: whether a line fits is
    /// known after the characters that fill it, however long the text goes on.
    fn width_up_to(&self, text: &str, limit: f32) -> f32 {
        self.measure(None, text, limit)
    }

    /// The width `text` adds after the character `before` (their kerning included): a line
    /// grows by its next word without being measured again from its start.
    fn width_after(&self, before: Option<char>, text: &str) -> f32 {
        self.measure(before, text, f32::INFINITY)
    }

    fn measure(&self, before: Option<char>, text: &str, limit: f32) -> f32 {
        let scaled = self.font.as_scaled(PxScale::from(self.px));
        let mut previous: Option<GlyphId> = before.map(|ch| self.font.glyph_id(ch));
        let mut width = 0.0;
        for ch in text.chars() {
            let id = self.font.glyph_id(ch);
            if let Some(p) = previous {
                width += scaled.kern(p, id);
            }
            width += scaled.h_advance(id);
            if width > limit {
                break;
            }
            previous = Some(id);
        }
        width
    }

    fn draw(&self, canvas: &mut Canvas, x: f32, baseline: f32, text: &str, color: [u8; 3]) {
        let scaled = self.font.as_scaled(PxScale::from(self.px));
        let mut caret = x;
        let mut previous: Option<GlyphId> = None;
        for ch in text.chars() {
            let id = self.font.glyph_id(ch);
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(self.px, point(caret, baseline));
            caret += scaled.h_advance(id);
            previous = Some(id);
            if let Some(outline) = self.font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    canvas.blend(
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                        color,
                        coverage,
                    );
                });
            }
        }
    }

    /// `text` in lines no wider than `width`, at most `max` of them; a word too long for a
    /// line, and a last line with more to come, end in "…".
    fn wrap(&self, text: &str, width: f32, max: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in text.split_whitespace() {
            // One line more than fits is enough to know that the text is cut.
            if lines.len() > max {
                break;
            }
            if line.is_empty() {
                line_width = self.width_up_to(word, width);
                line.push_str(word);
                continue;
            }
            let grown = line_width
                + self.width_after(line.chars().next_back(), " ")
                + self.width_after(Some(' '), word);
            if grown <= width {
                line_width = grown;
                line.push(' ');
                line.push_str(word);
            } else {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
                line_width = self.width_up_to(word, width);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        let cut = lines.len() > max;
        lines.truncate(max);
        let last = lines.len().saturating_sub(1);
        for (i, line) in lines.iter_mut().enumerate() {
            if self.width_up_to(line, width) > width || (cut && i == last) {
                *line = self.shorten(line, width);
            }
        }
        lines
    }

    /// The line cut to end in "…" within `width`.
    fn shorten(&self, line: &str, width: f32) -> String {
        // Each prefix measured once, from the one before it: a line of many thousand
        // characters is cut in one pass, not measured again for every character taken off.
        let mut kept = 0;
        let mut prefix_width = 0.0;
        let mut previous = None;
        for (at, ch) in line.char_indices() {
            prefix_width += self.width_after(previous, ch.encode_utf8(&mut [0; 4]));
            previous = Some(ch);
            // A prefix ending in a space is cut before it: the ellipsis follows a letter.
            if ch.is_whitespace() {
                continue;
            }
            if prefix_width + self.width_after(Some(ch), "…") > width {
                break;
            }
            kept = at + ch.len_utf8();
        }
        line[..kept].to_owned() + "…"
    }
}

/// The card of `site` in `lang` as PNG bytes.
pub fn card_png(site: &Site, lang: Lang) -> Vec<u8> {
    let regular = FontRef::try_from_slice(dejavu::sans::regular()).expect("the built-in font");
    let bold = FontRef::try_from_slice(dejavu::sans::bold()).expect("the built-in font");
    let width = WIDTH as f32 - 2.0 * MARGIN;
    let mut canvas = Canvas::new(BACKGROUND);
    canvas.fill(HEIGHT - 18, HEIGHT, ACCENT);

    // The publisher above, what the site is below; the project between them, its acronym as
    // large as fits in one line.
    let small = Type {
        font: &regular,
        px: 34.0,
    };
    let top = small.wrap(site.publisher.get(lang), width, 1);
    if let Some(line) = top.first() {
        small.draw(&mut canvas, MARGIN, MARGIN + 30.0, line, MUTED);
    }
    let (largest, smallest) = (132.0, 48.0);
    let mut px: f32 = largest;
    let acronym = site.project.acronym.trim();
    // Measured once at the largest size: a font's widths grow with its size.
    let widest = (Type { font: &bold, px }).width_up_to(acronym, width * largest / smallest);
    while px > smallest && widest * px / largest > width {
        px -= 4.0;
    }
    let big = Type { font: &bold, px };
    let mut baseline = MARGIN + 60.0 + px;
    if let Some(line) = big.wrap(acronym, width, 1).first() {
        big.draw(&mut canvas, MARGIN, baseline, line, TEXT);
    }
    let name = Type {
        font: &regular,
        px: 44.0,
    };
    baseline += 28.0;
    // A name that is the acronym again is not written twice.
    let full_name = site.project.name_beside_acronym(lang).unwrap_or_default();
    for line in name.wrap(full_name, width, 3) {
        baseline += 56.0;
        name.draw(&mut canvas, MARGIN, baseline, &line, TEXT);
    }
    let tagline = format!(
        "{} · {}",
        ui(lang).site_tagline,
        site.project.programme.get(lang)
    );
    if let Some(line) = small.wrap(&tagline, width, 1).first() {
        small.draw(&mut canvas, MARGIN, HEIGHT as f32 - MARGIN, line, MUTED);
    }
    png(&canvas)
}

/// A PNG of the canvas: 8-bit RGB, each row unfiltered, deflated at the highest level.
fn png(canvas: &Canvas) -> Vec<u8> {
    let mut raw = Vec::with_capacity(canvas.pixels.len() + HEIGHT as usize);
    for row in canvas.pixels.chunks(WIDTH as usize * 3) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut deflate = ZlibEncoder::new(Vec::new(), Compression::best());
    deflate.write_all(&raw).expect("writing to memory");
    let data = deflate.finish().expect("writing to memory");

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&WIDTH.to_be_bytes());
    header.extend_from_slice(&HEIGHT.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    for (kind, body) in [(b"IHDR", header), (b"IDAT", data), (b"IEND", Vec::new())] {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(&body);
        let mut crc = Crc::new();
        crc.update(kind);
        crc.update(&body);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use project_news::model::testing::site;
    use project_news::model::Text;

    /// The chunks of a PNG, each checked against its checksum; then the pixels.
    fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let mut at = 8;
        let (mut width, mut height, mut data) = (0, 0, Vec::new());
        while at < bytes.len() {
            let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
            let kind = &bytes[at + 4..at + 8];
            let body = &bytes[at + 8..at + 8 + len];
            let mut crc = Crc::new();
            crc.update(kind);
            crc.update(body);
            let stored = u32::from_be_bytes(bytes[at + 8 + len..at + 12 + len].try_into().unwrap());
            assert_eq!(
                crc.sum(),
                stored,
                "checksum of {}",
                String::from_utf8_lossy(kind)
            );
            match kind {
                b"IHDR" => {
                    width = u32::from_be_bytes(body[0..4].try_into().unwrap());
                    height = u32::from_be_bytes(body[4..8].try_into().unwrap());
                    assert_eq!(&body[8..], &[8, 2, 0, 0, 0]);
                }
                b"IDAT" => data.extend_from_slice(body),
                b"IEND" => assert_eq!(at + 12 + len, bytes.len(), "IEND comes last"),
                _ => panic!("unexpected chunk"),
            }
            at += 12 + len;
        }
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&data[..])
            .read_to_end(&mut raw)
            .unwrap();
        assert_eq!(raw.len(), (height * (width * 3 + 1)) as usize);
        let pixels = raw
            .chunks(width as usize * 3 + 1)
            .flat_map(|row| row[1..].to_vec())
            .collect();
        (width, height, pixels)
    }

    fn pixel(pixels: &[u8], x: u32, y: u32) -> [u8; 3] {
        let at = ((y * WIDTH + x) * 3) as usize;
        [pixels[at], pixels[at + 1], pixels[at + 2]]
    }

    /// Columns in which some pixel differs from the background (the text's extent).
    fn inked_columns(pixels: &[u8]) -> (u32, u32) {
        let mut left = WIDTH;
        let mut right = 0;
        for y in 0..HEIGHT - 18 {
            for x in 0..WIDTH {
                if pixel(pixels, x, y) != BACKGROUND {
                    left = left.min(x);
                    right = right.max(x);
                }
            }
        }
        (left, right)
    }

    #[test]
    fn the_card_is_a_valid_png_with_the_project_drawn_inside_its_margins() {
        let site = site("https://news.example.org/");
        let png = card_png(&site, Lang::Bg);
        let (width, height, pixels) = decode(&png);
        assert_eq!((width, height), (WIDTH, HEIGHT));
        assert_eq!(pixel(&pixels, 5, 5), BACKGROUND);
        assert_eq!(pixel(&pixels, 5, HEIGHT - 5), ACCENT);
        let (left, right) = inked_columns(&pixels);
        assert!(left >= MARGIN as u32 - 2, "text starts at {left}");
        assert!(right <= WIDTH - MARGIN as u32 + 2, "text ends at {right}");
        assert!(right > WIDTH / 3, "the acronym is drawn large");
        assert!(png.len() < 120_000, "{} bytes", png.len());
        assert_ne!(png, card_png(&site, Lang::En), "each language has its card");
    }

    #[test]
    fn a_name_that_is_the_acronym_again_is_drawn_once() {
        let mut site = site("https://news.example.org/");
        site.project.acronym = "Sharing Cities".into();
        site.project.name = Text::new("", "");
        let alone = [card_png(&site, Lang::Bg), card_png(&site, Lang::En)];
        site.project.name = Text::new("SHARING CITIES", " Sharing Cities ");
        assert!(card_png(&site, Lang::Bg) == alone[0] && card_png(&site, Lang::En) == alone[1]);
        site.project.name = Text::new("Споделени градове", "Sharing Cities in Europe");
        assert!(card_png(&site, Lang::Bg) != alone[0] && card_png(&site, Lang::En) != alone[1]);
    }

    #[test]
    fn a_long_name_and_acronym_stay_inside_the_card() {
        let mut site = site("https://news.example.org/");
        site.project.acronym = "ВЕЛИКОТЪРНОВСКИ-ИНОВАЦИОНЕН-КЛЪСТЕР-2030".into();
        site.project.name = Text::new(
            &"Изключително дълго наименование на проект ".repeat(8),
            &"An exceedingly long project name ".repeat(8),
        );
        site.publisher = Text::new(&"Община ".repeat(30), &"Municipality ".repeat(30));
        let (_, _, pixels) = decode(&card_png(&site, Lang::Bg));
        let (left, right) = inked_columns(&pixels);
        assert!(
            left >= MARGIN as u32 - 2 && right <= WIDTH - MARGIN as u32 + 2,
            "{left}..{right}"
        );
    }

    #[test]
    fn wrapping_keeps_to_the_width_and_says_when_it_cut() {
        let font = FontRef::try_from_slice(dejavu::sans::regular()).unwrap();
        let t = Type {
            font: &font,
            px: 40.0,
        };
        let lines = t.wrap(
            "едно две три четири пет шест седем осем девет десет",
            300.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| t.width(l) <= 300.0), "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert_eq!(t.wrap("кратко", 300.0, 2), ["кратко"]);
        // A line cut to the longest start that fits with its ellipsis, not a character less.
        let text = "Sharing Cities Sharing Cities";
        let cut = t.shorten(text, 300.0);
        let kept = cut.trim_end_matches('…');
        let rest = &text[kept.len()..];
        let next = rest.find(|c: char| !c.is_whitespace()).unwrap();
        let longer = format!("{}{}…", kept, &rest[..=next]);
        assert!(
            t.width(&cut) <= 300.0 && t.width(&longer) > 300.0,
            "{cut} / {longer}"
        );
    }

    #[test]
    fn a_hostile_name_costs_its_length_once() {
        // One word of 400,000 letters, and as many words that have no width: each was
        // measured again for every letter or word (hours for the first).
        let font = FontRef::try_from_slice(dejavu::sans::regular()).unwrap();
        let t = Type {
            font: &font,
            px: 40.0,
        };
        let word = "W".repeat(400_000);
        let lines = t.wrap(&word, 300.0, 2);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with('…') && t.width(&lines[0]) <= 300.0);
        let marks = "\u{301} ".repeat(400_000);
        let lines = t.wrap(&marks, 300.0, 2);
        assert!(
            lines.len() == 2 && lines[1].ends_with('…'),
            "{}",
            lines.len()
        );
        let mut site = site("https://news.example.org/");
        site.publisher = Text::new(&word, &marks);
        site.project.acronym = word.clone();
        let (_, _, pixels) = decode(&card_png(&site, Lang::Bg));
        let (left, right) = inked_columns(&pixels);
        assert!(left >= MARGIN as u32 - 2 && right <= WIDTH - MARGIN as u32 + 2);
    }
}
