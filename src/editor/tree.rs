//! The file as the editor holds it: JSON that keeps its keys in the order they were written
//! and anything an editor typed, valid or not, so that a file with errors loses nothing on
//! its way through the editor. Edits address values by the validator's paths (`a.b[2].c`),
//! so a problem leads straight to its field.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON value; objects keep their keys' order.
#[derive(Clone, Debug, PartialEq)]
pub enum Tree {
    Null,
    Bool(bool),
    /// A number as the file writes it: JSON sets no limit to a number's digits, and the
    /// editor writes back what it read (another tool's id of 25 digits in a section of its
    /// own). Made by [`Tree::parse`] and [`Tree::number`] only, so always a JSON number.
    Number(String),
    String(String),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

/// The place of a member (by key) among those of the object at a path; `None` for a member
/// of no known place.
pub type Rank<'r> = &'r dyn Fn(&Path, &str) -> Option<usize>;

/// One step of a path: an object's key or an array's index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a value is: the steps from the top of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<Step>);

impl Path {
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// Reads the validator's form (`events[3].title.bg`).
    pub fn parse(text: &str) -> Self {
        let mut steps = Vec::new();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let mut pieces = part.split('[');
            if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
                steps.push(Step::Key(key.to_owned()));
            }
            for index in pieces {
                if let Ok(i) = index.trim_end_matches(']').parse() {
                    steps.push(Step::Index(i));
                }
            }
        }
        Self(steps)
    }

    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        Self(steps)
    }

    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Self(steps)
    }

    pub fn parent(&self) -> Option<Self> {
        let (_, rest) = self.0.split_last()?;
        Some(Self(rest.to_vec()))
    }

    pub fn last(&self) -> Option<&Step> {
        self.0.last()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0)
    }

    /// A name fit for an element id: `f-events-3-title-bg`.
    pub fn dom_id(&self) -> String {
        let mut id = String::from("f");
        for step in &self.0 {
            id.push('-');
            match step {
                Step::Key(k) => {
                    id.extend(
                        k.chars()
                            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }),
                    )
                }
                Step::Index(i) => id.push_str(&i.to_string()),
            }
        }
        id
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => write!(f, "{k}")?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Tree {
    pub fn object() -> Self {
        Tree::Object(Vec::new())
    }

    pub fn string(value: impl Into<String>) -> Self {
        Tree::String(value.into())
    }

    pub fn number(value: impl Into<serde_json::Number>) -> Self {
        Tree::Number(value.into().to_string())
    }

    /// The file's text read in full; serde_json's error (with line and column) otherwise.
    pub fn parse(text: &str) -> Result<Self, serde_json::Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut tree: Tree = serde_json::from_str(text)?;
        // serde hands a number over as an integer of 64 bits or a double, which round what
        // does not fit; each number gets back its spelling, in the order the file has them.
        let mut written = number_spellings(text);
        tree.respell(&mut written);
        Ok(tree)
    }

    fn respell<'t>(&mut self, written: &mut impl Iterator<Item = &'t str>) {
        match self {
            Tree::Number(n) => {
                if let Some(spelling) = written.next() {
                    spelling.clone_into(n);
                }
            }
            Tree::Array(items) => items.iter_mut().for_each(|i| i.respell(written)),
            Tree::Object(members) => members.iter_mut().for_each(|(_, v)| v.respell(written)),
            _ => {}
        }
    }

    /// Two-space indentation, keys in their order, a final newline: serde_json's pretty form.
    pub fn to_pretty(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// One line, for the validator.
    pub fn to_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Tree::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Tree]> {
        match self {
            Tree::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn member(&self, key: &str) -> Option<&Tree> {
        match self {
            Tree::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn child(&self, step: &Step) -> Option<&Tree> {
        match (self, step) {
            (Tree::Object(_), Step::Key(k)) => self.member(k),
            (Tree::Array(items), Step::Index(i)) => items.get(*i),
            _ => None,
        }
    }

    pub fn get(&self, path: &Path) -> Option<&Tree> {
        path.0.iter().try_fold(self, |here, step| here.child(step))
    }

    /// The value at `path` as text: a string as it is, a number or a boolean as written,
    /// nothing for anything else. What a form field shows.
    pub fn text_at(&self, path: &Path) -> String {
        match self.get(path) {
            Some(Tree::String(s)) => s.clone(),
            Some(Tree::Number(n)) => n.clone(),
            Some(Tree::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// The length of the array at `path`; 0 when there is none.
    pub fn len_at(&self, path: &Path) -> usize {
        self.get(path)
            .and_then(Tree::as_array)
            .map_or(0, <[Tree]>::len)
    }

    /// The value at `path`, made on the way: missing members are added where `rank` puts
    /// them (see [`Tree::set_ranked`]), a missing or non-container value becomes the container
    /// the step needs, and an index one past the end appends. `None` only for an index
    /// further out. `at` is the path walked so far.
    fn slot(&mut self, at: &mut Path, rest: &[Step], rank: Rank) -> Option<&mut Tree> {
        let Some((step, rest)) = rest.split_first() else {
            return Some(self);
        };
        let next = match step {
            Step::Key(key) => {
                if !matches!(self, Tree::Object(_)) {
                    *self = Tree::object();
                }
                let Tree::Object(members) = self else {
                    return None;
                };
                let index = match members.iter().position(|(k, _)| k == key) {
                    Some(index) => index,
                    None => {
                        // Before the first member that ranks after it; unknown members rank
                        // last, so a known member goes before them.
                        let mine = rank(at, key).unwrap_or(usize::MAX);
                        let index = members
                            .iter()
                            .position(|(k, _)| rank(at, k).unwrap_or(usize::MAX) > mine)
                            .unwrap_or(members.len());
                        members.insert(index, (key.clone(), Tree::Null));
                        index
                    }
                };
                &mut members[index].1
            }
            Step::Index(i) => {
                if !matches!(self, Tree::Array(_)) {
                    *self = Tree::Array(Vec::new());
                }
                let Tree::Array(items) = self else {
                    return None;
                };
                if *i == items.len() {
                    items.push(Tree::Null);
                }
                items.get_mut(*i)?
            }
        };
        at.0.push(step.clone());
        next.slot(at, rest, rank)
    }

    /// Puts `value` at `path`, making what is missing on the way. False when an index lies
    /// past the end of its array.
    pub fn set(&mut self, path: &Path, value: Tree) -> bool {
        self.set_ranked(path, value, &|_, _| None)
    }

    /// [`Tree::set`], a new member going where `rank` puts it among its object's members
    /// (the format's order), so that what an editor adds is where `newsctl fmt` would put it.
    pub fn set_ranked(&mut self, path: &Path, value: Tree, rank: Rank) -> bool {
        match self.slot(&mut Path::root(), &path.0, rank) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    fn get_mut(&mut self, path: &[Step]) -> Option<&mut Tree> {
        let Some((step, rest)) = path.split_first() else {
            return Some(self);
        };
        let next = match (self, step) {
            (Tree::Object(members), Step::Key(k)) => {
                members.iter_mut().find(|(key, _)| key == k).map(|(_, v)| v)
            }
            (Tree::Array(items), Step::Index(i)) => items.get_mut(*i),
            _ => None,
        }?;
        next.get_mut(rest)
    }

    /// Takes the value at `path` out of its object or array.
    pub fn remove(&mut self, path: &Path) -> Option<Tree> {
        let (last, parent) = path.0.split_last()?;
        match (self.get_mut(parent)?, last) {
            (Tree::Object(members), Step::Key(k)) => {
                let at = members.iter().position(|(key, _)| key == k)?;
                Some(members.remove(at).1)
            }
            (Tree::Array(items), Step::Index(i)) if *i < items.len() => Some(items.remove(*i)),
            _ => None,
        }
    }

    /// Takes the value at `path` away, then each object above it that is left empty, up to
    /// (not including) the first `keep` steps: an optional field that is cleared leaves no
    /// `{}` behind, a required one keeps its object for the validator to point at.
    pub fn clear(&mut self, path: &Path, keep: usize) {
        if self.remove(path).is_none() {
            return;
        }
        let mut here = path.parent();
        while let Some(p) = here {
            if p.len() <= keep || !matches!(self.get(&p), Some(Tree::Object(m)) if m.is_empty()) {
                break;
            }
            self.remove(&p);
            here = p.parent();
        }
    }

    /// Puts `value` into the array at `path` at `index` (the end when past it), making the
    /// array when there is none.
    pub fn insert(&mut self, path: &Path, index: usize, value: Tree) {
        self.insert_ranked(path, index, value, &|_, _| None);
    }

    /// [`Tree::insert`], an array made on the way going where `rank` puts it.
    pub fn insert_ranked(&mut self, path: &Path, index: usize, value: Tree, rank: Rank) {
        let Some(slot) = self.slot(&mut Path::root(), &path.0, rank) else {
            return;
        };
        if !matches!(slot, Tree::Array(_)) {
            *slot = Tree::Array(Vec::new());
        }
        if let Tree::Array(items) = slot {
            let at = index.min(items.len());
            items.insert(at, value);
        }
    }

    /// Moves item `from` of the array at `path` to `to`.
    pub fn move_item(&mut self, path: &Path, from: usize, to: usize) -> bool {
        match self.get_mut(&path.0) {
            Some(Tree::Array(items)) if from < items.len() && to < items.len() => {
                let item = items.remove(from);
                items.insert(to, item);
                true
            }
            _ => false,
        }
    }
}

impl Serialize for Tree {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Null => serializer.serialize_unit(),
            Tree::Bool(b) => serializer.serialize_bool(*b),
            Tree::Number(n) => serde_json::from_str::<&serde_json::value::RawValue>(n)
                .map_err(serde::ser::Error::custom)?
                .serialize(serializer),
            Tree::String(s) => serializer.serialize_str(s),
            Tree::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Tree::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// The numbers of a JSON text that parsed, as written, in their order: what is outside its
/// strings and starts with a digit or a minus sign.
fn number_spellings(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut in_string = false;
        while at < bytes.len() {
            let b = bytes[at];
            if in_string {
                match b {
                    b'\\' => at += 1,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if b == b'-' || b.is_ascii_digit() {
                let start = at;
                while at < bytes.len()
                    && matches!(bytes[at], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    at += 1;
                }
                return Some(&text[start..at]);
            }
            at += 1;
        }
        None
    })
}

/// How [`Tree::parse`]'s error begins for a name given twice in one object, before the name.
pub const REPEATED: &str = "repeated member `";

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_none<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::number(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::number(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tree, E> {
        serde_json::Number::from_f64(v)
            .map(Tree::number)
            .ok_or_else(|| E::custom("a number JSON cannot hold"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members: Vec<(String, Tree)> = Vec::new();
        // A name given twice: the editor would show one and the site could read the other.
        // Names are looked up in a set once an object is long (a hostile file's thousands).
        let mut names = std::collections::HashSet::new();
        while let Some(k) = map.next_key::<String>()? {
            let repeated = if members.len() < 32 {
                members.iter().any(|(name, _)| *name == k)
            } else {
                if names.is_empty() {
                    names.extend(members.iter().map(|(name, _)| name.clone()));
                }
                !names.insert(k.clone())
            };
            if repeated {
                return Err(de::Error::custom(format_args!("{REPEATED}{k}`")));
            }
            members.push((k, map.next_value()?));
        }
        Ok(Tree::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_given_twice_in_one_object_is_refused_where_it_comes_again() {
        for (text, at) in [
            ("{\"version\": 1, \"events\": [],\n \"events\": []}", (2, 9)),
            ("{\"a\": {\"x\": 1, \"x\": 2}}", (1, 18)),
        ] {
            let err = Tree::parse(text).unwrap_err();
            assert!(err.to_string().starts_with(REPEATED), "{err}");
            assert_eq!((err.line(), err.column()), at, "{text}");
        }
        // Long objects too, past the short lookup.
        let long: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k3\": 0}}", long.join(", "));
        assert!(Tree::parse(&text).unwrap_err().to_string().contains("`k3`"));
        assert!(Tree::parse(&format!("{{{}}}", long.join(", "))).is_ok());
    }

    #[test]
    fn keys_keep_their_order_and_the_pretty_form_is_serde_jsons() {
        let text = "{\n  \"z\": 1,\n  \"a\": [\n    true,\n    null,\n    \"x\"\n  ],\n  \"e\": [],\n  \"o\": {}\n}\n";
        let tree = Tree::parse(text).unwrap();
        assert_eq!(tree.to_pretty(), text);
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            serde_json::to_value(&tree).unwrap(),
            value,
            "the same values"
        );
    }

    #[test]
    fn numbers_are_written_back_as_the_file_wrote_them() {
        // Past what 64 bits or a double hold, and spellings serde would change; a minus sign
        // and digits inside strings (escaped quotes among them) are no numbers.
        let text = r#"{"id": 123456789012345678901234567890, "s": "-1 \" 2", "x": [0.1000000000000000055511151231257827, -0, 1E5, 2.50, -7e-3], "k": {"n": 18446744073709551616}}"#;
        let tree = Tree::parse(text).unwrap();
        let compact = tree.to_compact();
        assert_eq!(compact, text.replace(", ", ",").replace(": ", ":"));
        assert_eq!(tree.text_at(&Path::parse("x[3]")), "2.50");
        assert_eq!(Tree::parse(&tree.to_pretty()).unwrap(), tree);
        // What a form makes is serde's spelling.
        let typed = serde_json::Number::from_f64(41.0).unwrap();
        assert_eq!(Tree::number(typed).to_compact(), "41.0");
    }

    #[test]
    fn paths_read_and_print_as_the_validator_writes_them() {
        let p = Path::parse("events[3].participants.cities[1]");
        assert_eq!(p.to_string(), "events[3].participants.cities[1]");
        assert_eq!(p.len(), 5);
        assert_eq!(
            Path::root().key("events").index(3).key("title").to_string(),
            "events[3].title"
        );
        assert_eq!(
            Path::parse("$schema").dom_id(),
            "f-_schema",
            "ids are safe for the DOM"
        );
    }

    #[test]
    fn set_makes_what_is_missing_and_clear_takes_empty_objects_away() {
        let mut tree = Tree::parse(r#"{"events":[{"slug":"a"}]}"#).unwrap();
        let venue = Path::parse("events[0].location.venue.bg");
        assert!(tree.set(&venue, Tree::string("Зала")));
        assert_eq!(tree.text_at(&venue), "Зала");
        assert_eq!(
            tree.to_compact(),
            r#"{"events":[{"slug":"a","location":{"venue":{"bg":"Зала"}}}]}"#
        );
        // Cleared with the event (2 steps) kept: venue and location go with it.
        tree.clear(&venue, 2);
        assert_eq!(tree.to_compact(), r#"{"events":[{"slug":"a"}]}"#);
        // A required text keeps its object.
        tree.set(&Path::parse("events[0].title.bg"), Tree::string("x"));
        tree.clear(&Path::parse("events[0].title.bg"), 3);
        assert_eq!(tree.to_compact(), r#"{"events":[{"slug":"a","title":{}}]}"#);
        assert!(
            !tree.set(&Path::parse("events[5].slug"), Tree::Null),
            "no gaps"
        );
    }

    #[test]
    fn a_ranked_member_goes_to_its_place() {
        let order = ["a", "b", "c"];
        let rank = |_: &Path, k: &str| order.iter().position(|o| *o == k);
        let mut tree = Tree::parse(r#"{"c":{},"a":1,"x":0}"#).unwrap();
        tree.set_ranked(&Path::parse("b"), Tree::Bool(true), &rank);
        assert_eq!(
            tree.to_compact(),
            r#"{"b":true,"c":{},"a":1,"x":0}"#,
            "before the first that ranks after"
        );
        tree.set_ranked(&Path::parse("c.b"), Tree::Null, &rank);
        tree.set_ranked(&Path::parse("c.a"), Tree::Null, &rank);
        assert!(tree
            .to_compact()
            .starts_with(r#"{"b":true,"c":{"a":null,"b":null}"#));
    }

    #[test]
    fn items_are_inserted_moved_and_removed() {
        let mut tree = Tree::parse(r#"{"a":[1,2,3]}"#).unwrap();
        let a = Path::parse("a");
        tree.insert(&a, 1, Tree::string("x"));
        assert_eq!(tree.to_compact(), r#"{"a":[1,"x",2,3]}"#);
        assert!(tree.move_item(&a, 0, 3));
        assert_eq!(tree.to_compact(), r#"{"a":["x",2,3,1]}"#);
        assert_eq!(tree.remove(&a.index(1)), Some(Tree::number(2)));
        assert_eq!(tree.len_at(&a), 3);
        tree.insert(&Path::parse("b"), 9, Tree::Bool(true));
        assert_eq!(tree.to_compact(), r#"{"a":["x",3,1],"b":[true]}"#);
    }

    #[test]
    fn values_of_the_wrong_type_stay_as_they_were_written() {
        let text = r#"{"lat":"north","n":1.5,"big":12345678901234,"neg":-3}"#;
        let tree = Tree::parse(text).unwrap();
        assert_eq!(tree.to_compact(), text);
        assert_eq!(tree.text_at(&Path::parse("n")), "1.5");
        assert!(Tree::parse("{\"a\": }").is_err());
    }
}
