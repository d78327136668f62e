#include "places.hpp"

#include <algorithm>
#include <map>

namespace eventgraph::extract::detail {

namespace {

using lexicon::Mention;
using lexicon::Place;
using model::Actor;
using model::ActorKind;

// How surely the words before a name say it is a place.
enum class Evidence { none, weak, strong };

bool among(std::string_view k, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), k) != words.end();
}

// "in", "near", "outside": where something is. "the city of", "east of".
bool locative(std::string_view k) {
    return among(k, {"in", "near", "at", "outside", "around", "inside", "across", "throughout",
                     "nearby", "within"});
}
bool place_noun(std::string_view k) {
    return among(
        k, {"city",      "town",      "village",   "port",  "outskirts", "suburbs",  "suburb",
            "centre",    "center",    "east",      "west",  "north",     "south",    "northeast",
            "northwest", "southeast", "southwest", "heart", "streets",   "residents"});
}
// "from", "to", "into": a place or a government ("a letter to Moscow").
bool directional(std::string_view k) {
    return among(k, {"from", "to", "into", "toward", "towards", "via", "through", "on", "over"});
}

// Event types whose object can be a place: "shelled Pokrovsk", "visited Kharkiv".
bool place_object_type(std::string_view type) {
    return among(type, {"assault", "coerce", "consult", "mobilize"});
}

struct Reader {
    const lexicon::Gazetteer& g;
    const TriggerLexicon& triggers;
    const std::vector<std::string>& countries;
    Sentence& s;
    std::vector<int> covered;  // mention index per token, -1 for none
    bool headline = false;     // most words capitalised: capitals say nothing

    std::size_t size() const { return s.tokens.size(); }
    std::string_view key(std::size_t i) const {
        return i < size() ? std::string_view(s.keys[i]) : "";
    }
    bool word(std::size_t i) const {
        return i < size() && s.tokens[i].kind == text::TokenKind::word;
    }
    bool capital(std::size_t i) const { return word(i) && s.tokens[i].is_capitalized(); }
    bool free(std::size_t i) const { return i < size() && covered[i] < 0; }

    void cover() {
        covered.assign(size(), -1);
        for (std::size_t m = 0; m < s.mentions.size(); ++m)
            for (std::size_t i = s.mentions[m].first_token;
                 i < s.mentions[m].last_token && i < size(); ++i)
                covered[i] = int(m);
        std::size_t words = 0, capitals = 0;
        for (std::size_t i = 0; i < size(); ++i)
            if (word(i) && key(i).size() > 3 && covered[i] < 0) {  // names are capitalised anyway
                ++words;
                capitals += capital(i) ? 1 : 0;
            }
        headline = words >= 4 && capitals * 10 >= words * 7;
    }

    // A trigger of an attack or a visit ends right before token i.
    bool place_verb_before(std::size_t i) const {
        for (const auto& t : s.triggers)
            if (t.last_token == i)
                for (const auto& r : t.readings)
                    if (r.pos == Pos::verb && place_object_type(triggers.info(r.info).type))
                        return true;
        return false;
    }

    // What the words before token i say; `listed` follows "A, B and C" back
    // to the evidence of A.
    Evidence before(std::size_t i, int depth = 0) const {
        if (i == 0) return Evidence::none;
        const auto k = key(i - 1);
        if (locative(k)) return Evidence::strong;
        if (k == "of" && i >= 2 && place_noun(key(i - 2))) return Evidence::strong;
        if (directional(k) || place_verb_before(i)) return Evidence::weak;
        if ((k == "and" || k == "or" || k == ",") && i >= 2 && depth < 6 && !free(i - 2)) {
            const auto& m = s.mentions[std::size_t(covered[i - 2])];
            if (m.actor.kind == ActorKind::place) return before(m.first_token, depth + 1);
        }
        return Evidence::none;
    }

    // ", France", ", Alabama" after [b, e): the country (and subdivision) named beside.
    const Mention* beside(std::size_t e) const {
        if (key(e) != "," || e + 1 >= size() || free(e + 1)) return nullptr;
        const auto& m = s.mentions[std::size_t(covered[e + 1])];
        if (m.first_token != e + 1 || m.actor.code.size() != 3) return nullptr;
        if (m.actor.kind == ActorKind::country && m.kind == lexicon::MatchKind::name) return &m;
        if (m.actor.kind == ActorKind::place) return &m;
        return nullptr;
    }

