//! Normalisation for search: case, diacritics, Cyrillic <-> Latin. Pure.
