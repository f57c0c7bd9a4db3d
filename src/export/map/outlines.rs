//! Coastlines and country borders of a map's frame as an SVG file, drawn at publish time from
//! Natural Earth's 1:50m data (public domain; `outlines.txt`, written by
//! `scripts/outlines.mjs`). Only `newsctl` draws them: the app links the file.
//!
//! The file is an image of the page's map (the same frame and units): land as a see-through
//! grey and borders as thin lines, colours that read on the light and the dark sea alike (an
//! SVG image cannot follow the page's colour scheme).

use std::fmt::Write;
use std::sync::OnceLock;

use super::{Frame, WIDTH};

const DATA: &str = include_str!("outlines.txt");

/// How far outside the frame (map units) lines are kept: a ring cut at the frame's edge
/// would draw a coast along it.
const BLEED: f64 = 20.0;
/// Largest distance (map units) a drawn line may stray from the data: under a pixel.
const TOLERANCE: f64 = 0.5;

enum Kind {
    Land,
    Border,
}

/// A ring of land or a stretch of border: points in degrees (longitude, latitude) and the
/// box around them.
struct Shape {
    kind: Kind,
    points: Vec<(f64, f64)>,
    west: f64,
    east: f64,
    south: f64,
    north: f64,
}

/// The data, read once per run (publishing draws many frames).
fn shapes() -> &'static [Shape] {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| DATA.lines().filter_map(read_shape).collect())
}

fn read_shape(line: &str) -> Option<Shape> {
    let mut parts = line.split(' ');
    let kind = match parts.next()? {
        "L" => Kind::Land,
        "B" => Kind::Border,
        _ => return None,
    };
    let numbers: Vec<i64> = parts.filter_map(|p| p.parse().ok()).collect();
    let (mut x, mut y) = (0i64, 0i64);
    let points: Vec<(f64, f64)> = numbers
        .chunks_exact(2)
        .map(|step| {
            x += step[0];
            y += step[1];
            (x as f64 / 100.0, y as f64 / 100.0)
        })
        .collect();
    let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(lon, lat) in &points {
        west = west.min(lon);
        east = east.max(lon);
        south = south.min(lat);
        north = north.max(lat);
    }
    Some(Shape {
        kind,
        points,
        west,
        east,
        south,
        north,
    })
}

impl Shape {
    /// Whether any of it could show in the frame (with a margin in degrees).
    fn near(&self, frame: &Frame) -> bool {
        let margin = 2.0;
        self.west <= f64::from(frame.east) + margin
            && self.east >= f64::from(frame.west) - margin
            && self.south <= f64::from(frame.north) + margin
            && self.north >= f64::from(frame.south) - margin
    }
}

/// Sutherland–Hodgman: the ring cut to the rectangle [lo, hi] (map units), still a ring.
fn clip_ring(ring: Vec<(f64, f64)>, lo: (f64, f64), hi: (f64, f64)) -> Vec<(f64, f64)> {
    // Each edge: is a point inside, and where does a segment cross it.
    type Inside = fn(&(f64, f64), f64) -> bool;
    let edges: [(Inside, f64, bool); 4] = [
        (|p, v| p.0 >= v, lo.0, true),
        (|p, v| p.0 <= v, hi.0, true),
        (|p, v| p.1 >= v, lo.1, false),
        (|p, v| p.1 <= v, hi.1, false),
    ];
    let mut points = ring;
    for (inside, value, vertical) in edges {
        if points.is_empty() {
            break;
        }
        let cross = |a: (f64, f64), b: (f64, f64)| {
            if vertical {
                let t = (value - a.0) / (b.0 - a.0);
                (value, a.1 + t * (b.1 - a.1))
            } else {
                let t = (value - a.1) / (b.1 - a.1);
                (a.0 + t * (b.0 - a.0), value)
            }
        };
        let mut out = Vec::with_capacity(points.len());
        let mut previous = points[points.len() - 1];
        for &point in &points {
            match (inside(&point, value), inside(&previous, value)) {
                (true, true) => out.push(point),
                (true, false) => {
                    out.push(cross(previous, point));
                    out.push(point);
                }
                (false, true) => out.push(cross(previous, point)),
                (false, false) => {}
            }
            previous = point;
        }
        points = out;
    }
    points
}