    std::string span_key(std::size_t b, std::size_t e) const {
        std::string k;
        for (std::size_t i = b; i < e; ++i) {
            if (i > b && s.tokens[i].begin > s.tokens[i - 1].end) k += ' ';
            k += key(i);
        }
        return k;
    }

    // The reading of a name: the country beside it, then the article's
    // countries (most named first), then the most populous.
    const Place* choose(const std::vector<const Place*>& places, const Mention* next_to,
                        std::size_t at) const {
        if (next_to) {
            const bool subdivision = next_to->actor.kind == ActorKind::place;
            for (const Place* p : places)
                if (p->country == next_to->actor.code &&
                    (!subdivision || p->subdivision.empty() ||
                     g.subdivision_id(p->subdivision) == next_to->actor.id))
                    return p;
            return nullptr;
        }
        // An attacker's own country is not where it strikes ("Russian forces
        // shelled Pokrovsk"), though the article names it.
        const auto attackers = attackers_before(at);
        for (const auto& c : countries) {
            if (std::find(attackers.begin(), attackers.end(), c) != attackers.end()) continue;
            for (const Place* p : places)
                if (p->country == c) return p;
        }
        return places.front();
    }

    // The countries of the actors before the last attack trigger before token i.
    std::vector<std::string_view> attackers_before(std::size_t i) const {
        std::size_t verb = 0;
        for (const auto& t : s.triggers)
            if (t.last_token <= i && t.first_token >= verb)
                for (const auto& r : t.readings)
                    if (triggers.info(r.info).quad == 4 || triggers.info(r.info).type == "assault")
                        verb = t.first_token;
        std::vector<std::string_view> out;
        for (const auto& m : s.mentions)
            if (m.last_token <= verb && m.actor.code.size() == 3) out.push_back(m.actor.code);
        return out;
    }

