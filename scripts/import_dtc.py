#!/usr/bin/env python3
"""Import the DataTalks.Club podcast wiki topic graph and episode list.

Usage: python3 scripts/import_dtc.py [--shared ../shared/data]

Reads   <shared>/dtc_topic_graph.json, <shared>/dtc_episodes.json, data/topic_annotations.json
Writes  data/topics.json, data/episodes.json   (schema_version 1, see data/README.md)

Everything written is a fact from the two source files, except kind / level / summary, which come from
data/topic_annotations.json (our own assessment and wording). The output is deterministic: topics and episodes
are sorted by id, one JSON object per line, trailing newline. Every dropped reference is printed.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

SCHEMA_VERSION = 1
WIKI_URL = "https://datatalks.club/podwiki/"
TOPIC_URL = "https://datatalks.club/podwiki/wiki/{slug}/"
HUB = "machine-learning"
KINDS = ("concept", "role", "tool", "practice")
LEVELS = ("beginner", "intermediate", "advanced")
LINK_KEYS = ("apple", "spotify", "youtube")  # "anchor" is not shipped
MAX_DURATION_S = 6 * 3600  # the engine's validator rejects longer episodes

# A related title that matches no page title (case-insensitively) is still resolved when its slug form is exactly an
# existing page slug: wiki pages that were retitled keep their slug, and other pages keep linking them by the short
# name (e.g. "Orchestration" -> the page "Orchestration and Airflow", slug "orchestration"). These resolutions are
# printed separately. Set to False to resolve by title only.
RESOLVE_RELATED_BY_SLUG = True

# Episode tags (lower-cased) that do not equal a topic title but obviously name one. Tags equal to a topic title
# (case-insensitively) are mapped without being listed here. Targets must be existing slugs (checked at run time).
TAG_TOPICS = {
    "llms": "llms",
    "mlops": "mlops",
    "machine learning": "machine-learning",
    "data engineering": "data-engineering",
    "date engineering": "data-engineering",  # typo in the source tag
    "nlp": "nlp",
    "open-source": "open-source",
    "freelance": "freelance",
    "career transition": "career-transitions-in-data",
    "career transitions": "career-transitions-in-data",
    "career switch": "career-transitions-in-data",
    "startup": "startups",
    "system design": "machine-learning-system-design",
    "explainable ai": "interpretability",
    "responsible ai": "responsible-ai-and-governance",
    "ethical ai": "responsible-ai-and-governance",
    "data observability": "data-quality-and-observability",
    "data analysis": "data-analysis",
    "finops": "finops-for-data-engineers",
    "gitops": "gitops-for-data-teams",
    "autonomous driving": "autonomous-driving-ai",
    "astroinformatics": "astroinformatics-scientific-data-pipelines",
    "bioinformatics": "bioinformatics-data-science",
    "solopreneurship": "solopreneur",
}


class ImportError_(Exception):
    pass


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_json(path: Path):
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise ImportError_(f"missing input file: {path}")
    except json.JSONDecodeError as e:
        raise ImportError_(f"{path}: invalid JSON: {e}")


def dedup(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def norm_date(value):
    """Return (YYYY-MM-DD or None, problem or None)."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"not a string: {value!r}"
    v = value.strip()
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", v)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), None
        except ValueError:
            pass
    return None, f"unparseable date {value!r}"


def clean_spotify(url: str) -> str:
    """Drop an `si` tracking parameter from the query; leave everything else untouched."""
    base, sep, rest = url.partition("?")
    if not sep:
        return url
    query, hsep, frag = rest.partition("#")
    kept = [p for p in query.split("&") if p and not p.startswith("si=")]
    out = base + ("?" + "&".join(kept) if kept else "")
    return out + (hsep + frag if hsep else "")


