//! Static content as a small runtime tree of elements and text, drawn by one recursive
//! function and, when it is drawn again, patched in place.
//!
//! It plugs into Leptos through tachys' public, documented view traits (`Render`,
//! `RenderHtml`, `Mountable`, `AddAnyAttr`) and renderer (`Rndr`); nothing hidden from the
//! docs. Why it exists, and when to use it rather than `view!`: docs/architecture.md.
//!
//! Every `view!` has its own nested types, and each type brings its own build, mount and
//! unmount code into the wasm. Content that is drawn once per navigation and never changes
//! does not need that: a `Node` tree is one type however large the page gets, so the page's
//! complexity costs data at run time instead of code in the download. Text always becomes
//! text nodes, never markup.

use std::collections::HashMap;

use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Text};
use leptos::tachys::renderer::Rndr;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// One element or one text node of static content.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element {
        tag: &'static str,
        /// Created in the SVG namespace (the city map); HTML otherwise.
        svg: bool,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Node>,
        /// What the element stands for among its siblings (an event's slug, a year), never
        /// drawn: drawn again, a keyed child keeps its DOM node when its siblings come and go.
        key: Option<String>,
    },
    Text(String),
}

/// An HTML element without attributes or children.
pub fn el(tag: &'static str) -> Node {
    Node::Element {
        tag,
        svg: false,
        attrs: Vec::new(),
        children: Vec::new(),
        key: None,
    }
}

/// An SVG element without attributes or children.
pub fn svg_el(tag: &'static str) -> Node {
    Node::Element {
        tag,
        svg: true,
        attrs: Vec::new(),
        children: Vec::new(),
        key: None,
    }
}

/// A text node.
pub fn text(value: impl Into<String>) -> Node {
    Node::Text(value.into())
}

impl Node {
    /// Sets an attribute; on a text node it does nothing.
    pub fn attr(self, name: &'static str, value: impl Into<String>) -> Self {
        self.push_attr(name, value.into())
    }

    /// Sets an attribute only when there is a value (`lang` of text in the other language).
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(value) => self.push_attr(name, value.into()),
            None => self,
        }
    }

    /// Appends a child; on a text node it does nothing.
    pub fn child(self, child: Node) -> Self {
        self.children(Some(child))
    }

    /// Appends a child when there is one.
    pub fn maybe(self, child: Option<Node>) -> Self {
        self.children(child)
    }

    /// Appends a text child.
    pub fn text(self, value: impl Into<String>) -> Self {
        self.child(Node::Text(value.into()))
    }

    /// Appends children in order.
    pub fn children(mut self, more: impl IntoIterator<Item = Node>) -> Self {
        if let Node::Element { children, .. } = &mut self {
            children.extend(more);
        }
        self
    }

    /// Names the element among its siblings (see the `key` field).
    pub fn keyed(mut self, value: impl Into<String>) -> Self {
        if let Node::Element { key, .. } = &mut self {
            *key = Some(value.into());
        }
        self
    }

    fn key(&self) -> Option<&str> {
        match self {
            Node::Element { key, .. } => key.as_deref(),
            Node::Text(_) => None,
        }
    }

    // Not generic, so that it exists once in the wasm whatever the callers pass.
    fn push_attr(mut self, name: &'static str, value: String) -> Self {
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((name, value));
        }
        self
    }

    /// The tree as HTML text, escaped (used when rendering outside a browser).
    pub fn write_html(&self, buf: &mut String) {
        match self {
            Node::Text(t) => escape_into(buf, t, false),
            Node::Element {
                tag,
                attrs,
                children,
                ..
            } => {
                buf.push('<');
                buf.push_str(tag);
                for (name, value) in attrs {
                    buf.push(' ');
                    buf.push_str(name);
                    buf.push_str("=\"");
                    escape_into(buf, value, true);
                    buf.push('"');
                }
                buf.push('>');
                if !is_void(tag) {
                    for child in children {
                        child.write_html(buf);
                    }
                    buf.push_str("</");
                    buf.push_str(tag);
                    buf.push('>');
                }
            }
        }
    }

    fn html_len(&self) -> usize {
        match self {
            Node::Text(t) => t.len(),
            Node::Element {
                tag,
                attrs,
                children,
                ..
            } => {
                2 * tag.len()
                    + 5
                    + attrs
                        .iter()
                        .map(|(k, v)| k.len() + v.len() + 4)
                        .sum::<usize>()
                    + children.iter().map(Node::html_len).sum::<usize>()
            }
        }
    }
}

