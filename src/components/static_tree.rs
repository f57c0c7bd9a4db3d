//! Static content as a small runtime tree of elements and text, drawn by one recursive
//! function.
//!
//! Every `view!` has its own nested types, and each type brings its own build, mount and
//! unmount code into the wasm. Content that is drawn once per navigation and never changes
//! does not need that: a `Node` tree is one type however large the page gets, so the page's
//! complexity costs data at run time instead of code in the download. Text always becomes
//! text nodes, never markup.

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
    }
}

/// An SVG element without attributes or children.
pub fn svg_el(tag: &'static str) -> Node {
    Node::Element {
        tag,
        svg: true,
        attrs: Vec::new(),
        children: Vec::new(),
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
    matches!(tag, "img" | "br" | "hr" | "input" | "meta" | "link")
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

/// The DOM node a `Node` became.
pub enum Built {
    Element(Element),
    Text(Text),
}

impl Built {
    fn mountable(&mut self) -> &mut dyn Mountable {
        match self {
            Built::Element(e) => e,
            Built::Text(t) => t,
        }
    }
}

/// What a mounted tree keeps: its root node, and the tree it was drawn from so that drawing
/// the same tree again leaves the DOM (and the focus in it) alone.
pub struct NodeState {
    built: Built,
    tree: Node,
}

fn build(node: &Node) -> Built {
    match node {
        Node::Text(t) => Built::Text(Rndr::create_text_node(t)),
        Node::Element {
            tag,
            svg,
            attrs,
            children,
        } => {
            let el = Rndr::create_element(tag, svg.then_some(SVG_NAMESPACE));
            for (name, value) in attrs {
                Rndr::set_attribute(&el, name, value);
            }
            for child in children {
                build(child).mountable().mount(&el, None);
            }
            Built::Element(el)
        }
    }
}

impl Render for Node {
    type State = NodeState;

    fn build(self) -> Self::State {
        NodeState {
            built: build(&self),
            tree: self,
        }
    }

    fn rebuild(self, state: &mut Self::State) {
        if self == state.tree {
            return;
        }
        let mut fresh = self.build();
        state.insert_before_this(&mut fresh);
        state.unmount();
        *state = fresh;
    }
}

impl Mountable for NodeState {
    fn unmount(&mut self) {
        self.built.mountable().unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&leptos::tachys::renderer::types::Node>) {
        self.built.mountable().mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match &self.built {
            Built::Element(e) => e.insert_before_this(child),
            Built::Text(t) => t.insert_before_this(child),
        }
    }

    fn elements(&self) -> Vec<Element> {
        match &self.built {
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

    // The app renders in the browser only (no server rendering), so there is never HTML to
    // hydrate: drawing afresh is the honest fallback.
    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> Self::State {
        self.build()
    }

    fn into_owned(self) -> Self::Owned {
        self
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

    #[test]
    fn svg_elements_are_marked_for_their_namespace() {
        assert!(matches!(svg_el("circle"), Node::Element { svg: true, .. }));
        assert!(matches!(el("div"), Node::Element { svg: false, .. }));
    }
}
