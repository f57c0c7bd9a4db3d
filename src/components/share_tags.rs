//! The head tags that make a shared link show a card (Open Graph, Twitter) and name the
//! page's canonical address.

use leptos::prelude::*;
use leptos_meta::{Link as HeadLink, Meta};

use crate::export::share::ShareCard;

/// The tags of one card; `summary_large_image` when there is a photo.
pub fn share_tags(card: ShareCard) -> impl IntoView {
    let twitter_card = if card.image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let image = card.image.map(|(src, alt)| {
        view! {
            <Meta property="og:image" content=src.clone()/>
            <Meta property="og:image:alt" content=alt.clone()/>
            <Meta name="twitter:image" content=src/>
            <Meta name="twitter:image:alt" content=alt/>
        }
    });
    view! {
        <HeadLink rel="canonical" href=card.url.clone()/>
        <Meta property="og:type" content=card.kind/>
        <Meta property="og:site_name" content=card.site_name/>
        <Meta property="og:title" content=card.title.clone()/>
        <Meta property="og:description" content=card.description.clone()/>
        <Meta property="og:url" content=card.url/>
        <Meta property="og:locale" content=card.locale/>
        <Meta property="og:locale:alternate" content=card.alternate_locale/>
        {image}
        <Meta name="twitter:card" content=twitter_card/>
        <Meta name="twitter:title" content=card.title/>
        <Meta name="twitter:description" content=card.description/>
    }
}
