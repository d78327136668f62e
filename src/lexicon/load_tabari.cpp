// TABARI/PETRARCH dictionaries: actor files (a name, "+" synonyms, CAMEO
// codes in [...], dated as [RUSGOV 991231-080507], [RUSELI >080507],
// [RUS <991231]) and agent files ("!PERSON! = MAN, MEN", FARMER [~AGR],
// plurals in {...}). The real files have defects (seven- and ten-digit
// dates, overlapping ranges, entries without a code, stray control
// characters), so every defect is a warning and only the defective piece is
// left out; nothing but an unreadable file stops the reading.

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/cameo.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/utf8.hpp"
#include "lexicon/detail.hpp"

namespace eventgraph::lexicon {

namespace {

using model::ActorKind;

// ISO 3166-1 alpha-3 (Debian iso-codes), which CAMEO's country codes follow.
constexpr std::string_view iso_countries =
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD "
    "BGR "
    "BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD "
    "COG "
    "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST "
    "ETH "
    "FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM "
    "GUY "
    "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ "
    "KHM "
    "KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX "
    "MHL "
    "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD "
    "NOR "
    "NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA "
    "SAU "
    "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR "
    "TCA "
    "TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN "
    "VGB "
    "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE";

// CAMEO's own "country" codes: regions, former states (the files write the
// Soviet Union both USR and SUN), Kosovo, and INT (international, unaffiliated).
constexpr std::string_view cameo_places =
    "AFR ASA BLK CAS CAU CFR CRB EAF EEU EUR LAM MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF WEU WST "
    "CSK DDR USR SUN YUG SCG FRY ZAR TMP ROM BUR KSV INT";

// International organisations: the CAMEO code's longest matching prefix
// gives the lexicon's organisation code. Others keep their CAMEO code.
constexpr std::pair<std::string_view, std::string_view> organisations[] = {
    {"IGOUNOIAE", "IAEA"},     {"IGOUNOHLHWHO", "WHO"},
    {"IGOUNODEVWBK", "WB"},    {"IGOUNOJUDICJ", "ICJ"},
    {"IGOUNOREFHCR", "UNHCR"}, {"IGOUNOKID", "UNICEF"},
    {"IGOUNOLABILO", "ILO"},   {"IGOUNO", "UN"},
    {"IGOWSTNAT", "NATO"},     {"IGOEUREEC", "EU"},
    {"IGOEUROSC", "OSCE"},     {"IGOAFRAFU", "AU"},
    {"IGOAFROAU", "AU"},       {"IGOMEAARL", "ARAB_LEAGUE"},
    {"IGOSEAASN", "ASEAN"},    {"IGOBUSOPC", "OPEC"},
    {"IGOBUSIMF", "IMF"},      {"IGOBUSWTO", "WTO"},
    {"IGOJUDICC", "ICC"},      {"IGOOAS", "OAS"},
    {"IGOCOPITP", "INTERPOL"}, {"NGOHLHIRC", "ICRC"},
};

bool is_country(std::string_view c) {
    static const std::unordered_set<std::string_view> codes = [] {
        std::unordered_set<std::string_view> s;
        for (std::string_view list : {iso_countries, cameo_places})
            for (std::size_t i = 0; i + 3 <= list.size(); i += 4) s.insert(list.substr(i, 3));
        return s;
    }();
    return codes.count(c) != 0;
}

std::string sector_word(std::string_view c) { return std::string(cameo_agent_word(c)); }

bool is_letters(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Is the tail of a code agent codes only ("GOV", "GOVMIL")?
bool all_agents(std::string_view tail) {
    if (tail.size() % 3 != 0) return false;
    for (std::size_t i = 0; i < tail.size(); i += 3)
        if (cameo_agent_word(tail.substr(i, 3)).empty()) return false;
    return true;
}

bool is_group_sector(std::string_view c) {
    return c == "REB" || c == "INS" || c == "SEP" || c == "RAD" || c == "UAF" || c == "CRM" ||
           c == "OPP";
}

// What a CAMEO code means for the lexicon.
struct Mapped {
    std::string code;   // top of affiliation; "" for an agent-only code
    std::string agent;  // the first sector's word
    ActorKind kind = ActorKind::organisation;
};

// The first sector word among the 3-letter chunks of a code's tail.
std::string first_sector(std::string_view tail) {
    for (std::size_t i = 0; i + 3 <= tail.size(); i += 3)
        if (auto w = sector_word(tail.substr(i, 3)); !w.empty()) return w;
    return {};
}

std::optional<Mapped> map_code(std::string_view cameo) {
    if (cameo.size() < 3) return std::nullopt;
    const std::string_view head = cameo.substr(0, 3), tail = cameo.substr(3);
    if (head == "IGO" || head == "NGO" || head == "NGM") {
        for (const auto& [prefix, code] : organisations)
            if (cameo.substr(0, prefix.size()) == prefix)
                return Mapped{std::string(code), {}, ActorKind::organisation};
        return Mapped{std::string(cameo), {}, ActorKind::organisation};
    }
    if (head == "IMG") return Mapped{std::string(cameo), "armed groups", ActorKind::group};
    if (head == "MNC") {
        if (is_country(tail.substr(0, 3)))
            return Mapped{std::string(tail.substr(0, 3)), "business", ActorKind::organisation};
        return Mapped{std::string(cameo), "business", ActorKind::organisation};
    }
    if (is_country(head)) {
        Mapped m{std::string(head), first_sector(tail), ActorKind::organisation};
        if (tail.empty())
            m.kind = ActorKind::country;
        else if (is_country(tail.substr(0, 3)))
            m.kind = ActorKind::place;  // a territory: USAASM
        else if (is_group_sector(tail.substr(0, 3)))
            m.kind = ActorKind::group;
        return m;
    }
    if (auto w = sector_word(head); !w.empty())
        return Mapped{{}, first_sector(cameo), ActorKind::agent};
    // A code CAMEO does not know: a dictionary is entitled to its own
    // countries (PETRARCH's validation file has Arnor, ARN, and [ARNGOV]).
    // Three letters and agent codes are a country and its agents; anything
    // else is kept whole as an organisation's code.
    if (is_letters(head) && all_agents(tail)) {
        Mapped m{std::string(head), first_sector(tail),
                 tail.empty() ? ActorKind::country : ActorKind::organisation};
        if (!tail.empty() && is_group_sector(tail.substr(0, 3))) m.kind = ActorKind::group;
        return m;
    }
    return Mapped{std::string(cameo), {}, ActorKind::organisation};
}

// One [CODE date-restriction] as written, and what it became.
struct Code {
    std::string text;   // "RUSGOV 991231-080507", for messages
    std::string cameo;  // "RUSGOV", as written (upper-cased)
    std::size_t line = 0;
    Mapped mapped;
    bool dated = false;
    std::optional<date::year_month_day> start, end;
};

// A name, its synonyms and codes, until the next name.
struct Record {
    std::string raw;  // the first name as written
    std::size_t line = 0;
    std::vector<std::string> names;  // display forms
    std::vector<Code> codes;
    std::vector<std::string> agent_codes;  // "~GOV", "IGO~": an agents-file record
    bool null_code = false;                // [---]: deliberately nothing
    bool only_names = true;                // no synonym or code line yet
    std::size_t last_line = 0;             // of the last name line
};

constexpr std::string_view small_words[] = {"OF",  "THE", "AND", "FOR", "IN",  "ON",
                                            "AT",  "TO",  "DE",  "DU",  "DES", "DA",
                                            "DOS", "VON", "VAN", "DER", "DEN", "Y"};
constexpr std::string_view acronyms[] = {
    "UN",    "EU",  "US",  "UK",   "NATO", "ASEAN",  "OPEC", "IAEA", "UNICEF",
    "UNHCR", "ICJ", "ICC", "IMF",  "WTO",  "AU",     "OAS",  "OSCE", "UNESCO",
    "UNDP",  "WFP", "IRA", "PLO",  "PKK",  "ETA",    "FARC", "ELN",  "LTTE",
    "ANC",   "NGO", "USA", "USSR", "OIC",  "ECOWAS", "SADC", "AIDS", "HIV"};

bool keep_capitals(std::string_view w) {
    if (w.size() >= 2 && w.front() == '(' && w.back() == ')') return true;
    if (std::find(std::begin(acronyms), std::end(acronyms), w) != std::end(acronyms)) return true;
    bool vowel = false, letters = false;
    for (char c : w) {
        if ((c >= '0' && c <= '9') || c == '.') return true;
        if (c >= 'A' && c <= 'Z') {
            letters = true;
            vowel = vowel || std::string_view("AEIOUY").find(c) != std::string_view::npos;
        }
    }
    return letters && !vowel;
}

void append_title_word(std::string_view w, std::string& out) {
    bool start = true;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        out += start ? text::ascii_upper(c) : text::ascii_lower(c);
        // O'BRIEN → O'Brien but WOMEN'S → Women's.
        start = c == '-' || c == '(' || c == '/' || (c == '\'' && i == 1);
    }
}

// std::string_view::find_first_of, without its call of memchr a character:
// the reader looks for a few characters in every line and name.
std::size_t find_any(std::string_view s, std::string_view set, std::size_t from = 0) {
    for (std::size_t i = from; i < s.size(); ++i)
        for (char c : set)
            if (s[i] == c) return i;
    return std::string_view::npos;
}

// TABARI writes names in capitals with '_' between words. News writes them
// in mixed case, and the lexicon keeps names as news writes them, so names
// are title-cased except what looks like an acronym; agents (common nouns)
// are lower-cased.
std::string display_name(std::string_view raw, bool agent) {
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0, k = 0;
    while (i < raw.size()) {
        const std::size_t j = find_any(raw, "_ \t", i);
        const std::size_t end = j == std::string_view::npos ? raw.size() : j;
        const std::string_view w = raw.substr(i, end - i);
        i = end + 1;
        if (w.empty()) continue;
        if (k) out += ' ';
        if (agent) {
            for (char c : w) out += text::ascii_lower(c);
        } else if (keep_capitals(w)) {
            out += w;
        } else if (k > 0 && std::find(std::begin(small_words), std::end(small_words), w) !=
                                std::end(small_words)) {
            for (char c : w) out += text::ascii_lower(c);
        } else {
            append_title_word(w, out);
        }
        ++k;
    }
    return out;
}

// "VLADIMIR_V._PUTIN_" → "VLADIMIR_V._PUTIN": the id's part after "TABARI.".
std::string id_name(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (char c : raw) {
        const char u = (c == ' ' || c == '\t') ? '_' : text::ascii_upper(c);
        if (u == '_' && (out.empty() || out.back() == '_')) continue;
        out += u;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The regular plural of an agent phrase, as PETRARCH makes it.
std::string regular_plural(const std::string& p) {
    if (p.empty()) return p;
    if (p.back() == 'y') return p.substr(0, p.size() - 1) + "ies";
    if (p.size() >= 2 && p.compare(p.size() - 2, 2, "ss") == 0) return p + "es";
    return p + "s";
}

class TabariReader {
public:
    TabariReader(Lexicon& lexicon, std::string_view text, const std::string& file)
        : lexicon_(lexicon), text_(text), file_(file) {}

    void read() {
        if (const auto nul = text_.find('\0'); nul != std::string_view::npos)
            throw lexicon_error(file_, text::position_of(text_, nul).line,
                                "NUL byte: this is not a text file");
        std::size_t pos = 0, line_no = 0;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
        while (pos < text_.size()) {
            const std::size_t nl = text_.find('\n', pos);
            const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
            line(text_.substr(pos, end - pos), ++line_no);
            pos = end + 1;
        }
        finish();
        for (auto& [code, entry] : agents_) {
            (void)code;
            lexicon_.add(std::move(entry));
        }
    }

private:
    void warn(std::size_t line, std::string message, const char* kind) {
        lexicon_.warn({file_, line, std::move(message), kind});
    }

    // Comments: '#' and ';' to the end of the line, and <!-- … --> over lines.
    // The line as it is when it has none, else a copy in `out` without them.
    std::string_view strip_comments(std::string_view s, std::string& out) {
        if (!in_comment_ && find_any(s, "#;<") == std::string_view::npos) return s;
        out.clear();
        std::size_t i = 0;
        while (i < s.size()) {
            if (in_comment_) {
                const auto close = s.find("-->", i);
                if (close == std::string_view::npos) return out;
                in_comment_ = false;
                i = close + 3;
                continue;
            }
            const auto open = s.find("<!--", i);
            const auto hash = s.find_first_of("#;", i);
            if (hash != std::string_view::npos && (open == std::string_view::npos || hash < open)) {
                out += s.substr(i, hash - i);
                return out;
            }
            if (open == std::string_view::npos) {
                out += s.substr(i);
                return out;
            }
            out += s.substr(i, open - i);
            in_comment_ = true;
            i = open + 4;
        }
        return out;
    }

    void line(std::string_view raw, std::size_t n) {
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        if (const auto bad = text::find_invalid_utf8(raw); bad != std::string_view::npos) {
            warn(n, "invalid UTF-8 at column " + std::to_string(bad + 1) + "; line skipped",
                 "encoding");
            return;
        }
        const std::string_view s = text::trim(strip_comments(raw, stripped_));
        if (s.empty()) return;
        if (s.front() == '!' && s.find('=') != std::string_view::npos) return macro(s, n);
        if (s.front() == '+') {
            if (!current_) return warn(n, "synonym before any entry; ignored", "syntax");
            current_->only_names = false;
            return name_and_codes(s.substr(1), n, false);
        }
        if (s.front() == '[') {
            if (!current_) return warn(n, "code before any entry; ignored", "syntax");
            current_->only_names = false;
            return codes(s, n);
        }
        // Names on consecutive lines before their codes ("IVO_JOSIPOVIC_",
        // "PRESIDENT_JOSIPOVIC_", "JOSIPOVIC_", then [HRVGOV >20120219]) are
        // one person: read the later lines as synonyms.
        if (current_ && current_->codes.empty() && current_->agent_codes.empty() &&
            !current_->null_code && current_->only_names && current_->last_line + 1 == n &&
            find_any(s, "[{") == std::string_view::npos) {
            current_->last_line = n;
            return name_and_codes(s, n, false);
        }
        finish();
        current_.emplace();
        current_->line = current_->last_line = n;
        name_and_codes(s, n, true);
    }

    // "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"
    void macro(std::string_view s, std::size_t n) {
        const auto eq = s.find('=');
        const std::string key(text::trim(s.substr(0, eq)));
        if (key.size() < 3 || key.back() != '!')
            return warn(n, "malformed substitution marker " + key, "syntax");
        std::vector<std::string> values;
        std::string_view rest = s.substr(eq + 1);
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto v = text::trim(rest.substr(0, comma));
            // A value is a plain word: a marker in it could name its own
            // macro ("!P! = MAN, X!P!") and expand for ever.
            if (v.find('!') != std::string_view::npos)
                warn(n,
                     "substitution marker inside the value \"" + std::string(v) + "\" of " + key +
                         "; value left out",
                     "syntax");
            else if (!v.empty())
                values.emplace_back(v);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        macros_[key] = std::move(values);
    }

    // A name (or synonym), then perhaps {plural} and [codes].
    void name_and_codes(std::string_view s, std::size_t n, bool first) {
        const auto cut = find_any(s, "[{");
        std::string_view name = text::trim(s.substr(0, cut));
        std::optional<std::string> plural;
        if (cut != std::string_view::npos && s[cut] == '{') {
            const auto close = s.find('}', cut);
            if (close == std::string_view::npos) {
                warn(n, "unclosed '{'", "syntax");
                s = {};
            } else {
                plural = std::string(text::trim(s.substr(cut + 1, close - cut - 1)));
                s = s.substr(close + 1);
            }
        } else {
            s = cut == std::string_view::npos ? std::string_view{} : s.substr(cut);
        }
        if (first) current_->raw = sanitized(name);
        add_names(name, plural, n);
        if (!text::trim(s).empty()) codes(text::trim(s), n);
    }

    static std::string sanitized(std::string_view name) {
        std::string out;
        for (std::size_t i = 0; i < name.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(name[i]);
            if (c < 0x20)
                out += '?';
            else if (name.substr(i, 3) == "\xEF\xBF\xBD")
                out += '?', i += 2;
            else
                out += char(c);
        }
        return out;
    }

    void add_names(std::string_view name, const std::optional<std::string>& plural, std::size_t n) {
        if (name.empty()) return warn(n, "a line without a name", "syntax");
        // A '+' inside a name: two synonyms run together on one line.
        if (const auto plus = name.find('+'); plus != std::string_view::npos && plus > 0) {
            warn(n, "'+' inside a name: read as two synonyms", "syntax");
            add_names(text::trim(name.substr(0, plus)), plural, n);
            add_names(text::trim(name.substr(plus + 1)), plural, n);
            return;
        }
        if (std::any_of(name.begin(), name.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t'; }) ||
            name.find("\xEF\xBF\xBD") != std::string_view::npos)
            return warn(n,
                        "control or replacement character in name \"" + sanitized(name) +
                            "\"; name left out",
                        "bad-name");
        if (name.find('!') == std::string_view::npos) {
            // No substitution markers (nearly every name): the name itself.
            current_->names.emplace_back(name);
            if (!plural && name.back() != '_')
                current_->names.push_back("\x01" + std::string(name));
            if (plural && !plural->empty()) current_->names.push_back(*plural);
            return;
        }
        for (const std::string& expanded : expand(std::string(name), n)) {
            const bool macro_made = expanded != name;
            current_->names.push_back(expanded);
            if (!plural && !macro_made && expanded.back() != '_')
                current_->names.push_back("\x01" + expanded);
            if (plural && !plural->empty()) current_->names.push_back(*plural);
        }
    }

    // More names than one phrase may stand for: markers multiply ("!A!!A!!A!"
    // with 30 values each is 27,000 names), and a real dictionary's phrases give a few dozen.
    static constexpr std::size_t max_expansions = 1000;

    // Every substitution of the !MARKER!s in a phrase, left to right. Values
    // hold no markers (see macro()), so the markers are the phrase's own, and
    // a loop (not recursion) keeps a phrase of thousands of them in bounds.
    std::vector<std::string> expand(const std::string& phrase, std::size_t n) {
        std::vector<std::string> out{std::string()};
        std::size_t pos = 0;
        for (auto open = phrase.find('!'); open != std::string::npos;
             open = phrase.find('!', pos)) {
            const auto close = phrase.find('!', open + 1);
            if (close == std::string::npos) break;
            const std::string key = phrase.substr(open, close - open + 1);
            const auto it = macros_.find(key);
            if (it == macros_.end()) {
                warn(n, "undefined substitution marker " + key + "; name left out", "syntax");
                return {};
            }
            if (out.size() * it->second.size() > max_expansions) {
                warn(n,
                     "substitution markers give more than " + std::to_string(max_expansions) +
                         " names; name left out",
                     "syntax");
                return {};
            }
            const std::string_view before = std::string_view(phrase).substr(pos, open - pos);
            std::vector<std::string> next;
            next.reserve(out.size() * it->second.size());
            for (const std::string& o : out)
                for (const std::string& v : it->second) next.push_back(o + std::string(before) + v);
            out = std::move(next);
            pos = close + 1;
        }
        for (std::string& o : out) o.append(phrase, pos);
        return out;
    }

    // "[RUSGOV 991231-080507] [ELI]" and the like.
    void codes(std::string_view s, std::size_t n) {
        while (!(s = text::trim(s)).empty()) {
            if (s.front() != '[')
                return warn(n, "unexpected text \"" + std::string(s) + "\" after the codes",
                            "syntax");
            const auto close = s.find(']');
            if (close == std::string_view::npos)
                return warn(n, "unclosed '[' in \"" + std::string(s) + "\"", "syntax");
            one_code(text::trim(s.substr(1, close - 1)), n);
            s.remove_prefix(close + 1);
        }
    }

    void one_code(std::string_view body, std::size_t n) {
        const auto space = body.find_first_of(" \t");
        // Lower-case codes ("[pse]") are the upper-case ones: CAMEO has no case.
        std::string token(body.substr(0, space));
        for (char& c : token) c = text::ascii_upper(c);
        std::string restriction;
        if (space != std::string_view::npos)
            for (char c : body.substr(space))
                if (c != ' ' && c != '\t') restriction += c;
        std::string shown = "[";
        shown.append(body).append("]");
        if (token == "---") {
            current_->null_code = true;
            return;
        }
        if (token.empty() || !std::all_of(token.begin(), token.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '~';
            }))
            return warn(n, "malformed code " + shown + "; left out", "bad-code");
        if (token.find('~') != std::string::npos) {
            current_->agent_codes.push_back(token);
            return;
        }
        const auto mapped = map_code(token);
        if (!mapped)
            return warn(n, "malformed code " + shown + " (shorter than 3 letters); left out",
                        "bad-code");
        Code code{shown, token, n, *mapped, !restriction.empty(), {}, {}};
        if (!restriction.empty() && !dates(restriction, code)) return;
        current_->codes.push_back(std::move(code));
    }

    // ">080507", "<991231", "991231-080507"; YYMMDD or YYYYMMDD, both ends included.
    bool dates(const std::string& r, Code& code) {
        auto bad = [&](const std::string& why) {
            warn(code.line, "malformed date in " + code.text + ": " + why + "; code left out",
                 "bad-date");
            return false;
        };
        std::string from, to;
        if (r[0] == '>')
            from = r.substr(1);
        else if (r[0] == '<')
            to = r.substr(1);
        else if (const auto dash = r.find('-'); dash != std::string::npos)
            from = r.substr(0, dash), to = r.substr(dash + 1);
        else
            return bad("expected >DATE, <DATE or DATE-DATE");
        for (const std::string* d : {&from, &to}) {
            if (d == &from ? r[0] == '<' : r[0] == '>') continue;
            if (!all_digits(*d) || (d->size() != 6 && d->size() != 8))
                return bad("\"" + *d + "\" is not YYMMDD or YYYYMMDD");
            // Digits only (checked above): read without std::stoi's copies.
            const auto number = [&](std::size_t from, std::size_t count) {
                int v = 0;
                for (std::size_t k = from; k < from + count; ++k) v = v * 10 + ((*d)[k] - '0');
                return v;
            };
            const int yy = number(0, d->size() - 4);
            // Two-digit years: the files reach back to the 1930s and were
            // written in 2014; 00-29 are taken as 2000-2029.
            const int year = d->size() == 8 ? yy : (yy < 30 ? 2000 + yy : 1900 + yy);
            const auto day = detail::make_day(year, unsigned(number(d->size() - 4, 2)),
                                              unsigned(number(d->size() - 2, 2)));
            if (!day) return bad("\"" + *d + "\" is not a calendar date");
            // TABARI's "A-B" includes B and ">A" excludes A; a Role's end is
            // exclusive (the successor's day), so both move one day later.
            const bool shift = (d == &to && r[0] != '<') || (d == &from && r[0] == '>');
            const date::year_month_day when =
                shift ? date::year_month_day{date::sys_days{*day} + date::days{1}} : *day;
            (d == &from ? code.start : code.end) = when;
        }
        if (code.start && code.end && *code.end < *code.start)
            return bad("it starts after it ends");
        return true;
    }

    // The record read so far becomes an entry (or names of an agent).
    void finish() {
        if (!current_) return;
        Record r = std::move(*current_);
        current_.reset();
        if (!r.agent_codes.empty()) return finish_agent(r);
        std::vector<Role> roles;
        std::vector<const Code*> role_codes;
        const Code* main = nullptr;
        std::string agent;
        for (const Code& c : r.codes) {
            if (c.dated) {
                if (c.mapped.code.empty()) {
                    warn(c.line,
                         "dated code " + c.text + " has no country or organisation; left out",
                         "bad-code");
                    continue;
                }
                for (std::size_t k = 0; k < role_codes.size(); ++k) {
                    const Role probe{{}, {}, c.start, c.end, {}};
                    if (detail::overlap(roles[k], probe))
                        warn(c.line,
                             "dated code " + c.text + " overlaps " + role_codes[k]->text +
                                 " (line " + std::to_string(role_codes[k]->line) + ")",
                             "overlap");
                }
                roles.push_back(Role{c.mapped.agent, c.mapped.code, c.start, c.end, c.cameo});
                role_codes.push_back(&c);
            } else if (c.mapped.code.empty()) {
                if (agent.empty()) agent = c.mapped.agent;
            } else if (!main) {
                main = &c;
            } else if (c.mapped.code != main->mapped.code) {
                warn(c.line,
                     "a second undated code " + c.text + " besides " + main->text +
                         "; the first is kept",
                     "several-defaults");
            }
        }
        if (!main && roles.empty()) {
            if (!r.null_code)
                warn(r.line, "entry " + r.raw + " has no valid code; left out", "no-code");
            return;
        }
        Entry e;
        e.id = "TABARI." + id_name(r.raw);
        e.file = file_;
        e.line = r.line;
        e.names = names_of(r, false);
        e.name = e.names.empty() ? display_name(r.raw, false) : e.names.front();
        if (main) {
            e.code = main->mapped.code;
            e.cameo = main->cameo;
            e.kind = main->mapped.kind;
            e.agent = main->mapped.agent.empty() ? agent : main->mapped.agent;
        } else {
            e.code = most_common_code(roles);
            e.agent = agent;
        }
        // Dated codes with a bare country code are the country's history
        // (Georgia: [USRGEO <910409] … [GEO >911222]), not a person's offices.
        const bool history = (main && main->mapped.kind == ActorKind::country) ||
                             std::any_of(role_codes.begin(), role_codes.end(), [](const Code* c) {
                                 return c->mapped.kind == ActorKind::country;
                             });
        if (!roles.empty() && !history) e.kind = ActorKind::person;
        e.roles = std::move(roles);
        if (auto [it, fresh] = first_line_.emplace(e.id, r.line); !fresh)
            warn(r.line,
                 "entry " + r.raw + " given again (first at line " + std::to_string(it->second) +
                     "); the later one wins",
                 "duplicate");
        lexicon_.add(std::move(e));
    }

    // Agents-file records: every name joins the one entry of its code.
    void finish_agent(const Record& r) {
        if (r.names.empty()) return;  // every name was defective, and said so
        for (const std::string& code : r.agent_codes) {
            std::string bare;
            for (char c : code)
                if (c != '~') bare += c;
            auto [it, fresh] = agents_.try_emplace(code);
            Entry& e = it->second;
            if (fresh) {
                e.id = "TABARI.AGENT." + bare;
                e.file = file_;
                e.line = r.line;
                e.kind = ActorKind::agent;
                e.agent = first_sector(bare);
                e.cameo = compose_cameo({}, bare);
                if (e.agent.empty()) e.agent = bare;
                e.name = e.agent;
            }
            for (std::string& name : names_of(r, true))
                if (std::find(e.names.begin(), e.names.end(), name) == e.names.end())
                    e.names.push_back(std::move(name));
        }
    }

    // Display names, without repeats; "\x01" marks a name wanting its regular plural.
    static std::vector<std::string> names_of(const Record& r, bool agent) {
        std::vector<std::string> out;
        for (const std::string& raw : r.names) {
            std::string name = raw[0] == '\x01'
                                   ? display_name(std::string_view(raw).substr(1), agent)
                                   : display_name(raw, agent);
            if (raw[0] == '\x01') {
                if (!agent) continue;  // actors' names are proper names: no plural
                name = regular_plural(name);
            }
            if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(std::move(name));
        }
        return out;
    }

    // A person without an undated code: the country they held most roles
    // of stands for their nationality; else the first role's code.
    static std::string most_common_code(const std::vector<Role>& roles) {
        std::string best;
        std::size_t best_n = 0;
        for (const Role& r : roles) {
            if (!is_country(r.code)) continue;
            const auto n = std::size_t(std::count_if(
                roles.begin(), roles.end(), [&](const Role& x) { return x.code == r.code; }));
            if (n > best_n) best = r.code, best_n = n;
        }
        return best.empty() ? roles.front().code : best;
    }

    Lexicon& lexicon_;
    std::string_view text_;
    const std::string& file_;
    bool in_comment_ = false;
    std::string stripped_;  // a line without its comments
    std::optional<Record> current_;
    std::map<std::string, std::vector<std::string>> macros_;
    std::map<std::string, Entry> agents_;
    std::unordered_map<std::string, std::size_t> first_line_;
};

}  // namespace

void load_tabari_lexicon(Lexicon& lexicon, std::string_view text, const std::string& file) {
    TabariReader(lexicon, text, file).read();
}

}  // namespace eventgraph::lexicon
