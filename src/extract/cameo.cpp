#include "eventgraph/extract/cameo.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "eventgraph/error.hpp"
#include "eventgraph/io/data.hpp"
#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::extract {

namespace {

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void CameoTable::load_text(std::string_view text, const std::string& file) {
    std::size_t line_no = 0;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++line_no;
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = text::trim(line);
        if (line.empty() || line.find_first_not_of('~') == std::string_view::npos) continue;
        const auto colon = line.find(':');
        const std::string_view code =
            colon == std::string_view::npos ? line : text::trim(line.substr(0, colon));
        if (colon == std::string_view::npos || !digits(code) || code.size() < 2 || code.size() > 4)
            throw lexicon_error(
                file, line_no,
                "expected \"CODE: TYPE, MODE, CONTEXT\" with a CAMEO code of 2 to 4 digits");
        std::string_view rest = line.substr(colon + 1);
        std::string_view fields[2];
        for (auto& f : fields) {
            const auto comma = rest.find(',');
            f = text::trim(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        if (fields[0].empty())
            throw lexicon_error(file, line_no, "code " + std::string(code) + " has no PLOVER type");
        classes_[std::string(code)] = {text::match_key(fields[0]),
                                       std::string(text::trim(fields[1]))};
    }
}

void CameoTable::load_file(const std::string& path) {
    load_text(io::read_data_file(path, "CAMEO table"), path);
}

const PloverClass* CameoTable::find(std::string_view code) const {
    for (std::size_t n = std::min<std::size_t>(code.size(), 4); n >= 2; --n) {
        const auto it = classes_.find(std::string(code.substr(0, n)));
        if (it != classes_.end()) return &it->second;
    }
    return nullptr;
}

PloverClass plover_class(std::string_view code) {
    if (code.empty()) return {};
    if (const PloverClass* c = CameoTable::standard().find(code)) return *c;
    return {"other", ""};
}

const CameoTable& CameoTable::standard() {
    static const CameoTable table = [] {
        CameoTable t;
        const std::string dir = io::data_dir() + "/cameo/";
        t.load_file(dir + "CAMEO2PLOVER-2021.txt");
        t.load_file(dir + "eventgraph.txt");
        return t;
    }();
    return table;
}

}  // namespace eventgraph::extract
