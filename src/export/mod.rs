//! iCalendar, Atom feeds, sitemap and schema.org JSON-LD, from the model. Pure: strings out.