def load_annotations(path: Path, slugs: set[str]) -> dict:
    raw = load_json(path)
    ann = raw.get("topics") if isinstance(raw, dict) else None
    if not isinstance(ann, dict):
        raise ImportError_(f"{path}: expected {{\"topics\": {{slug: {{kind, level, summary?}}}}}}")
    problems = []
    for slug in sorted(slugs):
        a = ann.get(slug)
        if not isinstance(a, dict):
            problems.append(f"{slug}: no annotation")
            continue
        if a.get("kind") not in KINDS:
            problems.append(f"{slug}: kind {a.get('kind')!r} not in {KINDS}")
        if a.get("level") not in LEVELS:
            problems.append(f"{slug}: level {a.get('level')!r} not in {LEVELS}")
        s = a.get("summary")
        if s is not None and (not isinstance(s, str) or not s.strip()):
            problems.append(f"{slug}: summary must be a non-empty string or absent")
        extra = set(a) - {"kind", "level", "summary"}
        if extra:
            problems.append(f"{slug}: unknown annotation keys {sorted(extra)}")
    for slug in sorted(set(ann) - slugs):
        problems.append(f"{slug}: annotated but not a wiki topic")
    if problems:
        raise ImportError_(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return ann


def build_topics(graph: dict, episode_ids: set[str], ann_path: Path, report: dict) -> list[dict]:
    src = graph.get("topics")
    if not isinstance(src, list):
        raise ImportError_("dtc_topic_graph.json: missing topics list")
    slugs = [t["slug"] for t in src]
    if len(set(slugs)) != len(slugs):
        raise ImportError_("dtc_topic_graph.json: duplicate slugs")
    bad = [s for s in slugs if not re.fullmatch(r"[a-z0-9-]+", s)]
    if bad:
        raise ImportError_(f"dtc_topic_graph.json: slugs not matching [a-z0-9-]+: {bad}")
    slug_set = set(slugs)
    by_title: dict[str, str] = {}
    for t in src:
        key = t["title"].strip().lower()
        if key in by_title:
            raise ImportError_(f"dtc_topic_graph.json: two topics titled {t['title']!r}")
        by_title[key] = t["slug"]
    if HUB not in slug_set:
        raise ImportError_(f"hub topic {HUB!r} missing from the wiki graph")

    ann = load_annotations(ann_path, slug_set)

    topics = []
    for t in sorted(src, key=lambda t: t["slug"]):
        slug = t["slug"]
        related = []
        for title in t.get("related", []):
            rid = by_title.get(title.strip().lower())
            if rid is None and RESOLVE_RELATED_BY_SLUG and slugify(title) in slug_set:
                rid = slugify(title)
                report["related_by_slug"].append((slug, title, rid))
            if rid is None:
                report["related_unresolved"].append((slug, title))
            elif rid == slug:
                report["related_self"].append((slug, title))
            elif rid in related:
                report["related_duplicate"].append((slug, title))
            else:
                related.append(rid)
        episodes = []
        for ep in t.get("episodes", []):
            if ep not in episode_ids:
                report["cited_missing"].append((slug, ep))
            elif ep in episodes:
                report["cited_duplicate"].append((slug, ep))
            else:
                episodes.append(ep)
        a = ann[slug]
        topics.append({
            "id": slug,
            "title": t["title"],
            "url": TOPIC_URL.format(slug=slug),
            "kind": a["kind"],
            "level": a["level"],
            "summary": a.get("summary"),
            "related": related,
            "episodes": episodes,
        })
    return topics


def build_episodes(src_eps: list, topics: list[dict], report: dict) -> list[dict]:
    topic_ids = {t["id"] for t in topics}
    by_title = {t["title"].lower(): t["id"] for t in topics}
    for tag, target in TAG_TOPICS.items():
        if target not in topic_ids:
            raise ImportError_(f"TAG_TOPICS maps {tag!r} to unknown topic {target!r}")
    ids = [e["slug"] for e in src_eps]
    if len(set(ids)) != len(ids):
        raise ImportError_("dtc_episodes.json: duplicate slugs")

    out = []
    for e in sorted(src_eps, key=lambda e: e["slug"]):
        sid = e["slug"]
        tags = list(e.get("topics") or [])
        tids = []
        for tag in tags:
            key = tag.strip().lower()
            tid = by_title.get(key) or TAG_TOPICS.get(key)
            if tid:
                tids.append(tid)
            else:
                report["tags_unmapped"][tag] = report["tags_unmapped"].get(tag, 0) + 1
        date, problem = norm_date(e.get("date_added"))
        if problem:
            report["date_dropped"].append((sid, problem))
        dur = e.get("duration_s")
        if dur is not None and not (isinstance(dur, int) and not isinstance(dur, bool) and 0 < dur <= MAX_DURATION_S):
            report["duration_dropped"].append((sid, dur))
            dur = None
        links = {}
        src_links = e.get("links") or {}
        for k in LINK_KEYS:
            v = src_links.get(k)
            if not v:
                continue
            if not isinstance(v, str) or not v.startswith("https://"):
                report["link_dropped"].append((sid, k, v))
                continue
            if k == "spotify":
                v = clean_spotify(v)
            links[k] = v
        for k in sorted(set(src_links) - set(LINK_KEYS)):
            report["link_keys_skipped"][k] = report["link_keys_skipped"].get(k, 0) + 1
        url = e.get("url")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise ImportError_(f"episode {sid}: url is not https: {url!r}")
        if not isinstance(e.get("title"), str) or not e["title"].strip():
            raise ImportError_(f"episode {sid}: title is missing or empty")
        short = e.get("short")
        if not isinstance(short, str) or not short.strip():
            # The engine needs a string; the source's own full title is the only fact we have.
            report["short_from_title"].append(sid)
            short = e["title"]
        guests = e.get("guests") or []
        if not all(isinstance(g, str) and g.strip() for g in guests):
            raise ImportError_(f"episode {sid}: empty or non-string guest name in {guests!r}")
        for field in ("season", "episode"):
            v = e.get(field)
            if v is not None and not (isinstance(v, int) and not isinstance(v, bool)):
                raise ImportError_(f"episode {sid}: {field} is not an integer: {v!r}")
        out.append({
            "id": sid,
            "title": e["title"],
            "short": short,
            "season": e.get("season"),
            "episode": e.get("episode"),
            "guests": list(guests),
            "tags": tags,
            "topics": dedup(tids),
            "date": date,
            "duration_s": dur,
            "links": links,
            "url": url,
        })
    return out


def write_json(path: Path, header: dict, key: str, items: list[dict]) -> None:
    """Header fields one per line, then one compact object per line: small and diff-friendly."""
    lines = ["{"]
    for k, v in header.items():
        lines.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append(f" {json.dumps(key)}: [")
    body = [
        "  " + json.dumps(it, ensure_ascii=False, separators=(",", ":"))
        for it in items
    ]
    lines.append(",\n".join(body))
    lines.append(" ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # sanity: round-trips
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO / ".." / "shared" / "data"),
                    help="directory holding dtc_topic_graph.json and dtc_episodes.json (default: ../shared/data "
                         "relative to the repo root)")
    args = ap.parse_args(argv)
    shared = Path(args.shared).resolve()

    report = {
        "related_unresolved": [], "related_by_slug": [], "related_self": [], "related_duplicate": [],
        "cited_missing": [], "cited_duplicate": [], "date_dropped": [], "duration_dropped": [],
        "link_dropped": [], "short_from_title": [], "link_keys_skipped": {}, "tags_unmapped": {},
    }
    try:
        graph = load_json(shared / "dtc_topic_graph.json")
        eps_src = load_json(shared / "dtc_episodes.json")
        src_eps = eps_src.get("episodes") if isinstance(eps_src, dict) else None
        if not isinstance(src_eps, list):
            raise ImportError_("dtc_episodes.json: missing episodes list")
        episode_ids = {e["slug"] for e in src_eps}
        topics = build_topics(graph, episode_ids, DATA / "topic_annotations.json", report)
        episodes = build_episodes(src_eps, topics, report)
    except (ImportError_, KeyError) as e:
        print(f"import_dtc: ERROR: {e}", file=sys.stderr)
        return 1

    write_json(DATA / "topics.json", {
        "schema_version": SCHEMA_VERSION,
        "source": "DataTalks.Club podcast wiki",
        "source_url": WIKI_URL,
        "hub": HUB,
    }, "topics", topics)
    write_json(DATA / "episodes.json", {
        "schema_version": SCHEMA_VERSION,
        "show": "datatalks-club",
        "source": "DataTalks.Club podcast",
        "source_url": "https://datatalks.club/podcast.html",
    }, "episodes", episodes)

    n_rel = sum(len(t["related"]) for t in topics)
    n_cit = sum(len(t["episodes"]) for t in topics)
    n_sum = sum(1 for t in topics if t["summary"])
    n_tagged = sum(1 for e in episodes if e["topics"])
    print(f"topics: {len(topics)} ({n_sum} with summary)  related edges: {n_rel}  "
          f"cited-episode edges: {n_cit}  episodes: {len(episodes)} ({n_tagged} with topics)")
    print(f"wrote {DATA / 'topics.json'} and {DATA / 'episodes.json'}")

    def section(name, rows, fmt):
        print(f"{name}: {len(rows)}")
        for r in rows:
            print("  " + fmt(r))

    section("related titles resolved by slug (title differs from the page title)", report["related_by_slug"],
            lambda r: f"{r[0]}: {r[1]!r} -> {r[2]}")
    section("DROPPED related: no such page", report["related_unresolved"], lambda r: f"{r[0]}: {r[1]!r}")
    section("DROPPED related: self-reference", report["related_self"], lambda r: f"{r[0]}: {r[1]!r}")
    section("DROPPED related: duplicate", report["related_duplicate"], lambda r: f"{r[0]}: {r[1]!r}")
    section("DROPPED cited episode: not in dtc_episodes.json", report["cited_missing"],
            lambda r: f"{r[0]}: {r[1]}")
    section("DROPPED cited episode: duplicate", report["cited_duplicate"], lambda r: f"{r[0]}: {r[1]}")
    section("DROPPED date", report["date_dropped"], lambda r: f"{r[0]}: {r[1]}")
    section("DROPPED duration", report["duration_dropped"], lambda r: f"{r[0]}: {r[1]!r}")
    section("DROPPED link (not https)", report["link_dropped"], lambda r: f"{r[0]}.{r[1]}: {r[2]!r}")
    section("episodes without a short title (full title used)", report["short_from_title"], str)
    skipped = report["link_keys_skipped"]
    print("link kinds not shipped: " + (", ".join(f"{k} x{n}" for k, n in sorted(skipped.items())) or "none"))
    unm = report["tags_unmapped"]
    print(f"episode tags naming no topic (kept in tags, not in topics): {len(unm)} distinct, "
          f"{sum(unm.values())} uses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