    Actor actor_of(const Place& p) const {
        Actor a;
        std::string id;
        for (char ch : p.ascii.empty() ? p.name : p.ascii) {
            const bool alnum =
                (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
            if (alnum)
                id += char(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
            else if (!id.empty() && id.back() != '_')
                id += '_';
        }
        while (!id.empty() && id.back() == '_') id.pop_back();
        // A name in another script, or one mostly of letters with diacritics, by its id.
        if (id.size() * 2 < p.name.size()) id = "GN" + std::to_string(p.geonames);
        a.id = std::string(p.country) + "." + id;
        a.code = std::string(p.country);
        a.name = std::string(p.name);
        a.kind = ActorKind::place;
        a.cameo = a.code;  // as the lexicon's places have it
        a.geo = lexicon::Gazetteer::geo_of(p);
        return a;
    }

    // A town the lexicon reads as its country ("Kyiv", "Alexandria"), named
    // as a place: "shelling in Kyiv", "Alexandria, Virginia".
    void town_as_place(Mention& m) const {
        // A region the lexicon names by its city ("Kharkiv" for Kharkiv Oblast) is the city.
        if (m.actor.kind == ActorKind::place && !m.actor.geo &&
            span_key(m.first_token, m.last_token) != lexicon::Gazetteer::key(m.actor.name)) {
            for (const Place* q : g.find(span_key(m.first_token, m.last_token)))
                if (q->country == m.actor.code) {
                    m.actor = actor_of(*q);
                    return;
                }
        }
        // A subdivision named like a city of 100,000 or more is the city, read
        // as any town is ("protests in Córdoba": Argentina's or Spain's).
        if (m.actor.kind == ActorKind::place && !m.actor.geo &&
            before(m.first_token) != Evidence::none) {
            const auto places = g.find(span_key(m.first_token, m.last_token));
            if (!places.empty() && places.front()->population >= 100000)
                if (const Place* p = choose(places, beside(m.last_token), m.first_token))
                    m.actor = actor_of(*p);
            return;
        }
        if (m.actor.kind != ActorKind::country) return;
        const Mention* next_to = beside(m.last_token);
        if (!next_to && before(m.first_token) != Evidence::strong &&
            !place_verb_before(m.first_token))
            return;
        const auto places = g.find(span_key(m.first_token, m.last_token));
        // Else the dictionary's own country's town ("Kyiv", "Alexandria" for Egypt).
        const Place* p =
            next_to && !places.empty() ? choose(places, next_to, m.first_token) : nullptr;
        for (const Place* q : places)
            if (!p && q->country == m.actor.code &&
                (q->seat() || m.kind != lexicon::MatchKind::metonym))
                p = q;
        if (p) m.actor = actor_of(*p);
    }

    // A town of the lexicon named like a common word ("Reading") is a place
    // only with evidence: "Reading the report" is no town.
    bool unfounded(const Mention& m) const {
        if (m.actor.kind != ActorKind::place || m.last_token != m.first_token + 1) return false;
        const auto places = g.find(key(m.first_token));
        const bool common = std::any_of(places.begin(), places.end(), [&](const Place* p) {
            return p->common_word && p->country == m.actor.code;
        });
        return common && before(m.first_token) != Evidence::strong && !beside(m.last_token);
    }

    void run() {
        cover();
        const auto end = std::remove_if(s.mentions.begin(), s.mentions.end(),
                                        [&](const Mention& m) { return unfounded(m); });
        if (end != s.mentions.end()) {
            s.mentions.erase(end, s.mentions.end());
            cover();
        }
        for (auto& m : s.mentions) town_as_place(m);
        for (std::size_t i = 0; i < size(); ++i) {
            if (!capital(i) || !free(i)) continue;
            std::size_t run = i;
            while (run < size() && run - i < 4 && free(run) && word(run) &&
                   (capital(run) || among(key(run), {"de", "del", "al", "el", "la", "upon", "on"})))
                ++run;
            for (std::size_t e = run; e > i; --e) {
                if (!capital(e - 1)) continue;
                const auto places = g.find(span_key(i, e));
                if (places.empty()) continue;
                // Part of a longer name ("Reading Festival", "Split Decision").
                if (capital(e) && free(e)) break;
                const Mention* next_to = beside(e);
                const Evidence ev = next_to ? Evidence::strong : before(i);
                const bool common = std::any_of(places.begin(), places.end(),
                                                [](const Place* p) { return p->common_word; });
                if (ev == Evidence::none ||
                    (common && (ev != Evidence::strong || (headline && !next_to))))
                    break;
                const Place* p = choose(places, next_to, i);
                if (!p) break;
                Mention m;
                m.actor = actor_of(*p);
                m.first_token = i;
                m.last_token = e;
                m.begin = s.tokens[i].begin;
                m.end = s.tokens[e - 1].end;
                m.sentence = s.mentions.empty() ? 0 : s.mentions.front().sentence;
                // Seen by before() for the next names of a list: "in Sumy, Izium and Balakliia".
                for (std::size_t k = i; k < e; ++k) covered[k] = int(s.mentions.size());
                s.mentions.push_back(std::move(m));
                i = e - 1;
                break;
            }
        }
        std::stable_sort(
            s.mentions.begin(), s.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
    }
};

}  // namespace

std::vector<std::string> article_countries(
    const std::vector<std::vector<lexicon::Mention>>& sentences) {
    std::map<std::string, std::pair<int, std::size_t>> seen;  // code → (times, first)
    std::size_t order = 0;
    for (const auto& mentions : sentences)
        for (const auto& m : mentions) {
            const auto& code = m.actor.code;
            if (code.size() != 3 || m.actor.kind == ActorKind::organisation) continue;
            auto [it, fresh] = seen.try_emplace(code, 0, order++);
            ++it->second.first;
        }
    std::vector<std::string> out;
    for (const auto& [code, _] : seen) out.push_back(code);
    std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
        const auto &x = seen[a], &y = seen[b];
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    return out;
}

void find_places(const lexicon::Gazetteer& gazetteer, const TriggerLexicon& triggers,
                 const std::vector<std::string>& countries, Sentence& s) {
    if (gazetteer.empty()) return;
    Reader r{gazetteer, triggers, countries, s, {}, false};
    r.run();
}

void locate(const lexicon::Gazetteer& gazetteer, model::Actor& location) {
    if (location.geo) return;
    if (location.kind == ActorKind::place) location.geo = gazetteer.subdivision_centre(location.id);
    // A town of the lexicon ("Nablus", the city of Kyiv) is the gazetteer's of its name and
    // country.
    if (location.kind == ActorKind::place && !location.geo)
        for (const Place* p : gazetteer.find(lexicon::Gazetteer::key(location.name)))
            if (p->country == location.code) {
                location.geo = lexicon::Gazetteer::geo_of(*p);
                return;
            }
    if (!location.geo) location.geo = gazetteer.country_centre(location.code);
}

}  // namespace eventgraph::extract::detail
