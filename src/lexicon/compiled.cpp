// The default lexicon compiled: what reading data/lexicon/*.json and
// data/phoenix/*.txt as text gives (entries and warnings, the dictionaries
// already filtered against the curated names), written once at build time
// and read back at start-up in a fraction of the time. The text files stay
// the source: the compiled form names each file with a hash of its contents
// and is used only while every default file is still the one it was made
// from; anything else (an edited file, another EVENTGRAPH_DATA, a damaged
// or older compiled file) reads the text as before, with its errors.

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "eventgraph/error.hpp"
#include "eventgraph/io/data.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "lexicon/detail.hpp"

namespace eventgraph::lexicon {

namespace {

// Bump when Entry, Role, Warning or this layout change.
constexpr std::string_view magic = "eventgraph-lexicon\x1a\x03";
constexpr std::uint32_t literal_file = 0xFFFFFFFFu;

// Change detection, not security: 8 bytes a step.
std::uint64_t content_hash(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const auto mix = [&](std::uint64_t w) {
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    };
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        mix(w);
    }
    std::uint64_t tail = 0;
    for (std::size_t k = 0; i + k < s.size(); ++k)
        tail |= std::uint64_t(static_cast<unsigned char>(s[i + k])) << (8 * k);
    mix(tail);
    return h;
}

// The default files in the order the text reader reads them, each with the
// hash of its contents: what a compiled lexicon must have been made from.
struct Source {
    std::string path;      // as the text reader names it in entries and messages
    std::string relative;  // "lexicon/countries.json": the same files elsewhere are the same
    std::uint64_t hash = 0;
};

std::vector<Source> default_sources() {
    std::vector<Source> out;
    const std::string dir = io::data_dir();
    for (const auto& list : {default_lexicon_files(), default_dictionary_files()})
        for (const std::string& path : list) {
            Source s;
            s.path = path;
            s.relative = std::filesystem::relative(path, dir).generic_string();
            s.hash = content_hash(detail::read_file(path));
            out.push_back(std::move(s));
        }
    return out;
}

class Writer {
public:
    explicit Writer(const std::vector<Source>& sources) : sources_(sources) {}
    std::string out;