fn is_void(tag: &str) -> bool {
    matches!(tag, "img" | "br" | "hr" | "input" | "meta" | "link" | "wbr")
}

fn escape_into(buf: &mut String, value: &str, in_attribute: bool) {
    for c in value.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' if in_attribute => buf.push_str("&quot;"),
            c => buf.push(c),
        }
    }
}

/// Where a tree is drawn: the browser's DOM through Leptos' renderer, or (in tests) a model
/// that counts what was done to it. The patching below is written once against it.
trait Surface {
    type Element;
    type Text;
    fn create_element(&mut self, tag: &'static str, svg: bool) -> Self::Element;
    fn create_text(&mut self, value: &str) -> Self::Text;
    fn set_text(&mut self, node: &Self::Text, value: &str);
    fn set_attribute(&mut self, el: &Self::Element, name: &str, value: &str);
    fn remove_attribute(&mut self, el: &Self::Element, name: &str);
    /// Puts `child` last in `parent`.
    fn append(&mut self, parent: &Self::Element, child: &mut Drawn<Self>);
    /// Puts `new` where `old` is and takes `old` out.
    fn replace(&mut self, old: &Drawn<Self>, new: &mut Drawn<Self>);
    /// Puts `child` just before `next`.
    fn insert_before(&mut self, next: &Drawn<Self>, child: &mut Drawn<Self>);
    fn remove(&mut self, node: &Drawn<Self>);
}

/// The node one `Node` became.
enum Built<S: Surface + ?Sized> {
    Element(S::Element),
    Text(S::Text),
}

/// A drawn node with its drawn children, in the order of the tree's children.
struct Drawn<S: Surface + ?Sized> {
    built: Built<S>,
    children: Vec<Drawn<S>>,
}

fn build<S: Surface>(surface: &mut S, node: &Node) -> Drawn<S> {
    match node {
        Node::Text(t) => Drawn {
            built: Built::Text(surface.create_text(t)),
            children: Vec::new(),
        },
        Node::Element {
            tag,
            svg,
            attrs,
            children,
            ..
        } => {
            let el = surface.create_element(tag, *svg);
            for (name, value) in attrs {
                surface.set_attribute(&el, name, value);
            }
            let children = children
                .iter()
                .map(|child| {
                    let mut drawn = build(surface, child);
                    surface.append(&el, &mut drawn);
                    drawn
                })
                .collect();
            Drawn {
                built: Built::Element(el),
                children,
            }
        }
    }
}

/// Brings `drawn`, drawn from `old`, to `new`. A node keeps its DOM node while its kind and
/// tag stay: a keystroke then changes a few texts and attributes of the timeline instead of
/// replacing its every element, which the browser would have to style and lay out again.
fn patch<S: Surface>(surface: &mut S, drawn: &mut Drawn<S>, old: &Node, new: &Node) {
    if !patch_in_place(surface, drawn, old, new) {
        let mut fresh = build(surface, new);
        surface.replace(drawn, &mut fresh);
        *drawn = fresh;
    }
}

/// [`patch`] without replacing `drawn` itself; `false` when it cannot be kept.
fn patch_in_place<S: Surface>(
    surface: &mut S,
    drawn: &mut Drawn<S>,
    old: &Node,
    new: &Node,
) -> bool {
    let Drawn {
        built,
        children: drawn_children,
    } = drawn;
    match (old, new, built) {
        (Node::Text(was), Node::Text(now), Built::Text(node)) => {
            if was != now {
                surface.set_text(node, now);
            }
            true
        }
        (
            Node::Element {
                tag: old_tag,
                svg: old_svg,
                attrs: old_attrs,
                children: old_children,
                ..
            },
            Node::Element {
                tag,
                svg,
                attrs,
                children,
                ..
            },
            Built::Element(el),
        ) if old_tag == tag && old_svg == svg => {
            for (name, value) in attrs {
                if !old_attrs.iter().any(|(n, v)| n == name && v == value) {
                    surface.set_attribute(el, name, value);
                }
            }
            for (name, _) in old_attrs {
                if !attrs.iter().any(|(n, _)| n == name) {
                    surface.remove_attribute(el, name);
                }
            }
            if !patch_keyed(surface, el, drawn_children, old_children, children) {
                let kept = old_children.len().min(children.len());
                for ((child, was), now) in drawn_children.iter_mut().zip(old_children).zip(children)
                {
                    patch(surface, child, was, now);
                }
                for gone in drawn_children.drain(kept..) {
                    surface.remove(&gone);
                }
                for now in &children[kept..] {
                    let mut child = build(surface, now);
                    surface.append(el, &mut child);
                    drawn_children.push(child);
                }
            }
            true
        }
        _ => false,
    }
}

/// Children among which some have keys, drawn again by key: a child whose key was drawn
/// before keeps its DOM node (patched), the others are built, and the ones whose key went are
/// removed. Children without a key (a heading before the keyed entries) match those without
/// one in the same order. The kept children must keep their order (a search that narrows a
/// list does); `false`, with nothing done, when they do not or when no child has a key: the
/// children are then patched by position. One pass over each list, however long "show more"
/// has made it.
fn patch_keyed<S: Surface>(
    surface: &mut S,
    parent: &S::Element,
    drawn: &mut Vec<Drawn<S>>,
    old: &[Node],
    new: &[Node],
) -> bool {
    if old.is_empty() || new.is_empty() || !old.iter().chain(new).any(|n| n.key().is_some()) {
        return false;
    }
    let mut keyed: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    let mut unkeyed = Vec::new();
    for (at, child) in old.iter().enumerate() {
        match child.key() {
            Some(key) => {
                keyed.insert(key, at);
            }
            None => unkeyed.push(at),
        }
    }
    let mut unkeyed = unkeyed.into_iter();
    // For each new child, the old child it keeps, if any; each old child is kept once.
    let mut matched: Vec<Option<usize>> = Vec::with_capacity(new.len());
    let mut last = None;
    for child in new {
        let found = match child.key() {
            Some(key) => keyed.remove(key),
            None => unkeyed.next(),
        };
        if let Some(at) = found {
            if last.is_some_and(|l| at < l) {
                return false;
            }
            last = Some(at);
        }
        matched.push(found);
    }
    let mut kept = vec![false; old.len()];
    for &at in matched.iter().flatten() {
        kept[at] = true;
    }
    let mut previous: Vec<Option<Drawn<S>>> = drawn.drain(..).map(Some).collect();
    for (slot, &keep) in previous.iter_mut().zip(&kept) {
        if !keep {
            if let Some(gone) = slot.take() {
                surface.remove(&gone);
            }
        }
    }
    // Built from the end, so that a new child goes before the one after it.
    let mut next: Vec<Drawn<S>> = Vec::with_capacity(new.len());
    for (child, found) in new.iter().zip(&matched).rev() {
        let now = match found.and_then(|at| previous[at].take().map(|d| (at, d))) {
            Some((at, mut kept)) => {
                patch(surface, &mut kept, &old[at], child);
                kept
            }
            None => {
                let mut fresh = build(surface, child);
                match next.last() {
                    Some(after) => surface.insert_before(after, &mut fresh),
                    None => surface.append(parent, &mut fresh),
                }
                fresh
            }
        };
        next.push(now);
    }
    next.reverse();
    *drawn = next;
    true
}

/// The browser's DOM.
pub struct Browser;

impl Drawn<Browser> {
    fn mountable(&mut self) -> &mut dyn Mountable {
        match &mut self.built {
            Built::Element(e) => e,
            Built::Text(t) => t,
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match &self.built {
            Built::Element(e) => e.insert_before_this(child),
            Built::Text(t) => t.insert_before_this(child),
        }
    }
}

impl Surface for Browser {
    type Element = Element;
    type Text = Text;

