// The nesting guard in front of gumbo. It follows the HTML tokenizer closely
// enough to see every tag gumbo sees, and it models the tree builder's stack
// of open elements conservatively: where it is unsure whether gumbo closes an
// element, it keeps it open. Its depth can then only overestimate gumbo's
// (up to a small factor), so bounding it bounds gumbo's depth; on ordinary
// pages it never comes near the limit.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article/detail_html.hpp"

namespace eventgraph::article::detail {

namespace {

// The tag tables below are kept out of clang-format: a line a group of tags
// reads better than a line a tag.

// HTML's white space (the standard's list: no vertical tab).
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) {
    if (pos + prefix.size() > s.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (text::ascii_lower(s[pos + i]) != prefix[i]) return false;
    return true;
}

struct Open {
    GumboTag tag;
    std::uint32_t hash;  // tells unknown (custom) elements apart
    bool foreign;        // inside <svg> or <math>
};

// clang-format off
bool is_void(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR: case GUMBO_TAG_COL:
        case GUMBO_TAG_EMBED: case GUMBO_TAG_HR: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
        case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
        case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_BASEFONT:
        case GUMBO_TAG_BGSOUND: case GUMBO_TAG_FRAME: case GUMBO_TAG_IMAGE:
            return true;
        default: return false;
    }
}
// clang-format on

// Elements whose end tag is optional, and which HTML never lets nest in
// themselves without a table in between; the table counts for them.
// clang-format off
bool is_uncounted(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_OPTION:
        case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_COLGROUP:
        case GUMBO_TAG_CAPTION: case GUMBO_TAG_RB: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
        case GUMBO_TAG_RTC: case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:
            return true;
        default: return false;
    }
}
// clang-format on

// clang-format off
bool is_raw_text(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_TITLE:
        case GUMBO_TAG_TEXTAREA:
            return true;
        default: return false;
    }
}
// clang-format on

// clang-format off
bool is_formatting(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE:
        case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR:
        case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG:
        case GUMBO_TAG_TT: case GUMBO_TAG_U:
            return true;
        default: return false;
    }
}
// clang-format on

// Where gumbo stops looking for an element "in scope". A longer list than
// gumbo's only makes this model close fewer elements, which is the safe side.
// clang-format off
bool is_scope_boundary(const Open& e) {
    switch (e.tag) {
        case GUMBO_TAG_TABLE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_APPLET:
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_HTML:
        case GUMBO_TAG_SELECT: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        case GUMBO_TAG_MI: case GUMBO_TAG_MO: case GUMBO_TAG_MN: case GUMBO_TAG_MS:
        case GUMBO_TAG_MTEXT: case GUMBO_TAG_ANNOTATION_XML: case GUMBO_TAG_FOREIGNOBJECT:
        case GUMBO_TAG_DESC:
            return true;
        case GUMBO_TAG_TITLE: return e.foreign;
        default: return false;
    }
}
// clang-format on

// HTML's "special" elements stop the search for an ordinary end tag's
// element. Unknown here means special: again the safe side.
// clang-format off
bool is_special(const Open& e) {
    if (e.foreign) return is_scope_boundary(e);
    switch (e.tag) {
        case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI:
        case GUMBO_TAG_BDO: case GUMBO_TAG_BIG: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE:
        case GUMBO_TAG_DATA: case GUMBO_TAG_DEL: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
        case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_INS: case GUMBO_TAG_KBD:
        case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK: case GUMBO_TAG_NOBR: case GUMBO_TAG_Q:
        case GUMBO_TAG_RUBY: case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL:
        case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB:
        case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        case GUMBO_TAG_VAR: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_MAP: case GUMBO_TAG_OUTPUT: case GUMBO_TAG_METER:
        case GUMBO_TAG_PROGRESS: case GUMBO_TAG_UNKNOWN:
            return false;
        default: return true;
    }
}
// clang-format on

// Start tags that close an open <p> (when it is in button scope).
// clang-format off
bool closes_p(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
        case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
        case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_LI:
        case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_HR: case GUMBO_TAG_XMP:
            return true;
        default: return false;
    }
}
// clang-format on

// Start tags that take gumbo out of SVG or MathML back into HTML.
// clang-format off
bool breaks_out_of_foreign(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY:
        case GUMBO_TAG_BR: case GUMBO_TAG_CENTER: case GUMBO_TAG_CODE: case GUMBO_TAG_DD:
        case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_EM:
        case GUMBO_TAG_EMBED: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD:
        case GUMBO_TAG_HR: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_LI:
        case GUMBO_TAG_LISTING: case GUMBO_TAG_MENU: case GUMBO_TAG_META: case GUMBO_TAG_NOBR:
        case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_RUBY:
        case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
        case GUMBO_TAG_STRIKE: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_UL: case GUMBO_TAG_VAR:
        case GUMBO_TAG_FONT:
            return true;
        default: return false;
    }
}
// clang-format on

