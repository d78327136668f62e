"""Reads eventgraph's event table or GeoJSON back as a user's program would.

    read_places.py csv|tsv FILE   -> the rows as a JSON list of objects (header keys)
    read_places.py geojson FILE   -> checks RFC 7946's shape, prints the features'
                                     ids, [lon, lat] and properties as JSON
"""
import csv
import json
import sys


def table(path, dialect):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, dialect=dialect))
    print(json.dumps(rows, ensure_ascii=False))


def geojson(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    assert doc["type"] == "FeatureCollection", doc["type"]
    out = []
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = feature["properties"]
        for key, value in props.items():
            assert not isinstance(value, (dict, list)), f"{key} is not flat"
        assert props["lat"] == lat and props["lon"] == lon
        out.append({"id": feature["id"], "coordinates": [lon, lat], "properties": props})
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "geojson":
        geojson(path)
    else:
        table(path, csv.excel if kind == "csv" else csv.excel_tab)
