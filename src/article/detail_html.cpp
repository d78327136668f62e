#include "article/detail_html.hpp"

#include <algorithm>
#include <array>
#include <new>

#include "eventgraph/text/utf8.hpp"

namespace eventgraph::article::detail {

ParsedPage::ParsedPage(std::string_view html) : source_(bound_nesting(html)) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // the error list is never read: do not build it
    output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
    if (output_ == nullptr) throw std::bad_alloc();
}

ParsedPage::~ParsedPage() {
    if (output_ != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboVector* children_of(const GumboNode* node) {
    switch (node->type) {
        case GUMBO_NODE_DOCUMENT:
            return &node->v.document.children;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            return &node->v.element.children;
        default:
            return nullptr;
    }
}

bool is_element(const GumboNode* node) {
    return node != nullptr &&
           (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

bool is_element(const GumboNode* node, GumboTag tag) {
    return is_element(node) && node->v.element.tag == tag;
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (!is_element(node)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a == nullptr || a->value == nullptr ? std::string_view{} : std::string_view{a->value};
}

bool has_attribute(const GumboNode* node, const char* name) {
    return is_element(node) && gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

namespace {

void split_words(std::string_view s, std::vector<std::string>& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !text::is_ascii_alnum(s[i])) ++i;
        const std::size_t start = i;
        while (i < s.size() && text::is_ascii_alnum(s[i])) ++i;
        if (i > start) out.push_back(ascii_lower(s.substr(start, i - start)));
    }
}

// Class and id words that mark page furniture. Whole words only for the
// short ones ("ad" must not catch "lead"), prefixes for the long ones
// ("relatedstories", "newslettersignup"); "comment" is whole-word so that a
// "commentary" column stays.
constexpr std::array furniture_words{
    "ad",      "ads",        "adsbygoogle", "share",      "shares",     "sharing", "sharebar",
    "social",  "comment",    "comments",    "promo",      "promoted",   "cookie",  "cookies",
    "consent", "subscribe",  "signup",      "newsletter", "related",    "tweet",   "disqus",
    "sidebar", "breadcrumb", "breadcrumbs", "paywall",    "popup",      "modal",   "outbrain",
    "taboola", "sponsored",  "trending",    "mostread",   "recommended"};
constexpr std::array furniture_prefixes{"advert",   "related",   "newsletter", "subscri",
                                        "social",   "sponsor",   "promo",      "cookie",
                                        "comments", "recommend", "mostread",   "mostpopular",
                                        "outbrain", "taboola",   "sharebar",   "sharing"};

bool is_furniture_word(std::string_view w) {
    for (std::string_view f : furniture_words)
        if (iequals(w, f)) return true;
    for (std::string_view f : furniture_prefixes)
        if (istarts_with(w, f)) return true;
    return false;
}

// Without building strings: this runs for every element of the page.
bool has_furniture_word(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !text::is_ascii_alnum(s[i])) ++i;
        const std::size_t start = i;
        while (i < s.size() && text::is_ascii_alnum(s[i])) ++i;
        if (i > start && is_furniture_word(s.substr(start, i - start))) return true;
    }
    return false;
}

// clang-format off
bool is_furniture_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
        case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_MENU:
            return true;
        default: return false;
    }
}
// clang-format on

bool is_furniture_role(std::string_view role) {
    if (role.empty()) return false;
    for (std::string_view f : {"navigation", "banner", "contentinfo", "complementary", "search",
                               "dialog", "alertdialog", "menu", "menubar", "toolbar"})
        if (iequals(role, f)) return true;
    return false;
}

bool is_hidden(const GumboNode* node) {
    if (has_attribute(node, "hidden")) return true;
    const std::string_view aria = attribute(node, "aria-hidden");
    if (iequals(aria, "true")) return true;
    const std::string_view inline_style = attribute(node, "style");
    if (inline_style.empty()) return false;
    std::string style;
    for (char c : ascii_lower(inline_style))
        if (c != ' ' && c != '\t' && c != '\n') style += c;
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

bool has_ancestor(const GumboNode* node, std::initializer_list<GumboTag> tags) {
    for (const GumboNode* p = node->parent; p != nullptr; p = p->parent)
        for (GumboTag t : tags)
            if (is_element(p, t)) return true;
    return false;
}

// The site's header (logo, menu) is furniture; the story's own header, with
// its headline and byline, is not.
bool is_site_header(const GumboNode* node) {
    if (has_ancestor(node, {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN})) return false;
    if (is_element(node->parent, GUMBO_TAG_BODY)) return true;
    bool has_nav = false;
    walk(node, [&](const GumboNode* n) {
        if (is_element(n, GUMBO_TAG_NAV)) {
            has_nav = true;
            return Visit::stop;
        }
        return Visit::descend;
    });
    return has_nav;
}

// clang-format off
bool is_inline(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_ACRONYM: case GUMBO_TAG_B:
        case GUMBO_TAG_BDI: case GUMBO_TAG_BDO: case GUMBO_TAG_BIG: case GUMBO_TAG_CITE:
        case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DEL: case GUMBO_TAG_DFN:
        case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_INS:
        case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK: case GUMBO_TAG_NOBR:
        case GUMBO_TAG_Q: case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL:
        case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB:
        case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        case GUMBO_TAG_VAR: case GUMBO_TAG_WBR: case GUMBO_TAG_IMG:
        case GUMBO_TAG_SOURCE: case GUMBO_TAG_UNKNOWN:
            return true;
        default: return false;
    }
}
// clang-format on

std::size_t visible_bytes(std::string_view s) {
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) {
        return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }));
}

}  // namespace

