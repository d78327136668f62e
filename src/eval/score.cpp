#include "eventgraph/eval/score.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "io/json.hpp"

namespace eventgraph::eval {

namespace {

using Code = std::optional<std::string>;

std::vector<Code> codes(io::json::Value v, const std::string& file, std::size_t line,
                        const char* field) {
    std::vector<Code> out;
    auto one = [&](io::json::Value x) {
        if (x.is_null())
            out.emplace_back(std::nullopt);
        else if (x.is_string())
            out.emplace_back(std::string(x.string()));
        else
            io::json::wrong(file, line, field, "expected a code, null or a list of them");
    };
    if (v.is_array()) {
        for (const io::json::Value x : v.items()) one(x);
    } else {
        one(v);
    }
    return out;
}

GoldEvent gold_from_json(std::string_view text, const std::string& file, std::size_t line) {
    const io::json::Document parsed(text, file, line);
    const io::json::Value d = parsed.root();
    if (!d.is_object()) throw input_error(file, line, "expected a gold event object");
    GoldEvent g;
    g.file = file;
    g.line = line;
    auto str = [&](const char* key) { return io::json::get_string(d[key], file, line, key); };
    g.article = str("article");
    if (g.article.empty()) io::json::wrong(file, line, "article", "missing");
    const io::json::Value types = d["types"];
    if (!types.is_array() || types.size() == 0)
        io::json::wrong(file, line, "types", "expected a non-empty list of event types");
    for (const io::json::Value t : types.items())
        g.types.push_back(io::json::get_string(t, file, line, "types"));
    g.sources = d.has("source") ? codes(d["source"], file, line, "source")
                                : std::vector<Code>{std::nullopt};
    g.targets = d.has("target") ? codes(d["target"], file, line, "target")
                                : std::vector<Code>{std::nullopt};
    if (const std::string date = str("date"); !date.empty()) {
        if (!model::parse_iso_timestamp(date))
            io::json::wrong(file, line, "date",
                            "\"" + date + "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        g.date = date;
    }
    if (const std::string by = str("attributed_to"); !by.empty()) g.attributed_to = by;
    if (const io::json::Value optional = d["optional"]; optional.present()) {
        if (!optional.is_bool()) io::json::wrong(file, line, "optional", "expected true or false");
        g.optional = optional.boolean();
    }
    g.note = str("note");
    return g;
}

bool symmetric(const std::string& type) {
    return type == "consult" || type == "cooperate" || type == "agree";
}

bool contains(const std::vector<Code>& set, const Code& c) {
    return std::find(set.begin(), set.end(), c) != set.end();
}

struct Key {
    std::string type;
    Code source, target;
    auto operator<=>(const Key&) const = default;
};

bool matches(const GoldEvent& g, const Key& k) {
    if (std::find(g.types.begin(), g.types.end(), k.type) == g.types.end()) return false;
    if (contains(g.sources, k.source) && contains(g.targets, k.target)) return true;
    const bool gold_symmetric = std::any_of(g.types.begin(), g.types.end(), symmetric);
    return gold_symmetric && symmetric(k.type) && contains(g.sources, k.target) &&
           contains(g.targets, k.source);
}

bool date_ok(const std::optional<std::string>& gold, const std::string& predicted) {
    if (!gold) return true;
    if (predicted.empty()) return false;
    return gold->rfind(predicted, 0) == 0 || predicted.rfind(*gold, 0) == 0;
}

std::string show(const Code& c) { return c ? *c : "-"; }

std::string show(const std::vector<Code>& cs) {
    std::string s;
    for (const auto& c : cs) s += (s.empty() ? "" : "|") + show(c);
    return s;
}

std::string page_of(const std::string& article) { return article.substr(0, article.find('#')); }

}  // namespace

double Counts::precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
double Counts::recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
double Counts::f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

std::vector<std::string> gold_files(const std::string& path) {
    if (!std::filesystem::is_directory(path))
        return io::expand_inputs({path});  // names a missing file
    std::vector<std::string> files;
    for (const auto& f : io::expand_inputs({path}))
        if (f.size() > 11 && f.compare(f.size() - 11, 11, ".gold.jsonl") == 0) files.push_back(f);
    return files;
}

std::size_t read_gold(std::istream& in, const std::string& file, const io::ReadOptions& options,
                      const std::function<void(GoldEvent)>& sink,
                      const std::function<void(const std::exception&)>& on_skip) {
    return io::json::for_each_json_line(
        in, file, options.keep_going,
        [&](std::string_view text, std::size_t line) { sink(gold_from_json(text, file, line)); },
        on_skip);
}

std::vector<GoldEvent> load_gold(const std::vector<std::string>& paths) {
    std::vector<GoldEvent> gold;
    for (const auto& p : paths)
        for (const auto& f : gold_files(p)) {
            std::ifstream in(f, std::ios::binary);
            if (!in) throw input_error(f, "cannot open");
            read_gold(
                in, f, io::ReadOptions{}, [&](GoldEvent g) { gold.push_back(std::move(g)); },
                [](const std::exception&) {});
        }
    return gold;
}

Score score(const std::vector<GoldEvent>& gold, const std::vector<model::Event>& events) {
    std::map<std::string, std::vector<const GoldEvent*>> gold_by_page;
    for (const auto& g : gold) gold_by_page[g.article].push_back(&g);

    // Predictions per page, in input order, each (type, source, target) once with its first date.
    std::map<std::string, std::vector<std::pair<Key, std::string>>> predicted;
    for (const auto& e : events) {
        const std::string page = page_of(e.article);
        if (!gold_by_page.count(page)) continue;
        // An unknown source is null, as gold writes it.
        Key k{e.type, e.source && !e.source->code.empty() ? Code{e.source->code} : Code{},
              e.target && !e.target->code.empty() ? Code{e.target->code} : Code{}};
        auto& list = predicted[page];
        if (std::none_of(list.begin(), list.end(), [&](const auto& p) { return p.first == k; }))
            list.emplace_back(k, e.date ? model::date_value(*e.date) : std::string());
    }

    Score s;
    s.articles = gold_by_page.size();
    for (auto& [page, golds] : gold_by_page) {
        const auto& keys = predicted[page];
        std::vector<bool> used(keys.size(), false);
        // Required gold first, so that an optional twin cannot take its match.
        std::stable_sort(golds.begin(), golds.end(), [](const GoldEvent* a, const GoldEvent* b) {
            return !a->optional && b->optional;
        });
        for (const GoldEvent* g : golds) {
            std::size_t hit = keys.size();
            for (std::size_t i = 0; i < keys.size() && hit == keys.size(); ++i)
                if (!used[i] && matches(*g, keys[i].first)) hit = i;
            if (hit != keys.size()) {
                used[hit] = true;
                if (g->optional) continue;
                const auto& [k, date] = keys[hit];
                const bool ok = date_ok(g->date, date);
                ++s.all.tp;
                ++s.by_type[k.type].tp;
                s.dates_right += ok;
                s.findings.push_back({ok ? "TP" : "TP-date", page, k.type, show(k.source),
                                      show(k.target), date, g->date.value_or("-"), g->note});
            } else if (!g->optional) {
                ++s.all.fn;
                ++s.by_type[g->types.front()].fn;
                std::string types;
                for (const auto& t : g->types) types += (types.empty() ? "" : "|") + t;
                s.findings.push_back({"FN", page, types, show(g->sources), show(g->targets), "-",
                                      g->date.value_or("-"), g->note});
            }
        }
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (used[i]) continue;
            const auto& [k, date] = keys[i];
            ++s.all.fp;
            ++s.by_type[k.type].fp;
            s.findings.push_back(
                {"FP", page, k.type, show(k.source), show(k.target), date, "-", ""});
        }
    }
    return s;
}

}  // namespace eventgraph::eval
