#include "eventgraph/extract/extractor.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "detail_sentence.hpp"
#include "eventgraph/lexicon/gazetteer.hpp"
#include "eventgraph/lexicon/matcher.hpp"
#include "eventgraph/text/tokenize.hpp"
#include "eventgraph/time/expressions.hpp"
#include "places.hpp"

namespace eventgraph::extract {

namespace {

using model::DateSpan;
using model::Event;

// FNV-1a, 64 bits: stable across platforms and runs, unlike std::hash.
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// The reference date of an article: its own date, else its page's. It may be
// known only to the month or the year.
const model::Timestamp* reference_date(const model::Article& a) {
    if (a.published) return &*a.published;
    if (a.page_published) return &*a.page_published;
    return nullptr;
}

// A feed item is no older than its page: a day and month it names without a
// year is the first one on or after the page's date, not the last before it.
void resolve_forward(std::vector<time::TimeExpression>& times, date::year_month_day page_day) {
    for (auto& t : times) {
        if (t.span.basis != model::DateBasis::relative ||
            t.span.granularity == model::Granularity::year)
            continue;
        if (!(t.span.start < page_day) || t.flags.approximate) continue;
        const auto next_year = [](date::year_month_day d) {
            const date::year_month_day shifted{(d.year() + date::years{1}) / d.month() / d.day()};
            return shifted.ok()
                       ? shifted
                       : date::year_month_day{(d.year() + date::years{1}) / d.month() / date::last};
        };
        auto moved = t.span;
        moved.start = next_year(t.span.start);
        moved.end =
            t.span.granularity == model::Granularity::month
                ? date::year_month_day{date::year_month{moved.start.year(), moved.start.month()} /
                                       date::last}
                : moved.start;
        if (date::sys_days{moved.start} - date::sys_days{page_day} <= date::days{366})
            t.span = moved;
    }
}

struct Pending {
    Event event;
    std::size_t sentence = 0;
    std::size_t position = 0;
};

}  // namespace

std::string article_text(const model::Article& article) {
    std::string text = article.title;
    for (const auto& p : article.paragraphs) {
        if (!text.empty()) text += "\n\n";
        text += p.text;
    }
    return text;
}

std::string event_id(const std::string& article, int sentence, const std::string& type,
                     const std::string& source, const std::string& target, int rank) {
    std::uint64_t h = fnv1a(article);
    h = fnv1a("\x1f" + std::to_string(sentence), h);
    h = fnv1a("\x1f" + type, h);
    h = fnv1a("\x1f" + source, h);
    h = fnv1a("\x1f" + target, h);
    if (rank > 0) h = fnv1a("\x1f#" + std::to_string(rank), h);
    char buf[24];
    std::snprintf(buf, sizeof buf, "ev-%016llx", static_cast<unsigned long long>(h));
    return buf;
}

Extractor::Extractor(lexicon::Lexicon actors, TriggerLexicon triggers, Grammar grammar)
    : actors_(std::make_unique<lexicon::ActorMatcher>(actors.take_entries())),
      triggers_(std::move(triggers)),
      grammar_(std::move(grammar)),
      places_(lexicon::default_gazetteer()) {
    for (const auto& e : actors_->entries())
        if (e.id == e.code && !e.name.empty()) names_.emplace(e.code, e.name);
}
Extractor::~Extractor() = default;
void Extractor::use_gazetteer(std::shared_ptr<const lexicon::Gazetteer> places) {
    places_ = places ? std::move(places) : std::make_shared<const lexicon::Gazetteer>();
}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

std::vector<Event> Extractor::extract(const model::Article& article) const {
    const std::string text = article_text(article);
    const model::Timestamp* const published = reference_date(article);
    const auto ref = published ? std::optional(published->day) : std::nullopt;
    const bool feed =
        std::any_of(article.paragraphs.begin(), article.paragraphs.end(),
                    [](const model::Paragraph& p) { return p.role == model::ParagraphRole::feed; });

    text::SentenceOptions options;
    const auto tokenized = text::tokenize_text(text, options);
    lexicon::ArticleContext context(ref);
    detail::Discourse discourse;

    const auto tokens_of = [&](const text::Sentence& sent) {
        return std::span<const text::Token>(tokenized.tokens.data() + sent.first_token,
                                            sent.size());
    };
    // Every sentence's actors first: an ambiguous town is read by the article's countries.
    std::vector<std::vector<lexicon::Mention>> mentions;
    for (const auto& sent : tokenized.sentences) {
        const auto tokens = tokens_of(sent);
        mentions.push_back(lexicon::resolve_mentions(*actors_, text, tokens,
                                                     actors_->match(text, tokens), context));
    }
    const auto countries = detail::article_countries(mentions);

    std::vector<Pending> pending;
    std::optional<DateSpan> carried;  // the previous sentence's own date, for the next one
    for (std::size_t si = 0; si < tokenized.sentences.size(); ++si) {
        const auto& sent = tokenized.sentences[si];
        const auto tokens = tokens_of(sent);
        detail::Sentence s;
        s.text = text;
        s.tokens = tokens;
        s.mentions = std::move(mentions[si]);
        s.keys.reserve(tokens.size());
        for (const auto& t : tokens) s.keys.push_back(text::match_key(t.text(text), t.kind));
        s.triggers = triggers_.match(s.keys);
        detail::find_places(*places_, triggers_, countries, s);
        if (ref) {
            s.times =
                time::find_time_expressions(sent.text(text), {tokens, sent.begin}, *published);
            for (auto& t : s.times) {
                t.begin += sent.begin;
                t.end += sent.begin;
            }
            if (feed && !article.published && article.page_published)
                resolve_forward(s.times, *ref);
        }
        std::optional<DateSpan> own;
        for (const auto& t : s.times)
            if (t.relation == time::TimeRelation::at) {
                own = t.span;
                break;
            }
        const auto found = detail::analyse_sentence(s, triggers_, grammar_, discourse);
        for (const auto& f : found) {
            Event e;
            e.article = article.id;
            e.type = f.type;
            e.mode = f.mode;
            const auto& info = triggers_.info(f.info);
            e.cameo = f.cameo.empty() ? info.cameo : f.cameo;
            e.quad = quad_of_cameo(e.cameo);
            if (!f.unknown_source) e.source = f.source;
            e.target = f.target;
            e.location = f.location;
            if (e.location) detail::locate(*places_, *e.location);
            e.attributed_to = f.attributed_to;
            e.polarity = f.polarity;
            e.confidence = std::clamp(f.confidence, 0.05, 0.99);
            e.killed = f.killed;
            e.wounded = f.wounded;
            e.weapons = f.weapons;
            if (f.time)
                e.date = s.times[*f.time].span;
            else if (carried)
                e.date = carried;  // a date set in the sentence before governs this one
            else if (ref)
                e.date = model::span_of(*published, model::DateBasis::publication);
            e.evidence.sentence = int(si);
            e.evidence.begin = sent.begin;
            e.evidence.end = sent.end;
            e.evidence.text = std::string(sent.text(text));
            e.evidence.trigger = f.trigger;
            e.evidence.pattern = f.pattern;
            pending.push_back({std::move(e), si, f.position});
        }
        carried = own;
    }

    // One event per happening per article: the same type, actors and
    // polarity told again is one event; a telling with no date of its own
    // (publication basis) joins one that has a date. Each telling joins the
    // first such event, found through an index so that an article with
    // thousands of events costs no more than their number.
    std::vector<Event> out;
    // An unnamed source has the empty id, as a missing target has.
    const auto id_of = [](const std::optional<model::Actor>& a) {
        return a ? a->id : std::string();
    };
    const auto code_of = [](const std::optional<model::Actor>& a) {
        return a ? a->code : std::string();
    };
    const auto any_date = [](const Event& x) {
        return !x.date || x.date->basis == model::DateBasis::publication;
    };
    struct Happening {
        std::size_t first = 0;                       // the first event told so
        std::set<std::size_t> any_date;              // events of no own date
        std::map<std::string, std::size_t> by_date;  // date value → first event
    };
    std::unordered_map<std::string, Happening> happenings;
    for (auto& p : pending) {
        Event& e = p.event;
        const std::string key = e.type + '\x1f' + id_of(e.source) + '\x1f' + id_of(e.target) +
                                '\x1f' + std::to_string(int(e.polarity));
        const auto [h, created] = happenings.try_emplace(key);
        std::size_t at = out.size();
        if (!created) {
            if (any_date(e)) {
                at = h->second.first;
            } else {
                if (!h->second.any_date.empty()) at = *h->second.any_date.begin();
                if (const auto d = h->second.by_date.find(model::date_value(*e.date));
                    d != h->second.by_date.end())
                    at = std::min(at, d->second);
            }
        }
        if (at == out.size()) {
            if (created) h->second.first = at;
            if (any_date(e))
                h->second.any_date.insert(at);
            else
                h->second.by_date.emplace(model::date_value(*e.date), at);
            out.push_back(std::move(e));
            continue;
        }
        Event& it = out[at];
        if (it.evidence.sentence != e.evidence.sentence) it.more_evidence.push_back(e.evidence);
        if (e.date && (!it.date || (it.date->basis == model::DateBasis::publication &&
                                    e.date->basis != model::DateBasis::publication))) {
            it.date = e.date;
            if (!any_date(it)) {
                h->second.any_date.erase(at);
                const auto [d, added] = h->second.by_date.emplace(model::date_value(*it.date), at);
                if (!added) d->second = std::min(d->second, at);
            }
        }
        if (!it.location && e.location) it.location = e.location;
        if (!it.attributed_to && e.attributed_to) it.attributed_to = e.attributed_to;
        it.confidence = std::max(it.confidence, e.confidence);
    }
    // A generic type between two actors gives way to a specific one between
    // the same two in the article: "statement" to an accusation, a denial, a
    // demand…; "cooperate" (either way round) to "aid". The first such event
    // still in the list takes it; events are looked up by their two codes.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_pair;
    for (std::size_t k = 0; k < out.size(); ++k)
        if (out[k].target) by_pair[{code_of(out[k].source), out[k].target->code}].push_back(k);
    const auto first_in = [&](const std::string& from, const std::string& to, std::size_t g,
                              auto&& fits) -> std::optional<std::size_t> {
        const auto list = by_pair.find({from, to});
        if (list == by_pair.end()) return std::nullopt;
        for (const std::size_t k : list->second)
            if (k != g && out[k].polarity == out[g].polarity && fits(out[k])) return k;
        return std::nullopt;
    };
    std::vector<bool> gone(out.size(), false);
    for (std::size_t g = 0; g < out.size(); ++g) {
        const Event& e = out[g];
        if (!e.target || (e.type != "statement" && e.type != "cooperate")) continue;
        const std::string source = code_of(e.source), target = e.target->code;
        std::optional<std::size_t> k;
        if (e.type == "statement") {
            k = first_in(source, target, g, [](const Event& s) {
                return s.quad != 2 && s.quad != 4 && s.type != "statement";
            });
        } else {
            const auto aid = [](const Event& s) { return s.type == "aid"; };
            k = first_in(source, target, g, aid);
            if (const auto r = first_in(target, source, g, aid); r && (!k || *r < *k)) k = r;
        }
        if (!k) continue;
        out[*k].more_evidence.push_back(e.evidence);
        gone[g] = true;
        std::vector<std::size_t>& list = by_pair.find({source, target})->second;
        list.erase(std::remove(list.begin(), list.end(), g), list.end());
    }
    std::size_t kept = 0;
    for (std::size_t g = 0; g < out.size(); ++g)
        if (!gone[g]) {
            if (kept != g) out[kept] = std::move(out[g]);
            ++kept;
        }
    out.resize(kept);
    // A place's country is named by code only in the sentence reading: name it.
    for (auto& e : out)
        for (auto* a : {&e.target, &e.location, &e.attributed_to})
            if (*a && (*a)->name == (*a)->code)
                if (const auto it = names_.find((*a)->code); it != names_.end())
                    (*a)->name = it->second;
    // Ids are unique in the article, and depend on nothing outside it: a
    // second event of one sentence with the same type and actors (a claim and
    // its denial) takes its rank among them, in the article's own order.
    std::map<std::string, int> seen;
    for (auto& e : out) {
        const std::string source = id_of(e.source), target = id_of(e.target);
        e.id = event_id(e.article, e.evidence.sentence, e.type, source, target);
        if (const int rank = seen[e.id]++; rank > 0)
            e.id = event_id(e.article, e.evidence.sentence, e.type, source, target, rank);
    }
    return out;
}

}  // namespace eventgraph::extract