bool is_integration_point(const Open& e) { return e.foreign && is_scope_boundary(e); }

// Where a raw-text element ends: at "</name" followed by a tag-name end.
std::size_t raw_text_end(std::string_view s, std::size_t pos, std::string_view name) {
    for (std::size_t i = s.find("</", pos); i != std::string_view::npos; i = s.find("</", i + 1)) {
        const std::size_t after = i + 2 + name.size();
        if (starts_with_ci(s, i + 2, name) &&
            (after == s.size() || is_html_space(s[after]) || s[after] == '/' || s[after] == '>'))
            return i;
    }
    return s.size();
}

bool script_name_at(std::string_view s, std::size_t name_at) {
    const std::size_t after = name_at + 6;
    return starts_with_ci(s, name_at, "script") &&
           (after == s.size() || is_html_space(s[after]) || s[after] == '/' || s[after] == '>');
}

// Script data has escape states in which "</script>" does not end it:
// "<!--" escapes, a "<script" inside that double-escapes, "-->" returns.
std::size_t script_end(std::string_view s, std::size_t pos) {
    enum { data, escaped, double_escaped } state = data;
    for (std::size_t i = pos; i < s.size(); ++i) {
        if (s.compare(i, 3, "-->") == 0 && state != data) {
            state = data;
            i += 2;
        } else if (s.compare(i, 4, "<!--") == 0 && state == data) {
            state = escaped;
            i += 1;  // so that the dashes of "<!-->" also end the escape at once
        } else if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/' && script_name_at(s, i + 2)) {
            if (state == double_escaped) {
                state = escaped;
            } else {
                return i;
            }
        } else if (s[i] == '<' && state == escaped && script_name_at(s, i + 1)) {
            state = double_escaped;
        }
    }
    return s.size();
}

std::uint32_t name_hash(std::string_view name) {
    std::uint32_t h = 2166136261u;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

}  // namespace