std::vector<std::string> class_id_words(const GumboNode* node) {
    std::vector<std::string> words;
    split_words(attribute(node, "class"), words);
    split_words(attribute(node, "id"), words);
    return words;
}

bool is_furniture(const GumboNode* node) {
    if (!is_element(node)) return false;
    const GumboTag tag = node->v.element.tag;
    if (is_furniture_tag(tag)) return true;
    if (tag == GUMBO_TAG_HEADER) return is_hidden(node) || is_site_header(node);
    if (node->v.element.attributes.length == 0) return false;  // the common case, made cheap
    if (is_hidden(node)) return true;
    // Story containers carry every flag of the page in their classes
    // ("article has-share-bar"): their words say nothing about them.
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN ||
        tag == GUMBO_TAG_ARTICLE)
        return false;
    if (is_furniture_role(attribute(node, "role"))) return true;
    return has_furniture_word(attribute(node, "class")) ||
           has_furniture_word(attribute(node, "id"));
}

bool inside_furniture(const GumboNode* node, const GumboNode* stop) {
    for (const GumboNode* p = node->parent; p != nullptr && p != stop; p = p->parent)
        if (is_furniture(p)) return true;
    return false;
}

bool contains(const GumboNode* ancestor, const GumboNode* node) {
    for (const GumboNode* p = node; p != nullptr; p = p->parent)
        if (p == ancestor) return true;
    return false;
}

BlockText text_of(const GumboNode* root) {
    struct Item {
        const GumboNode* node;
        bool exit;
    };
    std::string raw;
    std::size_t total = 0, linked = 0;
    int link_depth = 0;
    std::vector<Item> stack{{root, false}};
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const GumboNode* node = item.node;
        if (item.exit) {
            if (is_element(node, GUMBO_TAG_A) || has_attribute(node, "href")) --link_depth;
            if (!is_inline(node->v.element.tag)) raw += ' ';
            continue;
        }
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA: {
                const std::string_view t = node->v.text.text;
                raw.append(t);
                const std::size_t n = visible_bytes(t);
                total += n;
                if (link_depth > 0) linked += n;
                break;
            }
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                if (node != root && is_furniture(node)) break;
                const GumboTag tag = node->v.element.tag;
                // A table inside a paragraph (old pages in quirks mode) holds
                // blocks of its own; they are read as such.
                if (node != root && is_element(root, GUMBO_TAG_P) &&
                    (tag == GUMBO_TAG_P || tag == GUMBO_TAG_TABLE))
                    break;
                if (tag == GUMBO_TAG_BR) {
                    raw += ' ';
                    break;
                }
                if (!is_inline(tag)) raw += ' ';
                // Links that were turned into spans by bound_nesting keep their href.
                if (tag == GUMBO_TAG_A || has_attribute(node, "href")) ++link_depth;
                stack.push_back({node, true});
                const GumboVector& kids = node->v.element.children;
                for (unsigned i = kids.length; i-- > 0;)
                    stack.push_back({static_cast<const GumboNode*>(kids.data[i]), false});
                break;
            }
            default:
                break;
        }
    }
    BlockText out;
    out.text = text::clean_whitespace(raw);
    out.link_share = total == 0 ? 0.0 : double(linked) / double(total);
    return out;
}

}  // namespace eventgraph::article::detail
