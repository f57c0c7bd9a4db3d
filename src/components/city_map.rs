//! A small map of the participating cities: projected markers with labels over a light grid,
//! drawn in SVG from the data's coordinates. Nothing is fetched; the text list of cities
//! beside it is the accessible equivalent.

use crate::components::static_tree::{el, svg_el, Node};
use crate::export::map::{Frame, WIDTH};
use crate::model::City;

/// The map in `frame`: the sea, the frame's coastlines and borders (the image at `outlines`,
/// written at publish time), and above them an SVG with one marker and its name per city. The
/// marked city's marker (the host's, or the venue's where there is no host) is larger and its
/// name says so on a second line (`host`: its id and that word); the publisher's own city
/// (`home`) is ringed.
///
/// Names are text in the page's font at 16 of the drawing's units (their places are worked out
/// for that size; they grow with the drawing) and run towards the middle of the map, so that
/// none is cut off at an edge.
pub fn city_map(
    frame: Frame,
    outlines: String,
    cities: Vec<(City, String)>,
    host: Option<(String, &str)>,
    home: Option<&str>,
    caption_id: &'static str,
) -> Node {
    // Whole units: float formatting would add weight to the wasm for no visible gain.
    let px = |v: f64| (v.round() as i32).to_string();
    let width = px(WIDTH);
    let height = px(frame.height());
    let labels: Vec<Label> = cities
        .iter()
        .map(|(city, name)| {
            let (x, y) = frame.project(city.lat, city.lon);
            let width = name_width(name);
            // The host's second line, "(host)" in a smaller size, may be the wider one.
            match host.as_ref().filter(|(id, _)| *id == city.id) {
                Some((_, note)) => Label {
                    x,
                    y,
                    width: width.max(name_width(note) * 0.85 + 8.0),
                    lines: 2,
                },
                None => Label {
                    x,
                    y,
                    width,
                    lines: 1,
                },
            }
        })
        .collect();
    // The names to draw, in the order they are placed: the host's first and the publisher's
    // own city's next, whatever their places (when names crowd, theirs are the ones kept, the
    // home city's unless the host's covers every side of it), then the first MAX_NAMED.
    // Three passes rather than a sort: a stable sort's code would add 1 KB to the wasm.
    let ranks: Vec<u8> = cities
        .iter()
        .enumerate()
        .map(|(i, (city, _))| {
            if host.as_ref().is_some_and(|(id, _)| *id == city.id) {
                0
            } else if home == Some(city.id.as_str()) {
                1
            } else if i < MAX_NAMED {
                2
            } else {
                3
            }
        })
        .collect();
    let mut order = Vec::with_capacity(ranks.len());
    for r in 0..3 {
        order.extend((0..ranks.len()).filter(|&i| ranks[i] == r));
    }
    let sides = place_labels(&labels, &order, frame.height());
    let markers = cities.into_iter().zip(sides).map(|((city, name), side)| {
        let (x, y) = frame.project(city.lat, city.lon);
        let host_note = host
            .as_ref()
            .filter(|(id, _)| *id == city.id)
            .map(|(_, note)| *note);
        let is_home = home == Some(city.id.as_str());
        let class = match (host_note.is_some(), is_home) {
            (true, true) => "city-map__marker city-map__marker--host city-map__marker--home",
            (true, false) => "city-map__marker city-map__marker--host",
            (false, true) => "city-map__marker city-map__marker--home",
            (false, false) => "city-map__marker",
        };
        let (x, y) = (px(x), px(y));
        let label = side.map(|side| marker_name(side, &x, &y, name, host_note));
        svg_el("g")
            .attr("class", class)
            .child(
                svg_el("circle")
                    .attr("cx", x)
                    .attr("cy", y)
                    .attr("r", if host_note.is_some() { "7" } else { "5" }),
            )
            .maybe(label)
    });
    // The outlines are an image under the drawing, loaded when the map comes near the screen
    // (an SVG <image> has no lazy loading): a reader who never scrolls to it does not fetch
    // them. The sea is the frame's background, the markers and names are drawn above.
    el("div")
        .attr("class", "city-map__drawing")
        .child(
            el("img")
                .attr("class", "city-map__land")
                .attr("src", outlines)
                .attr("alt", "")
                .attr("width", width.clone())
                .attr("height", height.clone())
                .attr("loading", "lazy")
                .attr("decoding", "async"),
        )
        .child(
            svg_el("svg")
                .attr("class", "city-map__svg")
                .attr("viewBox", format!("0 0 {width} {height}"))
                .attr("role", "img")
                .attr("aria-labelledby", caption_id)
                .children(markers),
        )
}