    fn create_element(&mut self, tag: &'static str, svg: bool) -> Element {
        Rndr::create_element(tag, svg.then_some(SVG_NAMESPACE))
    }

    fn create_text(&mut self, value: &str) -> Text {
        Rndr::create_text_node(value)
    }

    fn set_text(&mut self, node: &Text, value: &str) {
        Rndr::set_text(node, value);
    }

    fn set_attribute(&mut self, el: &Element, name: &str, value: &str) {
        Rndr::set_attribute(el, name, value);
    }

    fn remove_attribute(&mut self, el: &Element, name: &str) {
        Rndr::remove_attribute(el, name);
    }

    fn append(&mut self, parent: &Element, child: &mut Drawn<Self>) {
        child.mountable().mount(parent, None);
    }

    fn replace(&mut self, old: &Drawn<Self>, new: &mut Drawn<Self>) {
        old.insert_before_this(new.mountable());
        self.remove(old);
    }

    fn insert_before(&mut self, next: &Drawn<Self>, child: &mut Drawn<Self>) {
        next.insert_before_this(child.mountable());
    }

    fn remove(&mut self, node: &Drawn<Self>) {
        match &node.built {
            Built::Element(e) => e.remove(),
            Built::Text(t) => t.remove(),
        }
    }
}

/// What a mounted tree keeps: the tree it was drawn from and the DOM nodes it became, so that
/// drawing it again touches only what differs (and nothing, with the focus in it, when the
/// same tree comes again).
pub struct NodeState {
    drawn: Drawn<Browser>,
    tree: Node,
}

impl Render for Node {
    type State = NodeState;

