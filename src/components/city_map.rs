//! A small map of the participating cities: projected markers with labels over a light grid,
//! drawn in SVG from the data's coordinates. Nothing is fetched; the text list of cities
//! beside it is the accessible equivalent.

use crate::components::static_tree::{svg_el, Node};
use crate::model::City;

/// The part of Europe the project's cities lie in (degrees).
const WEST: f64 = -12.0;
const EAST: f64 = 32.0;
const SOUTH: f64 = 35.0;
const NORTH: f64 = 67.0;
const WIDTH: f64 = 400.0;
const WIDTH_PX: i32 = 400;

/// Longitudes shrink with latitude; scaling by the cosine of the middle latitude (51°) keeps
/// the shapes of distances believable at this size. A constant: trigonometry at run time would
/// cost the wasm more than this line.
const SCALE_X: f64 = 0.6293203910498375;

fn height() -> f64 {
    WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * SCALE_X)
}

/// Map coordinates of a point, clamped into the frame.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    let x = (lon.clamp(WEST, EAST) - WEST) / (EAST - WEST) * WIDTH;
    let y = (NORTH - lat.clamp(SOUTH, NORTH)) / (NORTH - SOUTH) * height();
    (x, y)
}

/// The map as an SVG tree: sea, grid lines every 10° of longitude and 5° of latitude, then
/// one marker with its label per city; the host city's marker is larger, the publisher's
/// own city (`home`) is ringed.
pub fn city_map(
    cities: Vec<(City, String)>,
    host: Option<String>,
    home: Option<&str>,
    caption_id: &'static str,
) -> Node {
    // Whole pixels: float formatting would add weight to the wasm for no visible gain.
    let px = |v: f64| v.round() as i32;
    let h = px(height());
    let line = |x1: i32, y1: i32, x2: i32, y2: i32| {
        svg_el("line")
            .attr("class", "city-map__grid")
            .attr("x1", x1.to_string())
            .attr("y1", y1.to_string())
            .attr("x2", x2.to_string())
            .attr("y2", y2.to_string())
    };
    let grid_lon = (-10..=30).step_by(10).map(|lon| {
        let x = px(project(SOUTH, f64::from(lon)).0);
        line(x, 0, x, h)
    });
    let grid_lat = (40..=65).step_by(5).map(|lat| {
        let y = px(project(f64::from(lat), WEST).1);
        line(0, y, WIDTH_PX, y)
    });
    let markers = cities.into_iter().map(|(city, label)| {
        let (x, y) = project(city.lat, city.lon);
        let is_host = host.as_deref() == Some(city.id.as_str());
        let is_home = home == Some(city.id.as_str());
        let class = match (is_host, is_home) {
            (true, true) => "city-map__marker city-map__marker--host city-map__marker--home",
            (true, false) => "city-map__marker city-map__marker--host",
            (false, true) => "city-map__marker city-map__marker--home",
            (false, false) => "city-map__marker",
        };
        // Labels on the right, except near the eastern edge.
        let (dx, anchor) = if x > WIDTH - 90.0 {
            (-9, "end")
        } else {
            (9, "start")
        };
        let (x, y) = (px(x), px(y));
        svg_el("g")
            .attr("class", class)
            .child(
                svg_el("circle")
                    .attr("cx", x.to_string())
                    .attr("cy", y.to_string())
                    .attr("r", if is_host { "7" } else { "5" }),
            )
            .child(
                svg_el("text")
                    .attr("x", (x + dx).to_string())
                    .attr("y", (y + 4).to_string())
                    .attr("text-anchor", anchor)
                    .text(label),
            )
    });
    svg_el("svg")
        .attr("class", "city-map__svg")
        .attr("viewBox", format!("0 0 {WIDTH_PX} {h}"))
        .attr("role", "img")
        .attr("aria-labelledby", caption_id)
        .child(
            svg_el("rect")
                .attr("class", "city-map__sea")
                .attr("width", WIDTH_PX.to_string())
                .attr("height", h.to_string())
                .attr("rx", "8"),
        )
        .children(grid_lon)
        .children(grid_lat)
        .children(markers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_keeps_north_up_and_west_left() {
        let (tx, ty) = project(59.91, 10.75); // Oslo
        let (lx, ly) = project(51.90, -8.47); // Cork
        let (sx, sy) = project(42.14, 24.75); // Plovdiv
        assert!(ty < ly && ly < sy, "north is up");
        assert!(lx < tx && tx < sx, "west is left");
        for v in [tx, lx, sx] {
            assert!((0.0..=WIDTH).contains(&v));
        }
    }

    #[test]
    fn far_away_points_stay_in_the_frame() {
        let (x, y) = project(-40.0, 170.0);
        assert_eq!(x, WIDTH);
        assert!((y - height()).abs() < 1e-9);
    }
}
