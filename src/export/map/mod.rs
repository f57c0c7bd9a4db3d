//! The frame of an event's map: the part of the world around its cities, in whole degrees,
//! and the projection into it. The app draws the markers and labels in this frame; publishing
//! draws the coastlines and borders of the same frame into a file of their own
//! (`maps/<frame>.svg`, see `outlines`), so the visitor's wasm carries no map data.

pub mod outlines;

use crate::model::{Catalog, Event};

/// Width of every map in its own units; the height follows from the frame.
pub const WIDTH: f64 = 400.0;

/// Least extent of a frame (degrees): one city, or cities close together, still show their
/// country around them.
const MIN_LON_SPAN: f64 = 8.0;
const MIN_LAT_SPAN: f64 = 5.0;
/// Room around the cities for their labels, as a share of the cities' extent, plus a degree.
const MARGIN_SHARE: f64 = 0.18;
/// The frame's height as a share of its width stays between these: a map of cities along a
/// meridian or a parallel is not drawn as a sliver.
const MIN_ASPECT: f64 = 0.6;
const MAX_ASPECT: f64 = 1.0;

/// A rectangle of longitude and latitude, in whole degrees (so that events with cities near
/// each other share one outline file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    pub west: i32,
    pub east: i32,
    pub south: i32,
    pub north: i32,
}

/// cos(degrees) for |degrees| ≤ 90 by Bhaskara's rational approximation (within 0.002):
/// enough for a map's proportions, without the wasm carrying a trigonometry library.
fn cos_degrees(degrees: f64) -> f64 {
    let d = degrees.clamp(-90.0, 90.0);
    (32_400.0 - 4.0 * d * d) / (32_400.0 + d * d)
}

impl Frame {
    /// The frame around points given as (latitude, longitude); `None` without points or with
    /// a coordinate that is not a number.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Frame> {
        let (mut south, mut north, mut west, mut east) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        let mut any = false;
        for (lat, lon) in points {
            if !lat.is_finite() || !lon.is_finite() {
                return None;
            }
            let (lat, lon) = (lat.clamp(-85.0, 85.0), lon.clamp(-180.0, 180.0));
            south = south.min(lat);
            north = north.max(lat);
            west = west.min(lon);
            east = east.max(lon);
            any = true;
        }
        if !any {
            return None;
        }
        let (mid_lat, mid_lon) = ((south + north) / 2.0, (west + east) / 2.0);
        let mut lat_span = (north - south).max(MIN_LAT_SPAN);
        let mut lon_span = (east - west).max(MIN_LON_SPAN);
        lat_span += 2.0 * (lat_span * MARGIN_SHARE + 1.0);
        lon_span += 2.0 * (lon_span * MARGIN_SHARE + 1.0);
        let squeeze = cos_degrees(mid_lat).max(0.1);
        let aspect = lat_span / (lon_span * squeeze);
        if aspect < MIN_ASPECT {
            lat_span = MIN_ASPECT * lon_span * squeeze;
        } else if aspect > MAX_ASPECT {
            lon_span = lat_span / (MAX_ASPECT * squeeze);
        }
        let lat_span = lat_span.min(170.0);
        let lon_span = lon_span.min(360.0);
        // Shifted back inside the world where a margin would cross a pole or the date line.
        // (min/max, not clamp: clamp's check of bounds that are not constants would bring
        // float formatting, 20 KB, into the wasm.)
        #[allow(clippy::manual_clamp)]
        let south = (mid_lat - lat_span / 2.0).min(85.0 - lat_span).max(-85.0);
        #[allow(clippy::manual_clamp)]
        let west = (mid_lon - lon_span / 2.0).min(180.0 - lon_span).max(-180.0);
        Some(Frame {
            west: west.floor() as i32,
            east: (west + lon_span).ceil() as i32,
            south: south.floor() as i32,
            north: (south + lat_span).ceil() as i32,
        })
    }

    /// The frame of an event's cities (those the catalog knows), if it has any.
    pub fn of_event(catalog: &Catalog, event: &Event) -> Option<Frame> {
        Frame::around(
            event
                .all_city_ids()
                .into_iter()
                .filter_map(|id| catalog.city(id))
                .map(|c| (c.lat, c.lon)),
        )
    }

    /// Horizontal degrees shrink with latitude: scaled by the cosine of the middle latitude.
    fn squeeze(&self) -> f64 {
        cos_degrees(f64::from(self.south + self.north) / 2.0).max(0.1)
    }

    /// The map's height in its units.
    pub fn height(&self) -> f64 {
        WIDTH * f64::from(self.north - self.south)
            / (f64::from(self.east - self.west) * self.squeeze())
    }

    /// Map coordinates (x right, y down) of a point given as latitude, longitude.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        let x = (lon - f64::from(self.west)) / f64::from(self.east - self.west) * WIDTH;
        let y = (f64::from(self.north) - lat) / f64::from(self.north - self.south) * self.height();
        (x, y)
    }

    /// Where publishing writes this frame's outlines, relative to the site's root: its
    /// edges as degrees east or west, north or south ("maps/10w-37n-34e-62n.svg"; no minus
    /// sign that a shell would take for an option).
    pub fn file(&self) -> String {
        let side = |v: i32, plus: char, minus: char| {
            format!("{}{}", v.unsigned_abs(), if v < 0 { minus } else { plus })
        };
        format!(
            "maps/{}-{}-{}-{}.svg",
            side(self.west, 'e', 'w'),
            side(self.south, 'n', 's'),
            side(self.east, 'e', 'w'),
            side(self.north, 'n', 's')
        )
    }
}

