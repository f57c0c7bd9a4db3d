//! Filtering, search, facet counts, sorting and the URL query <-> filter state. Pure.