std::string bound_nesting(std::string_view s, std::size_t max_depth, std::size_t max_formatting) {
    std::string out;
    out.reserve(s.size());
    std::vector<Open> stack;
    std::string name;

    // Gumbo keeps a formatting element in its list of active formatting
    // elements when an ancestor's end tag pops it, and clones the whole list
    // into every later block: only its own end tag takes it out.
    std::size_t formatting = 0;
    std::size_t open_p = 0;  // spares a search of the stack at every block start
    auto pop_to = [&](std::size_t index) {
        while (stack.size() > index) {
            if (stack.back().tag == GUMBO_TAG_P && !stack.back().foreign) --open_p;
            stack.pop_back();
        }
    };
    auto in_foreign = [&] {
        return !stack.empty() && stack.back().foreign && !is_integration_point(stack.back());
    };

    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t lt = s.find('<', i);
        if (lt == std::string_view::npos) {
            out.append(s.substr(i));
            break;
        }
        out.append(s.substr(i, lt - i));
        std::size_t end = lt + 1;  // one past the markup that starts at lt
        if (s.compare(lt, 4, "<!--") == 0) {
            // "<!-->", "<!--->", "-->" and "--!>" all end a comment; the earliest wins
            if (s.compare(lt + 4, 1, ">") == 0) {
                end = lt + 5;
            } else if (s.compare(lt + 4, 2, "->") == 0) {
                end = lt + 6;
            } else {
                const std::size_t a = s.find("-->", lt + 4), b = s.find("--!>", lt + 4);
                end = std::min(a == std::string_view::npos ? s.size() : a + 3,
                               b == std::string_view::npos ? s.size() : b + 4);
            }
            out.append(s.substr(lt, end - lt));
            i = end;
            continue;
        }
        if (in_foreign() && s.compare(lt, 9, "<![CDATA[") == 0) {
            const std::size_t e = s.find("]]>", lt + 9);
            end = e == std::string_view::npos ? s.size() : e + 3;
            out.append(s.substr(lt, end - lt));
            i = end;
            continue;
        }
        const bool closing = lt + 1 < s.size() && s[lt + 1] == '/';
        const std::size_t name_at = lt + 1 + (closing ? 1 : 0);
        if (name_at >= s.size() || !text::is_ascii_alpha(s[name_at])) {
            if ((lt + 1 < s.size() && (s[lt + 1] == '!' || s[lt + 1] == '?')) || closing) {
                // a bogus comment, up to the next '>'
                const std::size_t e = s.find('>', lt);
                end = e == std::string_view::npos ? s.size() : e + 1;
            }
            out.append(s.substr(lt, end - lt));
            i = end;
            continue;
        }
        // The tag name, then the attributes: quotes only open right after '='.
        name.clear();
        std::size_t p = name_at;
        while (p < s.size() && !is_html_space(s[p]) && s[p] != '/' && s[p] != '>') {
            if (name.size() < 64) name += text::ascii_lower(s[p]);
            ++p;
        }
        const std::size_t name_end = p;
        bool self_closing = false, after_equals = false;
        while (p < s.size() && s[p] != '>') {
            const char c = s[p];
            if (after_equals && !is_html_space(c)) {
                after_equals = false;
                if (c == '"' || c == '\'') {
                    const std::size_t q = s.find(c, p + 1);
                    p = q == std::string_view::npos ? s.size() : q + 1;
                } else {
                    while (p < s.size() && !is_html_space(s[p]) && s[p] != '>') ++p;
                }
                self_closing = false;
                continue;
            }
            if (c == '=') after_equals = true;
            self_closing = c == '/' && p + 1 < s.size() && s[p + 1] == '>';
            ++p;
        }
        end = p < s.size() ? p + 1 : s.size();
        const std::string_view tag_text = s.substr(lt, end - lt);
        const GumboTag tag = gumbo_tagn_enum(name.c_str(), unsigned(name.size()));
        const Open element{tag, name_hash(name), false};

        if (closing) {
            out.append(tag_text);
            const bool target_special = is_special(element);
            for (std::size_t k = stack.size(); k-- > 0;) {
                const Open& e = stack[k];
                if (e.tag == element.tag && e.hash == element.hash) {
                    if (!e.foreign && is_formatting(e.tag) && formatting > 0) --formatting;
                    pop_to(k);
                    break;
                }
                if (target_special ? is_scope_boundary(e) : is_special(e)) break;
            }
            i = end;
            continue;
        }

        bool foreign = false;
        if (in_foreign()) {
            if (breaks_out_of_foreign(tag)) {
                while (!stack.empty() && stack.back().foreign &&
                       !is_integration_point(stack.back()))
                    stack.pop_back();
            } else {
                foreign = true;
            }
        }
        if (!foreign && (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH)) foreign = true;

        if (!foreign && tag == GUMBO_TAG_PLAINTEXT) {
            out.append(s.substr(lt));
            break;
        }
        if (!foreign && is_raw_text(tag)) {
            const std::size_t text_end =
                tag == GUMBO_TAG_SCRIPT ? script_end(s, end) : raw_text_end(s, end, name);
            out.append(s.substr(lt, text_end - lt));
            i = text_end;
            continue;
        }
        const bool opens = foreign ? !self_closing : !(is_void(tag) || is_uncounted(tag));
        // Dropped tags are never seen by gumbo, so they close nothing either.
        // A <p> may go one level deeper: it cannot nest in itself, and
        // keeping it keeps the text a paragraph.
        if (opens && stack.size() >= max_depth + (tag == GUMBO_TAG_P && !foreign ? 1 : 0)) {
            i = end;
            continue;
        }
        if (!foreign && open_p > 0 && closes_p(tag)) {
            for (std::size_t k = stack.size(); k-- > 0;) {
                if (stack[k].tag == GUMBO_TAG_P && !stack[k].foreign) {
                    pop_to(k);
                    break;
                }
                if (is_scope_boundary(stack[k]) || stack[k].tag == GUMBO_TAG_BUTTON) break;
            }
        }
        if (!opens) {
            out.append(tag_text);
            i = end;
            continue;
        }
        if (!foreign && is_formatting(tag)) {
            if (formatting < max_formatting) {
                ++formatting;
            } else {
                // A span keeps the attributes (href, rel) without the cloning.
                out.append("<span");
                out.append(s.substr(name_end, end - name_end));
                stack.push_back(Open{GUMBO_TAG_SPAN, name_hash("span"), false});
                i = end;
                continue;
            }
        }
        out.append(tag_text);
        stack.push_back(Open{tag, element.hash, foreign});
        if (tag == GUMBO_TAG_P && !foreign) ++open_p;
        i = end;
    }
    return out;
}

}  // namespace eventgraph::article::detail