    fn build(self) -> Self::State {
        NodeState {
            drawn: build(&mut Browser, &self),
            tree: self,
        }
    }

    fn rebuild(self, state: &mut Self::State) {
        patch(&mut Browser, &mut state.drawn, &state.tree, &self);
        state.tree = self;
    }
}

impl Mountable for NodeState {
    fn unmount(&mut self) {
        self.drawn.mountable().unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&leptos::tachys::renderer::types::Node>) {
        self.drawn.mountable().mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.drawn.insert_before_this(child)
    }

    fn elements(&self) -> Vec<Element> {
        match &self.drawn.built {
            Built::Element(e) => vec![e.clone()],
            Built::Text(_) => Vec::new(),
        }
    }
}

// Attributes spread onto a component's output have no place in static content.
impl AddAnyAttr for Node {
    type Output<SomeNewAttr: Attribute> = Node;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
        self
    }
}

impl RenderHtml for Node {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    fn html_len(&self) -> usize {
        Node::html_len(self)
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        self.write_html(buf);
        *position = Position::NextChild;
    }

    // The app never hydrates: it replaces the prerendered page (docs/architecture.md, "One
    // rendering rule"). Building new nodes here would leave them beside the server's, under a
    // stale cursor, so a call means the app was changed to hydrate: say so at once.
    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> Self::State {
        panic!(
            "static_tree::Node cannot hydrate server HTML; mount the app afresh (see \
             docs/architecture.md) or give Node a hydrate that walks the cursor"
        )
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

/// Reading a tree in tests, as a browser's `querySelectorAll`, `getAttribute` and
/// `textContent` would: views are tested natively on the tree they return.
#[cfg(test)]
impl Node {
    /// Every element in the tree (this one included) with the tag and, if given, the class.
    pub(crate) fn select(&self, tag: &str, class: Option<&str>) -> Vec<&Node> {
        let mut found = Vec::new();
        self.collect(tag, class, &mut found);
        found
    }

    fn collect<'a>(&'a self, tag: &str, class: Option<&str>, found: &mut Vec<&'a Node>) {
        if let Node::Element {
            tag: own, children, ..
        } = self
        {
            let class_matches = class.is_none_or(|c| {
                self.get("class")
                    .is_some_and(|list| list.split_whitespace().any(|x| x == c))
            });
            if *own == tag && class_matches {
                found.push(self);
            }
            for child in children {
                child.collect(tag, class, found);
            }
        }
    }

    /// The value of an attribute.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    /// The text of the tree, without markup.
    pub(crate) fn text_content(&self) -> String {
        match self {
            Node::Text(t) => t.clone(),
            Node::Element { children, .. } => children.iter().map(Node::text_content).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(node: &Node) -> String {
        let mut buf = String::new();
        node.write_html(&mut buf);
        buf
    }

    #[test]
    fn builders_keep_attribute_and_child_order() {
        let node = el("section")
            .attr("class", "event-section")
            .attr("aria-labelledby", "x")
            .child(el("h2").attr("id", "x").text("Title"))
            .maybe(None)
            .maybe(Some(text("tail")));
        assert_eq!(
            html(&node),
            r#"<section class="event-section" aria-labelledby="x"><h2 id="x">Title</h2>tail</section>"#
        );
    }

    #[test]
    fn missing_optional_attributes_are_left_out() {
        let node = el("p")
            .attr_opt("lang", None::<&str>)
            .attr_opt("title", Some("t"));
        assert_eq!(html(&node), r#"<p title="t"></p>"#);
    }

    #[test]
    fn text_from_data_never_becomes_markup() {
        let node = el("p")
            .attr("title", r#"" onload="x"#)
            .text("<script>alert(1)</script> & co");
        assert_eq!(
            html(&node),
            r#"<p title="&quot; onload=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>"#
        );
    }

    #[test]
    fn text_nodes_ignore_element_builders() {
        assert_eq!(text("a").attr("class", "b").child(el("i")), text("a"));
    }

    #[test]
    fn void_elements_have_no_closing_tag() {
        assert_eq!(html(&el("img").attr("alt", "")), r#"<img alt="">"#);
    }

    /// A document in memory that notes every change made to it.
    #[derive(Default)]
    struct Model {
        nodes: Vec<ModelNode>,
        ops: Vec<String>,
    }

    struct ModelNode {
        /// Empty for a text node.
        tag: &'static str,
        text: String,
        attrs: Vec<(String, String)>,
        children: Vec<usize>,
        parent: Option<usize>,
    }

    fn id(drawn: &Drawn<Model>) -> usize {
        match drawn.built {
            Built::Element(id) | Built::Text(id) => id,
        }
    }

    impl Model {
        fn add(&mut self, tag: &'static str, text: &str) -> usize {
            self.nodes.push(ModelNode {
                tag,
                text: text.to_owned(),
                attrs: Vec::new(),
                children: Vec::new(),
                parent: None,
            });
            self.nodes.len() - 1
        }

        fn detach(&mut self, node: usize) -> Option<(usize, usize)> {
            let parent = self.nodes[node].parent.take()?;
            let at = self.nodes[parent]
                .children
                .iter()
                .position(|&c| c == node)?;
            self.nodes[parent].children.remove(at);
            Some((parent, at))
        }

        fn html(&self, node: usize) -> String {
            let n = &self.nodes[node];
            if n.tag.is_empty() {
                return n.text.clone();
            }
            // The DOM keeps attributes in the order they were first set; no reader depends
            // on it, so they are compared sorted.
            let mut attrs = n.attrs.clone();
            attrs.sort();
            let attrs: String = attrs.iter().map(|(k, v)| format!(" {k}=\"{v}\"")).collect();
            let inner: String = n.children.iter().map(|&c| self.html(c)).collect();
            format!("<{0}{attrs}>{inner}</{0}>", n.tag)
        }
    }

    impl Surface for Model {
        type Element = usize;
        type Text = usize;

        fn create_element(&mut self, tag: &'static str, _svg: bool) -> usize {
            self.ops.push(format!("create {tag}"));
            self.add(tag, "")
        }

        fn create_text(&mut self, value: &str) -> usize {
            self.ops.push("create text".into());
            self.add("", value)
        }

        fn set_text(&mut self, node: &usize, value: &str) {
            self.ops.push(format!("text {value}"));
            self.nodes[*node].text = value.to_owned();
        }

        fn set_attribute(&mut self, el: &usize, name: &str, value: &str) {
            self.ops.push(format!("set {name}"));
            let attrs = &mut self.nodes[*el].attrs;
            match attrs.iter_mut().find(|(k, _)| k == name) {
                Some(slot) => slot.1 = value.to_owned(),
                None => attrs.push((name.to_owned(), value.to_owned())),
            }
        }

        fn remove_attribute(&mut self, el: &usize, name: &str) {
            self.ops.push(format!("unset {name}"));
            self.nodes[*el].attrs.retain(|(k, _)| k != name);
        }

        fn append(&mut self, parent: &usize, child: &mut Drawn<Self>) {
            let child = id(child);
            self.nodes[*parent].children.push(child);
            self.nodes[child].parent = Some(*parent);
        }

        fn replace(&mut self, old: &Drawn<Self>, new: &mut Drawn<Self>) {
            self.ops.push("replace".into());
            if let Some((parent, at)) = self.detach(id(old)) {
                self.nodes[parent].children.insert(at, id(new));
                self.nodes[id(new)].parent = Some(parent);
            }
        }

        fn remove(&mut self, node: &Drawn<Self>) {
            self.ops.push("remove".into());
            self.detach(id(node));
        }

        fn insert_before(&mut self, next: &Drawn<Self>, child: &mut Drawn<Self>) {
            let (next, child) = (id(next), id(child));
            if let Some(parent) = self.nodes[next].parent {
                let at = self.nodes[parent].children.iter().position(|&c| c == next);
                self.nodes[parent].children.insert(at.unwrap_or(0), child);
                self.nodes[child].parent = Some(parent);
            }
        }
    }

    fn list(items: &[&str]) -> Node {
        el("ol").children(items.iter().map(|item| {
            el("li")
                .keyed(*item)
                .child(entry(&[text(*item)], item, None))
        }))
    }

    #[test]
    fn keyed_children_keep_their_nodes_when_others_go_or_come() {
        // The first entry goes: the others are kept, nothing is rewritten.
        let (ops, html) = redraw(&list(&["a", "b", "c"]), &list(&["b", "c"]));
        assert_eq!(ops, ["remove"]);
        assert_eq!(html, model_html(&list(&["b", "c"])));
        // One comes in between: it is built before the entry that follows it.
        let (ops, html) = redraw(&list(&["a", "c"]), &list(&["a", "b", "c"]));
        assert_eq!(ops.iter().filter(|o| o.starts_with("create")).count(), 7);
        assert!(
            !ops.iter().any(|o| o == "remove" || o.starts_with("text")),
            "{ops:?}"
        );
        assert_eq!(html, model_html(&list(&["a", "b", "c"])));
        // A kept entry that changed is patched in place.
        let old = list(&["a", "b"]);
        let new = el("ol").children([
            el("li").keyed("b").child(entry(&[text("B")], "b", None)),
            el("li").keyed("x").child(entry(&[text("x")], "x", None)),
        ]);
        let (ops, html) = redraw(&old, &new);
        assert_eq!(ops.iter().filter(|o| *o == "remove").count(), 1);
        assert!(ops.contains(&"text B".to_owned()), "{ops:?}");
        assert_eq!(html, model_html(&new));
    }

    #[test]
    fn keyed_children_in_another_order_or_without_keys_are_patched_by_position() {
        // The order turned (newest first, then oldest first): by position, as before.
        let (ops, html) = redraw(&list(&["a", "b"]), &list(&["b", "a"]));
        assert!(
            ops.iter()
                .all(|o| o.starts_with("text") || o.starts_with("set")),
            "{ops:?}"
        );
        assert_eq!(html, model_html(&list(&["b", "a"])));
        // A child without a key among keyed ones takes the place of one without a key.
        let mixed = el("ol").children([el("li").keyed("a").text("a"), el("li").text("b")]);
        let (_, html) = redraw(&list(&["a", "b"]), &mixed);
        assert_eq!(html, model_html(&mixed));
    }

    #[test]
    fn a_key_given_twice_is_kept_once_and_built_again_for_the_other() {
        let (_, html) = redraw(&list(&["a", "a", "b"]), &list(&["a", "b", "a"]));
        assert_eq!(html, model_html(&list(&["a", "b", "a"])));
        let (ops, html) = redraw(&list(&["a", "b"]), &list(&["a", "a", "b"]));
        assert!(!ops.iter().any(|o| o == "remove"), "{ops:?}");
        assert_eq!(html, model_html(&list(&["a", "a", "b"])));
    }

    #[test]
    fn a_heading_without_a_key_stays_while_the_keyed_entries_after_it_change() {
        let group = |items: &[&str]| {
            el("section")
                .child(el("h2").text("2023"))
                .children(items.iter().map(|i| el("p").keyed(*i).text(*i)))
        };
        let (ops, html) = redraw(&group(&["a", "b", "c"]), &group(&["b", "c"]));
        assert_eq!(ops, ["remove"]);
        assert_eq!(html, model_html(&group(&["b", "c"])));
    }

    /// The HTML the model holds for `node` drawn on its own.
    fn model_html(node: &Node) -> String {
        let mut model = Model::default();
        let body = model.add("body", "");
        let mut drawn = build(&mut model, node);
        model.append(&body, &mut drawn);
        model.html(body)
    }

    /// Draws `old` into a model document, then `new` over it: what was done, and the HTML.
    fn redraw(old: &Node, new: &Node) -> (Vec<String>, String) {
        let mut model = Model::default();
        let body = model.add("body", "");
        let mut drawn = build(&mut model, old);
        model.append(&body, &mut drawn);
        model.ops.clear();
        patch(&mut model, &mut drawn, old, new);
        let html = model.html(body);
        (model.ops, html)
    }

    fn entry(title: &[Node], href: &str, lang: Option<&str>) -> Node {
        el("article")
            .attr("class", "timeline-entry")
            .child(
                el("h4").child(
                    el("a")
                        .attr("href", href)
                        .attr_opt("lang", lang)
                        .children(title.iter().cloned()),
                ),
            )
            .child(el("p").text("summary"))
    }

    #[test]
    fn drawing_the_same_tree_again_changes_nothing() {
        let tree = entry(&[text("Plovdiv")], "/events/a", None);
        let (ops, _) = redraw(&tree, &tree.clone());
        assert!(ops.is_empty(), "{ops:?}");
    }

    #[test]
    fn changed_texts_and_attributes_are_updated_in_place() {
        let old = entry(&[text("Plovdiv")], "/events/a", Some("en"));
        let new = entry(&[text("Varna")], "/events/b", None);
        let (ops, _) = redraw(&old, &new);
        assert_eq!(ops, ["set href", "unset lang", "text Varna"]);
    }

    #[test]
    fn children_beyond_the_old_ones_are_added_and_missing_ones_removed() {
        let plain = entry(&[text("Meeting in Plovdiv")], "/e", None);
        let marked = entry(
            &[
                text("Meeting in "),
                el("mark").text("Plovdiv"),
                text(" again"),
            ],
            "/e",
            None,
        );
        let (ops, _) = redraw(&plain, &marked);
        assert_eq!(
            ops,
            [
                "text Meeting in ",
                "create mark",
                "create text",
                "create text"
            ]
        );
        let (ops, _) = redraw(&marked, &plain);
        assert_eq!(ops, ["text Meeting in Plovdiv", "remove", "remove"]);
    }

    #[test]
    fn a_node_of_another_tag_or_kind_is_replaced_with_its_subtree_only() {
        let old = el("div").child(el("p").text("a")).child(el("p").text("b"));
        let new = el("div").child(el("p").text("a")).child(el("ul").text("b"));
        let (ops, _) = redraw(&old, &new);
        assert_eq!(ops, ["create ul", "create text", "replace"]);
        let (ops, _) = redraw(&el("p").text("a"), &el("p").child(el("mark").text("a")));
        assert_eq!(ops, ["create mark", "create text", "replace"]);
    }

    #[test]
    fn a_redrawn_tree_reads_as_the_same_tree_drawn_afresh() {
        let trees = [
            entry(&[text("Plovdiv")], "/events/a", None),
            entry(
                &[el("mark").text("Pí"), text("sek")],
                "/events/a",
                Some("en"),
            ),
            entry(&[], "/events/b", Some("bg")),
            el("section").child(el("h2").attr("id", "year-2022").text("2022")),
            text("plain"),
            el("article").attr("lang", "en").attr("class", "x"),
        ];
        for old in &trees {
            for new in &trees {
                let (_, redrawn) = redraw(old, new);
                let (_, fresh) = redraw(&el("br"), new);
                assert_eq!(redrawn, fresh, "from {old:?}");
            }
        }
    }

    #[test]
    fn svg_elements_are_marked_for_their_namespace() {
        assert!(matches!(svg_el("circle"), Node::Element { svg: true, .. }));
        assert!(matches!(el("div"), Node::Element { svg: false, .. }));
    }
}