    void u32(std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
    void u64(std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
    void str(std::string_view s) {
        u32(std::uint32_t(s.size()));
        out.append(s);
    }
    void strings(const std::vector<std::string>& v) {
        u32(std::uint32_t(v.size()));
        for (const std::string& s : v) str(s);
    }
    void day(const std::optional<date::year_month_day>& d) {
        out += d ? '\1' : '\0';
        if (d) u32(std::uint32_t(date::sys_days{*d}.time_since_epoch().count()));
    }
    // A default file by its place in the list, anything else as written.
    void file(const std::string& f) {
        for (std::size_t k = 0; k < sources_.size(); ++k)
            if (sources_[k].path == f) return u32(std::uint32_t(k));
        u32(literal_file);
        str(f);
    }
    void entry(const Entry& e) {
        str(e.id);
        str(e.code);
        str(e.name);
        out += char(e.kind);
        str(e.agent);
        str(e.cameo);
        strings(e.names);
        strings(e.adjectives);
        strings(e.metonyms);
        u32(std::uint32_t(e.roles.size()));
        for (const Role& r : e.roles) {
            str(r.title);
            str(r.code);
            day(r.start);
            day(r.end);
            str(r.cameo);
        }
        file(e.file);
        u64(e.line);
    }

private:
    const std::vector<Source>& sources_;
};

// Every read is bounds-checked: a short or damaged file is no compiled lexicon.
class Reader {
public:
    Reader(std::string_view in, const std::vector<Source>& sources) : in_(in), sources_(sources) {}
    bool ok = true;

    std::string_view bytes(std::size_t n) {
        if (!ok || in_.size() - pos_ < n) {
            ok = false;
            return {};
        }
        const auto s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        if (const auto b = bytes(4); ok) std::memcpy(&v, b.data(), 4);
        return v;
    }
    std::uint64_t u64() {
        std::uint64_t v = 0;
        if (const auto b = bytes(8); ok) std::memcpy(&v, b.data(), 8);
        return v;
    }
    std::string_view str() { return bytes(u32()); }
    // A count of things of at least `least` bytes each: never more than the rest holds.
    std::size_t count(std::size_t least) {
        const std::size_t n = u32();
        if (n > (in_.size() - pos_) / least) ok = false;
        return ok ? n : 0;
    }
    void strings(std::vector<std::string>& v) {
        const std::size_t n = count(4);
        v.reserve(n);
        for (std::size_t i = 0; i < n && ok; ++i) v.emplace_back(str());
    }
    std::optional<date::year_month_day> day() {
        const auto flag = bytes(1);
        if (!ok || flag[0] == '\0') return std::nullopt;
        const auto days = std::int32_t(u32());
        return date::year_month_day{date::sys_days{date::days{days}}};
    }
    std::string file() {
        const std::uint32_t k = u32();
        if (k == literal_file) return std::string(str());
        if (k >= sources_.size()) {
            ok = false;
            return {};
        }
        return sources_[k].path;
    }
    void entry(Entry& e) {
        e.id = str();
        e.code = str();
        e.name = str();
        const auto kind = bytes(1);
        if (ok && std::uint8_t(kind[0]) > std::uint8_t(model::ActorKind::unknown)) ok = false;
        if (ok) e.kind = model::ActorKind(kind[0]);
        e.agent = str();
        e.cameo = str();
        strings(e.names);
        strings(e.adjectives);
        strings(e.metonyms);
        const std::size_t roles = count(4 + 4 + 1 + 1 + 4);
        e.roles.resize(roles);
        for (Role& r : e.roles) {
            r.title = str();
            r.code = str();
            r.start = day();
            r.end = day();
            r.cameo = str();
        }
        e.file = file();
        e.line = std::size_t(u64());
    }
    bool at_end() const { return ok && pos_ == in_.size(); }

private:
    std::string_view in_;
    std::size_t pos_ = 0;
    const std::vector<Source>& sources_;
};

std::string stamp_of(const std::vector<Source>& sources) {
    Writer w(sources);
    w.out.append(magic);
    w.u32(std::uint32_t(sources.size()));
    for (const Source& s : sources) {
        w.str(s.relative);
        w.u64(s.hash);
    }
    return w.out;
}

}  // namespace

std::string compiled_lexicon_path() {
    if (const char* env = std::getenv("EVENTGRAPH_COMPILED_LEXICON")) return env;
    return io::generated_data_file("default-lexicon.bin");
}

void write_compiled_lexicon(const std::string& path) {
    const std::vector<Source> sources = default_sources();
    const Lexicon lexicon = detail::read_default_files();
    Writer w(sources);
    w.out = stamp_of(sources);
    w.u32(std::uint32_t(lexicon.entries().size()));
    for (const Entry& e : lexicon.entries()) w.entry(e);
    w.u32(std::uint32_t(lexicon.warnings().size()));
    for (const Warning& warning : lexicon.warnings()) {
        w.file(warning.file);
        w.u64(warning.line);
        w.str(warning.message);
        w.str(warning.kind);
    }
    const std::string temp = path + ".tmp";
    {
        std::ofstream f(temp, std::ios::binary | std::ios::trunc);
        f.write(w.out.data(), std::streamsize(w.out.size()));
        if (!f.flush()) throw output_error(temp + ": cannot write the compiled lexicon");
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) throw output_error(path + ": cannot write the compiled lexicon: " + ec.message());
}

std::optional<Lexicon> read_compiled_lexicon(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::string in;
    std::vector<Source> sources;
    try {
        in = detail::read_file(path);
        sources = default_sources();
    } catch (const std::exception&) {
        return std::nullopt;  // the text reader says what is wrong with them
    }
    const std::string stamp = stamp_of(sources);
    if (std::string_view(in).substr(0, stamp.size()) != stamp) return std::nullopt;
    Reader r(std::string_view(in).substr(stamp.size()), sources);
    Lexicon lexicon;
    const std::size_t entries = r.count(8);
    lexicon.reserve(entries);
    for (std::size_t i = 0; i < entries && r.ok; ++i) {
        Entry e;
        r.entry(e);
        if (r.ok) lexicon.add(std::move(e));
    }
    const std::size_t warnings = r.count(8);
    for (std::size_t i = 0; i < warnings && r.ok; ++i) {
        Warning w;
        w.file = r.file();
        w.line = std::size_t(r.u64());
        w.message = r.str();
        w.kind = r.str();
        if (r.ok) lexicon.warn(std::move(w));
    }
    if (!r.at_end()) return std::nullopt;
    return lexicon;
}

}  // namespace eventgraph::lexicon