/// The parts of a line inside the rectangle, each with the point before and after it so that
/// the line runs on past the frame's edge.
fn clip_line(line: &[(f64, f64)], lo: (f64, f64), hi: (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let inside = |p: &(f64, f64)| p.0 >= lo.0 && p.0 <= hi.0 && p.1 >= lo.1 && p.1 <= hi.1;
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, point) in line.iter().enumerate() {
        if inside(point) {
            if run.is_empty() && i > 0 {
                run.push(line[i - 1]);
            }
            run.push(*point);
        } else if !run.is_empty() {
            run.push(*point);
            runs.push(std::mem::take(&mut run));
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Douglas–Peucker in map units: the points a line needs to stay within `TOLERANCE`.
fn simplify(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (points[first], points[last]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = dx.hypot(dy);
        let mut worst = (0.0, 0);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let distance = if length == 0.0 {
                (p.0 - a.0).hypot(p.1 - a.1)
            } else {
                (dy * p.0 - dx * p.1 + b.0 * a.1 - b.1 * a.0).abs() / length
            };
            if distance > worst.0 {
                worst = (distance, i);
            }
        }
        if worst.0 > TOLERANCE {
            keep[worst.1] = true;
            stack.push((first, worst.1));
            stack.push((worst.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// Appends "Mx yLx y x y…" (one decimal) to a path's data.
fn write_points(d: &mut String, points: &[(f64, f64)], close: bool) {
    for (i, (x, y)) in points.iter().enumerate() {
        let command = match i {
            0 => "M",
            1 => "L",
            _ => " ",
        };
        let _ = write!(d, "{command}{x:.1} {y:.1}");
    }
    if close {
        d.push('Z');
    }
}

/// The SVG file of the frame's coastlines and borders, in the map's units.
pub fn outline_svg(frame: &Frame) -> String {
    let height = frame.height();
    let lo = (-BLEED, -BLEED);
    let hi = (WIDTH + BLEED, height + BLEED);
    let mut land = String::new();
    let mut borders = String::new();
    for shape in shapes().iter().filter(|s| s.near(frame)) {
        let projected: Vec<(f64, f64)> = shape
            .points
            .iter()
            .map(|&(lon, lat)| frame.project(lat, lon))
            .collect();
        match shape.kind {
            Kind::Land => {
                let ring = simplify(&clip_ring(projected, lo, hi));
                if ring.len() >= 3 {
                    write_points(&mut land, &ring, true);
                }
            }
            Kind::Border => {
                for run in clip_line(&projected, lo, hi) {
                    write_points(&mut borders, &simplify(&run), false);
                }
            }
        }
    }
    // Whole units, as the page's map has them.
    let h = height.round() as i32;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {h}\" width=\"{WIDTH}\" height=\"{h}\">\
         <path fill=\"#7f9588\" fill-opacity=\"0.42\" d=\"{land}\"/>\
         <path fill=\"none\" stroke=\"#6b7f74\" stroke-opacity=\"0.8\" stroke-width=\"0.8\" stroke-linejoin=\"round\" d=\"{borders}\"/>\
         </svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every number of a path's data.
    fn coordinates(svg: &str, nth: usize) -> Vec<f64> {
        let d = svg
            .split(" d=\"")
            .nth(nth)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        d.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    }

    #[test]
    fn the_data_reads_as_land_and_borders() {
        let (mut land, mut borders) = (0, 0);
        for shape in shapes() {
            let points = &shape.points;
            // Shapes cut at the date line run on past it rather than jump across the world
            // (a jump would draw a line across every map at its latitude).
            assert!(points
                .iter()
                .all(|(lon, lat)| lon.abs() <= 540.0 && lat.abs() <= 90.0));
            assert!(points.windows(2).all(|w| (w[1].0 - w[0].0).abs() < 180.0));
            match shape.kind {
                Kind::Land => land += 1,
                Kind::Border => borders += 1,
            }
        }
        assert!(
            land > 500 && borders > 100,
            "{land} rings, {borders} borders"
        );
    }

    #[test]
    fn a_frame_gets_its_coasts_and_borders_and_nothing_far_outside() {
        // Sofia and Athens: the Balkans have coasts and borders.
        let frame = Frame::around([(42.70, 23.32), (37.98, 23.73)]).unwrap();
        let svg = outline_svg(&frame);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 "));
        let land = coordinates(&svg, 1);
        let borders = coordinates(&svg, 2);
        assert!(
            land.len() > 200 && borders.len() > 50,
            "{} {}",
            land.len(),
            borders.len()
        );
        let height = frame.height();
        for (i, v) in land.iter().enumerate() {
            let limit = if i % 2 == 0 { WIDTH } else { height };
            assert!(
                *v >= -BLEED - 0.1 && *v <= limit + BLEED + 0.1,
                "{v} is outside"
            );
        }
        assert!(svg.len() < 60_000, "{} bytes", svg.len());
    }

    #[test]
    fn the_open_sea_has_no_land() {
        // The middle of the Pacific: no coast near.
        let frame = Frame::around([(-30.0, -140.0)]).unwrap();
        let svg = outline_svg(&frame);
        assert!(svg.contains(" d=\"\"/><path"), "no land drawn");
    }

    #[test]
    fn clipping_keeps_a_ring_closed_inside_the_rectangle() {
        let square = vec![(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)];
        let clipped = clip_ring(square, (0.0, 0.0), (5.0, 5.0));
        assert_eq!(clipped.len(), 4);
        for (x, y) in clipped {
            assert!((0.0..=5.0).contains(&x) && (0.0..=5.0).contains(&y));
        }
        let line = [(-5.0, 1.0), (1.0, 1.0), (2.0, 1.0), (9.0, 1.0), (10.0, 1.0)];
        let runs = clip_line(&line, (0.0, 0.0), (5.0, 5.0));
        assert_eq!(
            runs,
            vec![vec![(-5.0, 1.0), (1.0, 1.0), (2.0, 1.0), (9.0, 1.0)]]
        );
    }

    #[test]
    fn simplifying_keeps_corners_and_drops_what_does_not_show() {
        let line = [(0.0, 0.0), (1.0, 0.1), (2.0, 0.0), (2.0, 5.0)];
        assert_eq!(simplify(&line), vec![(0.0, 0.0), (2.0, 0.0), (2.0, 5.0)]);
    }
}