/// Each frame the catalog's event maps need, once, in the order of the events.
pub fn frames(catalog: &Catalog) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    for event in &catalog.events {
        if let Some(frame) = Frame::of_event(catalog, event) {
            if !frames.contains(&frame) {
                frames.push(frame);
            }
        }
    }
    frames
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cosine_is_close_enough_for_a_map() {
        for (degrees, exact) in [
            (0.0, 1.0),
            (30.0, 0.866_025),
            (51.0, 0.629_320),
            (60.0, 0.5),
        ] {
            assert!((cos_degrees(degrees) - exact).abs() < 0.002, "{degrees}");
        }
        assert_eq!(cos_degrees(90.0), 0.0);
    }

    #[test]
    fn a_frame_holds_its_cities_with_room_around_them() {
        // Cork, Oslo and Plovdiv: west, north and south-east of a European project.
        let cities = [(51.90, -8.47), (59.91, 10.75), (42.14, 24.75)];
        let frame = Frame::around(cities).unwrap();
        for (lat, lon) in cities {
            let (x, y) = frame.project(lat, lon);
            assert!(x > 0.1 * WIDTH && x < 0.9 * WIDTH, "{x}");
            assert!(
                y > 0.05 * frame.height() && y < 0.95 * frame.height(),
                "{y}"
            );
        }
        let (ox, oy) = frame.project(59.91, 10.75);
        let (px, py) = frame.project(42.14, 24.75);
        assert!(oy < py && ox < px, "north is up, west is left");
        let aspect = frame.height() / WIDTH;
        assert!(
            (MIN_ASPECT - 0.05..=MAX_ASPECT + 0.05).contains(&aspect),
            "{aspect}"
        );
    }

    #[test]
    fn one_city_gets_its_country_around_it_and_a_far_one_its_own_part_of_the_world() {
        let one = Frame::around([(42.14, 24.75)]).unwrap();
        assert!(one.east - one.west >= MIN_LON_SPAN as i32);
        assert!(one.north - one.south >= MIN_LAT_SPAN as i32);
        let (x, y) = one.project(42.14, 24.75);
        assert!(
            (x - WIDTH / 2.0).abs() < 0.1 * WIDTH
                && (y - one.height() / 2.0).abs() < 0.1 * one.height()
        );

        // A project elsewhere: Quito and Lima.
        let south = Frame::around([(-0.18, -78.47), (-12.05, -77.04)]).unwrap();
        assert!(south.west < -78 && south.east > -77 && south.south < -12 && south.north > 0);
        assert_ne!(one.file(), south.file());
        assert_eq!(
            Frame {
                west: -10,
                east: 34,
                south: -3,
                north: 62
            }
            .file(),
            "maps/10w-3s-34e-62n.svg"
        );
    }

    #[test]
    fn frames_stay_in_the_world_and_refuse_what_is_not_a_place() {
        let pole = Frame::around([(84.0, 179.5), (89.0, -179.0)]).unwrap();
        assert!(pole.north <= 86 && pole.south >= -85 && pole.west >= -180 && pole.east <= 181);
        assert!(pole.height().is_finite() && pole.height() > 0.0);
        assert_eq!(Frame::around([]), None);
        assert_eq!(Frame::around([(f64::NAN, 1.0)]), None);
    }
}
