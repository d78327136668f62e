#include "eventgraph/lexicon/gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "eventgraph/error.hpp"
#include "eventgraph/io/data.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::lexicon {

namespace {

// The tab-separated fields of one line, without copying.
std::size_t split(std::string_view line, std::string_view* fields, std::size_t max) {
    std::size_t n = 0;
    while (n < max) {
        const auto tab = line.find('\t');
        fields[n++] = line.substr(0, tab);
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return n;
}

template <typename T>
bool number(std::string_view s, T& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// from_chars for double is there in libstdc++ 11 and later.
bool coordinate(std::string_view s, double& out, double limit) {
    return number(s, out) && out >= -limit && out <= limit;
}

}  // namespace

namespace {

// Gazetteer::key, appended to `out`; plain ASCII (most names) without
// decoding UTF-8.
void append_key(std::string_view name, std::string& out) {
    const std::size_t start = out.size();
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80 && c != '.' && c != '`';
    });
    std::string_view rest = name;
    while (!rest.empty()) {
        const auto first = rest.find_first_not_of(' ');
        if (first == std::string_view::npos) break;
        rest.remove_prefix(first);
        const auto stop = std::min(rest.find(' '), rest.size());
        if (out.size() > start) out += ' ';
        if (plain) {
            for (const char c : rest.substr(0, stop))
                out += (c >= 'A' && c <= 'Z') ? char(c + 0x20) : c;
        } else {
            text::append_match_key(rest.substr(0, stop), text::TokenKind::word, out);
        }
        rest.remove_prefix(stop);
    }
}

}  // namespace

std::string Gazetteer::key(std::string_view name) {
    std::string out;
    append_key(name, out);
    return out;
}

Gazetteer Gazetteer::load(const std::string& path) {
    return parse(io::read_data_file(path, "gazetteer"), path);
}

Gazetteer Gazetteer::parse(std::string text, const std::string& file) {
    Gazetteer g;
    g.text_ = std::make_unique<std::string>(std::move(text));
    const std::string_view all(*g.text_);
    struct Pending {
        std::size_t begin, size;
        std::uint32_t place;
    };
    std::vector<Pending> pending;
    g.keys_.reserve(all.size() / 4);
    const auto lines = std::size_t(std::count(all.begin(), all.end(), '\n'));
    g.places_.reserve(lines);
    pending.reserve(lines * 2);
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < all.size();) {
        auto nl = all.find('\n', pos);
        if (nl == std::string_view::npos) nl = all.size();
        std::string_view line = all.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        std::string_view f[12];
        const std::size_t n = split(line, f, 12);
        const auto bad = [&](const std::string& what) { throw input_error(file, line_no, what); };
        if (f[0] == "P") {
            if (n != 11) bad("a place line has 11 tab-separated fields, not " + std::to_string(n));
            Place p;
            if (!number(f[1], p.geonames)) bad("bad GeoNames id '" + std::string(f[1]) + "'");
            if (f[2].empty()) bad("a place without a name");
            if (f[4].size() != 3) bad("bad country code '" + std::string(f[4]) + "'");
            if (!number(f[6], p.population)) bad("bad population '" + std::string(f[6]) + "'");
            if (!coordinate(f[7], p.lat, 90) || !coordinate(f[8], p.lon, 180))
                bad("bad coordinates '" + std::string(f[7]) + "', '" + std::string(f[8]) + "'");
            p.name = f[2];
            p.country = f[4];
            p.subdivision = f[5];
            p.feature = f[9];
            p.common_word = f[10] == "1";
            const auto place = std::uint32_t(g.places_.size());
            g.places_.push_back(p);
            const auto add_key = [&](std::string_view name) {
                const std::size_t begin = g.keys_.size();
                append_key(name, g.keys_);
                pending.push_back({begin, g.keys_.size() - begin, place});
            };
            add_key(f[2]);
            for (std::string_view alts = f[3]; !alts.empty();) {
                const auto bar = std::min(alts.find('|'), alts.size());
                const auto alt = alts.substr(0, bar);
                if (bar > 0) add_key(alt);
                if (!ascii(f[2]) && ascii(alt)) g.places_.back().ascii = alt;
                alts.remove_prefix(std::min(bar + 1, alts.size()));
            }
        } else if (f[0] == "S") {
            Centre c{f[1], 0, 0};
            if (n != 6 || !coordinate(f[4], c.lat, 90) || !coordinate(f[5], c.lon, 180))
                bad("a subdivision line is: S, ISO code, lexicon id, country, lat, lon");
            g.subdivisions_[f[2]] = c;
            g.subdivision_ids_[f[1]] = f[2];
        } else if (f[0] == "C") {
            Centre c{f[1], 0, 0};
            if (n != 4 || !coordinate(f[2], c.lat, 90) || !coordinate(f[3], c.lon, 180))
                bad("a country line is: C, code, lat, lon");
            g.countries_[f[1]] = c;
        } else {
            bad("unknown line kind '" + std::string(f[0]) + "' (P, S or C)");
        }
    }
    std::size_t size = 16;
    while (size < pending.size() * 2) size *= 2;
    g.slots_.assign(size, Slot{});
    g.links_.reserve(pending.size());
    const std::string_view keys(g.keys_);
    for (const auto& k : pending) {
        Slot& slot = g.slots_[g.probe(keys.substr(k.begin, k.size))];
        const auto link = std::uint32_t(g.links_.size());
        if (slot.head == no_link) {
            slot = {std::uint32_t(k.begin), std::uint32_t(k.size), link};
            g.links_.push_back({k.place, link});
        } else if (g.links_[slot.head].place != k.place) {  // not "Nice" twice
            g.links_.push_back({k.place, slot.head});
            slot.head = link;
        }
    }
    return g;
}