/// A marker's name on `side` of it at (`x`, `y`), with the host's note on a second line.
fn marker_name(side: Side, x: &str, y: &str, name: String, host_note: Option<&str>) -> Node {
    // Offsets in em: they grow with the names when the visitor's text does.
    let (dx, dy, anchor) = match side {
        Side::Right => ("0.6em", "0.35em", "start"),
        Side::Left => ("-0.6em", "0.35em", "end"),
        Side::Above => (
            "0",
            if host_note.is_some() {
                "-1.8em"
            } else {
                "-0.7em"
            },
            "middle",
        ),
        Side::Below => ("0", "1.35em", "middle"),
    };
    svg_el("text")
        .attr("x", x.to_owned())
        .attr("y", y.to_owned())
        .attr("dy", dy)
        .attr("text-anchor", anchor)
        .child(svg_el("tspan").attr("dx", dx).text(name))
        .maybe(host_note.map(|note| {
            svg_el("tspan")
                .attr("class", "city-map__note")
                .attr("x", x.to_owned())
                .attr("dx", dx)
                .attr("dy", "1.15em")
                .text(format!("({note})"))
        }))
}

/// The most cities named on one map. More names would cover each other and the map (the list
/// beside it names every city), and placing each against those before it would grow with the
/// square of their number: a hostile file's thousands of cities took half a minute to publish.
pub const MAX_NAMED: usize = 60;

/// Which side of its marker a name goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Side {
    Right,
    Left,
    Above,
    Below,
}

/// A marker and the size of its name: its width and lines.
struct Label {
    x: f64,
    y: f64,
    width: f64,
    lines: usize,
}

/// A name's width in map units, at 16 units bold: the characters' widths in the widest of the
/// usual sans fonts (DejaVu Sans, the Linux default, whose Cyrillic runs 11–21 units a letter),
/// so that a name measured here is never narrower than drawn.
fn name_width(name: &str) -> f64 {
    // Looked up in strings rather than matched: a match of this many characters took
    // hundreds of bytes of the visitors' wasm.
    const NARROW: &str = "ijlIJ.,:;'|! ()-ìíîïĩīĭįıĺļľł";
    const SLIM: &str = "frtг";
    const WIDE: &str = "mwMWÆæŒœДЖМОФЦШЩЪЫЮджмфцшщъыю";
    name.chars()
        .map(|c| {
            if NARROW.contains(c) {
                7.0
            } else if SLIM.contains(c) {
                8.5
            } else if WIDE.contains(c) {
                17.0
            } else {
                11.5
            }
        })
        .sum()
}

/// The name's box (map units, at the page's usual text size) on one side of its marker.
fn label_box(label: &Label, side: Side) -> [f64; 4] {
    // 19 units a line for a 16-unit name.
    let w = label.width;
    let h = label.lines as f64 * 19.0;
    let (x, y) = (label.x, label.y);
    match side {
        Side::Right => [x + 9.0, y - 10.0, x + 9.0 + w, y - 10.0 + h],
        Side::Left => [x - 9.0 - w, y - 10.0, x - 9.0, y - 10.0 + h],
        Side::Above => [x - w / 2.0, y - 8.0 - h, x + w / 2.0, y - 8.0],
        Side::Below => [x - w / 2.0, y + 8.0, x + w / 2.0, y + 8.0 + h],
    }
}

fn overlap(a: [f64; 4], b: [f64; 4]) -> f64 {
    let w = a[2].min(b[2]) - a[0].max(b[0]);
    let h = a[3].min(b[3]) - a[1].max(b[1]);
    if w > 0.0 && h > 0.0 {
        w * h
    } else {
        0.0
    }
}

