//! A small map of the participating cities: projected markers with labels over a light grid,
//! drawn in SVG from the data's coordinates. Nothing is fetched; the text list of cities
//! beside it is the accessible equivalent.

use leptos::prelude::*;

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

#[component]
pub fn CityMap(
    cities: Vec<(City, String)>,
    host: Option<String>,
    caption_id: &'static str,
) -> impl IntoView {
    // Whole pixels: float formatting would add weight to the wasm for no visible gain.
    let px = |v: f64| v.round() as i32;
    let h = px(height());
    let grid_lon = (-10..=30).step_by(10).map(|lon| {
        let x = px(project(SOUTH, f64::from(lon)).0);
        view! { <line class="city-map__grid" x1=x y1=0 x2=x y2=h/> }
    });
    let grid_lat = (40..=65).step_by(5).map(|lat| {
        let y = px(project(f64::from(lat), WEST).1);
        view! { <line class="city-map__grid" x1=0 y1=y x2=WIDTH_PX y2=y/> }
    });
    let markers = cities.into_iter().map(|(city, label)| {
        let (x, y) = project(city.lat, city.lon);
        let is_host = host.as_deref() == Some(city.id.as_str());
        let class = if is_host {
            "city-map__marker city-map__marker--host"
        } else {
            "city-map__marker"
        };
        // Labels on the right, except near the eastern edge.
        let (dx, anchor) = if x > WIDTH - 90.0 {
            (-9, "end")
        } else {
            (9, "start")
        };
        let (x, y) = (px(x), px(y));
        view! {
            <g class=class>
                <circle cx=x cy=y r=if is_host { 7 } else { 5 }/>
                <text x=x + dx y=y + 4 text-anchor=anchor>{label}</text>
            </g>
        }
    });
    view! {
        <svg
            class="city-map__svg"
            viewBox=format!("0 0 {WIDTH_PX} {h}")
            role="img"
            aria-labelledby=caption_id
        >
            <rect class="city-map__sea" width=WIDTH_PX height=h rx="8"/>
            {grid_lon.collect_view()}
            {grid_lat.collect_view()}
            {markers.collect_view()}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_keeps_north_up_and_west_left() {
        let (tx, ty) = project(63.43, 10.39); // Trondheim
        let (lx, ly) = project(52.67, -8.62); // Limerick
        let (sx, sy) = project(41.58, 24.70); // Smolyan
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