std::size_t Gazetteer::probe(std::string_view key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(key)&mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.head == no_link || std::string_view(keys_).substr(s.key_begin, s.key_size) == key)
            return i;
    }
}

std::vector<const Place*> Gazetteer::find(std::string_view key) const {
    std::vector<const Place*> out;
    if (slots_.empty()) return out;
    const Slot& slot = slots_[probe(key)];
    if (slot.head == no_link) return out;
    for (std::uint32_t l = slot.head;; l = links_[l].next) {
        out.push_back(&places_[links_[l].place]);
        if (links_[l].next == l) break;
    }
    std::stable_sort(out.begin(), out.end(), [](const Place* a, const Place* b) {
        return a->population != b->population ? a->population > b->population
                                              : a->geonames < b->geonames;
    });
    return out;
}

namespace {

template <typename Map>
std::optional<model::Geo> centre_of(const Map& centres, std::string_view key,
                                    model::GeoPrecision precision) {
    const auto it = centres.find(key);
    if (it == centres.end()) return std::nullopt;
    model::Geo g;
    g.lat = it->second.lat;
    g.lon = it->second.lon;
    g.precision = precision;
    if (precision == model::GeoPrecision::subdivision) g.subdivision = std::string(it->second.iso);
    return g;
}

}  // namespace

std::optional<model::Geo> Gazetteer::subdivision_centre(std::string_view lexicon_id) const {
    return centre_of(subdivisions_, lexicon_id, model::GeoPrecision::subdivision);
}

std::optional<model::Geo> Gazetteer::country_centre(std::string_view code) const {
    return centre_of(countries_, code, model::GeoPrecision::country);
}

std::string_view Gazetteer::subdivision_id(std::string_view iso) const {
    const auto it = subdivision_ids_.find(iso);
    return it == subdivision_ids_.end() ? std::string_view() : it->second;
}

model::Geo Gazetteer::geo_of(const Place& p) {
    model::Geo g;
    g.lat = p.lat;
    g.lon = p.lon;
    g.geonames = p.geonames;
    g.precision = model::GeoPrecision::place;
    g.subdivision = std::string(p.subdivision);
    return g;
}

std::string gazetteer_path() {
    if (const char* env = std::getenv("EVENTGRAPH_GAZETTEER")) return env;
    return io::generated_data_file("gazetteer.tsv");
}

std::shared_ptr<const Gazetteer> default_gazetteer() {
    static std::mutex mutex;
    static std::shared_ptr<const Gazetteer> loaded;
    const std::lock_guard lock(mutex);
    if (!loaded) {
        const std::string path = gazetteer_path();
        loaded =
            std::make_shared<const Gazetteer>(path.empty() ? Gazetteer() : Gazetteer::load(path));
    }
    return loaded;
}

}  // namespace eventgraph::lexicon