/// A side for each name, one after the other in `order`: of the sides where it covers no name
/// placed before it, the one where it covers the least of the other markers and the space
/// outside the map; towards the middle of the map first when sides tie, so that names run into
/// the map rather than off it. A name that would cover a placed one on every side is left out:
/// the list beside the map names every city, and names drawn over each other can be read in
/// neither.
///
/// Only the labels in `order` get a side; the others are markers to keep clear of.
fn place_labels(labels: &[Label], order: &[usize], height: f64) -> Vec<Option<Side>> {
    // A few units inside the edge: a name's width is an estimate, and a wide name that just
    // fits by it would run over the frame's border.
    let frame = [6.0, 6.0, WIDTH - 6.0, height - 6.0];
    let markers: Vec<[f64; 4]> = labels
        .iter()
        .map(|l| [l.x - 7.0, l.y - 7.0, l.x + 7.0, l.y + 7.0])
        .collect();
    let mut placed: Vec<[f64; 4]> = Vec::new();
    let mut sides = vec![None; labels.len()];
    for &i in order {
        let Some(label) = labels.get(i) else {
            continue;
        };
        let inward = if label.x > WIDTH * 0.55 {
            [Side::Left, Side::Right]
        } else {
            [Side::Right, Side::Left]
        };
        let mut best: Option<(f64, Side)> = None;
        for side in [inward[0], inward[1], Side::Above, Side::Below] {
            let b = label_box(label, side);
            if placed.iter().any(|p| overlap(b, *p) > 0.0) {
                continue;
            }
            let area = (b[2] - b[0]) * (b[3] - b[1]);
            let cost = markers
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, m)| overlap(b, *m))
                .sum::<f64>()
                + 2.0 * (area - overlap(b, frame));
            if best.is_none_or(|(least, _)| cost < least) {
                best = Some((cost, side));
            }
        }
        if let Some((_, side)) = best {
            placed.push(label_box(label, side));
            sides[i] = Some(side);
        }
    }
    sides
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::city;

    #[test]
    fn names_run_into_the_map_and_the_host_says_so_on_a_line_of_its_own() {
        let cork = city("cork", "Корк", "Cork", 51.90, -8.47);
        let plovdiv = city("plovdiv", "Пловдив", "Plovdiv", 42.14, 24.75);
        let frame = Frame::around([(cork.lat, cork.lon), (plovdiv.lat, plovdiv.lon)]).unwrap();
        let map = city_map(
            frame,
            "/p/maps/x.svg".into(),
            vec![(cork, "Корк".into()), (plovdiv, "Пловдив".into())],
            Some(("plovdiv".into(), "домакин")),
            Some("cork"),
            "caption",
        );
        let image = map.select("img", None)[0];
        assert_eq!(image.get("src"), Some("/p/maps/x.svg"));
        assert_eq!(image.get("loading"), Some("lazy"));
        assert_eq!(
            image.get("alt"),
            Some(""),
            "the drawing above it is the described image"
        );
        assert_eq!(
            map.select("svg", None)[0].get("viewBox"),
            Some(format!("0 0 400 {}", frame.height().round() as i32).as_str())
        );
        let texts = map.select("text", None);
        assert_eq!(
            texts[0].get("text-anchor"),
            Some("start"),
            "the western city's name runs east"
        );
        assert_eq!(
            texts[1].get("text-anchor"),
            Some("end"),
            "the eastern city's name runs west"
        );
        let host = map.select("g", Some("city-map__marker--host"));
        assert_eq!(host.len(), 1);
        let lines: Vec<String> = host[0]
            .select("tspan", None)
            .iter()
            .map(|t| t.text_content())
            .collect();
        assert_eq!(lines, ["Пловдив", "(домакин)"]);
        assert_eq!(map.select("g", Some("city-map__marker--home")).len(), 1);
    }

    fn at(x: f64, y: f64, name: &str) -> Label {
        Label {
            x,
            y,
            width: name_width(name),
            lines: 1,
        }
    }

    #[test]
    fn a_names_width_is_never_less_than_drawn_in_the_widest_usual_font() {
        // Widths of names drawn at 16 units, weight 600, in DejaVu Sans (Chromium on Linux),
        // where the map's first estimate, 9.5 units a character, let "Бургас" cover "Бари".
        let drawn = [
            ("Бургас", 62.7),
            ("Бари", 45.6),
            ("Валенсия", 87.5),
            ("Ларнака", 79.0),
            ("Копер", 57.4),
            ("Щъркелово", 110.1),
            ("Шумен", 65.1),
            ("Жълтеш", 80.4),
            ("Москва", 68.1),
            ("Thessaloniki", 112.4),
            ("Wuppertal", 94.5),
            ("Mmmmmm", 99.2),
            ("Illinois", 59.8),
            ("Alba Iulia", 84.7),
            ("Võru", 41.7),
        ];
        for (name, width) in drawn {
            let estimate = name_width(name);
            assert!(estimate >= width, "{name}: {estimate} < {width}");
            assert!(
                estimate <= width * 1.2,
                "{name}: {estimate} is far above {width}"
            );
        }
    }

    #[test]
    fn names_of_cities_close_together_do_not_cover_each_other() {
        // Three cities within a few units, as a region's towns are on a continent's map.
        let labels = [
            at(200.0, 200.0, "Gabrovo"),
            at(206.0, 212.0, "Kardzhali town"),
            at(212.0, 196.0, "Chepel"),
        ];
        let sides = place_labels(&labels, &[0, 1, 2], 400.0);
        let boxes: Vec<[f64; 4]> = labels
            .iter()
            .zip(&sides)
            .map(|(l, s)| label_box(l, s.unwrap()))
            .collect();
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                assert_eq!(overlap(boxes[i], boxes[j]), 0.0, "{sides:?}");
            }
        }
    }

    #[test]
    fn a_name_near_an_edge_runs_into_the_map() {
        let sides = place_labels(
            &[
                at(395.0, 100.0, "Vladivosto"),
                at(5.0, 100.0, "Reykjavíkk"),
                at(200.0, 3.0, "A name of thirty characters ok"),
            ],
            &[0, 1, 2],
            300.0,
        );
        assert_eq!(sides[0], Some(Side::Left));
        assert_eq!(sides[1], Some(Side::Right));
        assert!(matches!(sides[2], Some(s) if s != Side::Above), "{sides:?}");
    }

    /// How many markers a drawn map has, and the names written beside them.
    fn markers_and_names(map: &Node) -> (usize, Vec<String>) {
        let names = map
            .select("text", None)
            .iter()
            .map(|t| t.text_content())
            .collect();
        (map.select("circle", None).len(), names)
    }

    #[test]
    fn a_map_of_very_many_cities_names_the_first_ones_the_host_and_home() {
        let cities: Vec<(City, String)> = (0..MAX_NAMED + 40)
            .map(|i| {
                let name = format!("Town {i}");
                let c = city(
                    &format!("t{i}"),
                    &name,
                    &name,
                    40.0 + (i % 10) as f64,
                    (i / 10) as f64,
                );
                (c, name)
            })
            .collect();
        let frame = Frame::around(cities.iter().map(|(c, _)| (c.lat, c.lon))).unwrap();
        let last = format!("t{}", MAX_NAMED + 39);
        let home = format!("t{}", MAX_NAMED + 30);
        let map = city_map(
            frame,
            "x.svg".into(),
            cities,
            Some((last, "host")),
            Some(&home),
            "c",
        );
        let (markers, names) = markers_and_names(&map);
        assert_eq!(markers, MAX_NAMED + 40, "every city has its marker");
        assert!(names.len() <= MAX_NAMED + 2, "{}", names.len());
        assert_eq!(names[0], "Town 0");
        assert_eq!(
            names.last().unwrap(),
            &format!("Town {}(host)", MAX_NAMED + 39),
            "the host is named whatever its place"
        );
        let beyond = |n: &String| {
            n.strip_prefix("Town ")
                .and_then(|n| n.parse::<usize>().ok())
                .is_some_and(|n| n >= MAX_NAMED)
        };
        let home = format!("Town {}", MAX_NAMED + 30);
        assert!(names.contains(&home), "the home city too: {names:?}");
        assert_eq!(names.iter().filter(|n| beyond(n)).count(), 1, "{names:?}");
    }

    #[test]
    fn names_that_would_cover_each_other_are_left_out_but_the_host_and_home_keep_theirs() {
        // A crowded corner of a wide map: a dozen towns within a few units of each other.
        let mut cities: Vec<(City, String)> = (0..12)
            .map(|i| {
                let name = format!("Crowded town {i}");
                let c = city(
                    &format!("c{i}"),
                    &name,
                    &name,
                    50.0 + f64::from(i % 3) * 0.2,
                    10.0 + f64::from(i / 3) * 0.3,
                );
                (c, name)
            })
            .collect();
        cities.push((city("far", "Far", "Far", 40.0, 60.0), "Far".to_owned()));
        let frame = Frame::around(cities.iter().map(|(c, _)| (c.lat, c.lon))).unwrap();
        let map = city_map(
            frame,
            "x.svg".into(),
            cities.clone(),
            Some(("c11".into(), "host")),
            Some("c10"),
            "c",
        );
        let (markers, names) = markers_and_names(&map);
        assert_eq!(markers, 13, "every city keeps its marker");
        assert!(names.len() < 13, "some names are left out: {names:?}");
        assert!(
            names.contains(&"Crowded town 11(host)".to_owned()),
            "{names:?}"
        );
        assert!(names.contains(&"Crowded town 10".to_owned()), "{names:?}");
        assert!(names.contains(&"Far".to_owned()), "{names:?}");

        // The names drawn cover none of each other.
        let labels: Vec<Label> = cities
            .iter()
            .map(|(c, name)| {
                let (x, y) = frame.project(c.lat, c.lon);
                at(x, y, name)
            })
            .collect();
        let order: Vec<usize> = (0..labels.len()).collect();
        let sides = place_labels(&labels, &order, frame.height());
        let boxes: Vec<[f64; 4]> = labels
            .iter()
            .zip(&sides)
            .filter_map(|(l, s)| s.map(|s| label_box(l, s)))
            .collect();
        assert!(boxes.len() >= 2);
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                assert_eq!(overlap(boxes[i], boxes[j]), 0.0, "{sides:?}");
            }
        }
    }
}
