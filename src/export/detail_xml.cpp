#include "detail_xml.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <system_error>

#include "eventgraph/error.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::exports::detail {

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    while (!s.empty()) {
        const std::size_t bad = text::find_invalid_utf8(s);
        if (bad == std::string_view::npos) {
            out += s;
            break;
        }
        out += s.substr(0, bad);
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        s.remove_prefix(bad + 1);
    }
    return out;
}

std::string xml_escape(std::string_view raw) {
    const std::string s = valid_utf8(raw);
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
            case '&':
                out += "&amp;";
                continue;
            case '<':
                out += "&lt;";
                continue;
            case '>':
                out += "&gt;";
                continue;
            case '"':
                out += "&quot;";
                continue;
            case '\'':
                out += "&apos;";
                continue;
            case '\t':
                out += "&#9;";
                continue;
            case '\n':
                out += "&#10;";
                continue;
            case '\r':
                out += "&#13;";
                continue;
            default:
                break;
        }
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) continue;  // forbidden C0 controls; DEL is allowed but useless
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
        if (u == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

namespace {

template <typename Items, typename Name>
std::string joined(const Items& items, const Name& name) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += "; ";
        out += name(item);
    }
    return out;
}

}  // namespace

std::string joined(const std::vector<std::string>& items) {
    return joined(items, [](const std::string& s) -> const std::string& { return s; });
}

std::string joined(const std::vector<graph::Index>& items, const std::vector<std::string>& names) {
    return joined(items, [&](graph::Index i) -> const std::string& { return names[i]; });
}

std::vector<std::string> xml_ids(const graph::Graph& graph) {
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
        ids.push_back(xml_escape(graph[v].id));
        if (!seen.insert(ids.back()).second)
            throw output_error("two actors of the graph have the id \"" + graph[v].id + "\"");
    }
    return ids;
}

std::string number_text(double value) {
    if (!std::isfinite(value)) return "0";
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec != std::errc{}) return "0";
    return std::string(buf, end);
}

}  // namespace eventgraph::exports::detail
