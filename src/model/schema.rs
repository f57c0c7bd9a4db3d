//! The JSON Schema of the news file, for editors' autocompletion and for `newsctl schema`.
//! Native only: the browser never needs it.

use super::types::NewsFile;

/// Where the schema is published next to the news file (`"$schema": "news.schema.json"`).
pub const SCHEMA_ID: &str = "news.schema.json";

/// The schema as pretty-printed JSON with a trailing newline, exactly as committed in
/// `public/data/news.schema.json`.
pub fn news_schema_json() -> String {
    let mut schema = schemars::schema_for!(NewsFile);
    schema.insert("$id".to_owned(), SCHEMA_ID.into());
    schema.insert("title".to_owned(), "Project news file (version 1)".into());
    schema.insert(
        "description".to_owned(),
        "News and events of an EU-funded project as its publisher (a municipality) \
         publishes them, in Bulgarian and English. The format is described in \
         docs/data-format.md; `newsctl check` validates a file."
            .into(),
    );
    // Serialising a schema (a JSON value) cannot fail; fall back to an empty object anyway.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}
