// The lexicon schema, compiled in so that an installed program validates
// without the source tree. A copy of schemas/lexicon.schema.json: a test
// fails if the two differ, so edit the file and paste it here.

#include "eventgraph/lexicon/load.hpp"

namespace eventgraph::lexicon {

std::string_view lexicon_schema_text() {
    static constexpr std::string_view text = R"schema({
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "eventgraph actor lexicon",
  "description": "One lexicon file: actors with their names, adjectives, metonyms and dated roles (notes/lexicon-format.md).",
  "type": "object",
  "additionalProperties": false,
  "required": ["entries"],
  "properties": {
    "lexicon": {"type": "string"},
    "description": {"type": "string"},
    "entries": {"type": "array", "items": {"$ref": "#/definitions/entry"}}
  },
  "definitions": {
    "date": {
      "type": "string",
      "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    },
    "words": {
      "type": "array",
      "items": {"type": "string", "minLength": 1}
    },
    "role": {
      "type": "object",
      "additionalProperties": false,
      "required": ["title", "code"],
      "properties": {
        "title": {"type": "string", "minLength": 1},
        "code": {"type": "string", "minLength": 1},
        "start": {"$ref": "#/definitions/date"},
        "end": {"$ref": "#/definitions/date"}
      }
    },
    "entry": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id"],
      "properties": {
        "id": {"type": "string", "minLength": 1},
        "code": {"type": "string"},
        "kind": {"enum": ["country", "person", "organisation", "group", "agent", "place"]},
        "name": {"type": "string", "minLength": 1},
        "names": {"$ref": "#/definitions/words"},
        "adjectives": {"$ref": "#/definitions/words"},
        "metonyms": {"$ref": "#/definitions/words"},
        "roles": {"type": "array", "items": {"$ref": "#/definitions/role"}},
        "agent": {"type": "string"},
        "cameo": {"type": "string", "pattern": "^([A-Z]{3}|---)([A-Z]{3})*$"},
        "merge": {"type": "boolean"}
      },
      "anyOf": [
        {"required": ["merge"], "properties": {"merge": {"enum": [true]}}},
        {"required": ["code", "kind", "name"]}
      ]
    }
  }
}
)schema";
    return text;
}

}  // namespace eventgraph::lexicon
