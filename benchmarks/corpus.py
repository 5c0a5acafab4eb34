"""A deterministic generator of strategy-style Russian text for the extraction benchmark.

Document ``i`` of seed ``s`` depends only on ``(s, i)``, so a smaller corpus is always a prefix of a
larger one and a corpus on disk only ever grows. Text is built by filling the sentence templates of
``data/templates.txt`` with names and vocabulary from ``data/*.txt``, inflected with pymorphy3
(words up to and including the first noun are inflected, the tail is kept, as in real names).

Run it alone to generate and print statistics:  python benchmarks/corpus.py --size-mb 20
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CORPUS_ROOT = HERE / ".corpus"
GEN_VERSION = 1
MB = 1_000_000  # sizes are decimal megabytes of UTF-8 text

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
SLOT_RE = re.compile(r"\{([A-Z0-9]+)(?::([a-z0-9,]+))?\}")
PATTERN_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2", "gen2")
DASH = " – "

MIN_DOC_BYTES = 5_000
MAX_DOC_BYTES = 200_000


# ---------------------------------------------------------------- data files

def read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in read_list(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


@dataclass(frozen=True)
class Names:
    regions: tuple[str, ...]
    short_names: tuple[str, ...]
    countries: tuple[str, ...]
    foreign_regions: tuple[str, ...]
    cities: tuple[str, ...]
    districts: tuple[str, ...]
    abbreviations: tuple[str, ...]
    partner_adjectives: tuple[str, ...]


def load_names() -> Names:
    return Names(
        regions=tuple(read_list("regions.txt")),
        short_names=tuple(read_list("short_names.txt")),
        countries=tuple(read_list("countries.txt")),
        foreign_regions=tuple(read_list("foreign_regions.txt")),
        cities=tuple(read_list("cities.txt")),
        districts=tuple(read_list("federal_districts.txt")),
        abbreviations=tuple(read_list("abbreviations.txt")),
        partner_adjectives=tuple(read_list("country_adjectives.txt")),
    )


# ---------------------------------------------------------------- inflection

def restore_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    old_parts, new_parts = original.split("-"), word.split("-")
    if len(old_parts) != len(new_parts):
        return word[:1].upper() + word[1:] if original[:1].isupper() else word
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(old_parts, new_parts))


class Inflector:
    """Inflects names and noun phrases with pymorphy3; every answer is cached."""

    def __init__(self):
        import pymorphy3
        self.morph = pymorphy3.MorphAnalyzer()

    # -- choosing parses
    def _parses(self, word: str):
        return self.morph.parse(word)

    def _pick(self, word: str, want_noun: bool):
        parses = [p for p in self._parses(word) if "nomn" in p.tag]
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        adjectives = [p for p in parses if p.tag.POS in ("ADJF", "PRTF")]
        preferred = (nouns or adjectives) if want_noun else (adjectives or nouns)
        return preferred[0] if preferred else None

    # -- one word
    def _inflect_word(self, word: str, parse, case: str, number: str) -> str | None:
        grams = {number, case}
        form = parse.inflect(grams)
        if form is None and case in ("loc2", "gen2"):
            form = parse.inflect({number, {"loc2": "loct", "gen2": "gent"}[case]})
        if form is None:
            return None
        return restore_case(word, form.word)

    def _split_head(self, word: str) -> tuple[str, str, str]:
        """(prefix, head, suffix): the part of a hyphenated word that changes."""
        if "-" not in word or self.morph.word_is_known(word.lower()):
            return "", word, ""
        if "-на-" in word:
            head, _, rest = word.partition("-на-")
            return "", head, "-на-" + rest
        prefix, _, head = word.rpartition("-")
        return prefix + "-", head, ""

    # -- a segment: inflect up to and including the first noun
    def _segment(self, segment: str, case: str, number: str) -> tuple[str | None, bool]:
        words = segment.split(" ")
        plan, noun_at = [], None
        for i, word in enumerate(words):
            if word.startswith("(") or (word.isupper() and len(word) > 1):
                break
            prefix, head, suffix = self._split_head(word)
            parse = self._pick(head, want_noun=(i == len(words) - 1))
            if parse is None:
                break
            plan.append((prefix, head, suffix, parse))
            if parse.tag.POS == "NOUN":
                noun_at = i
                break
        if noun_at is None:
            return segment, False
        noun = plan[-1][3]
        if number == "sing" and noun.tag.number == "plur":
            number = "plur"
        masc_or_plural = noun.tag.gender == "masc" or number == "plur"
        out = []
        for prefix, head, suffix, parse in plan:
            word_case = case
            if parse.tag.POS != "NOUN" and case == "accs" and masc_or_plural and noun.tag.animacy != "anim":
                word_case = "nomn"
            if parse.tag.POS != "NOUN" and case in ("loc2", "gen2"):
                word_case = {"loc2": "loct", "gen2": "gent"}[case]
            form = self._inflect_word(head, parse, word_case, number)
            if form is None:
                return None, True
            out.append(prefix + form + suffix)
        return " ".join(out + words[len(plan):]), noun_at == 0

    @lru_cache(maxsize=None)
    def phrase(self, text: str, case: str, number: str = "sing") -> str | None:
        """``text`` in ``case`` and ``number``; None when the phrase has no such form."""
        if case == "nomn" and number == "sing":
            return text
        segments = text.split(DASH)
        first, noun_first = self._segment(segments[0], case, number)
        if first is None:
            return None
        if noun_first:
            return DASH.join([first] + segments[1:])
        rest = [self._segment(s, case, number)[0] for s in segments[1:]]
        return None if None in rest else DASH.join([first] + rest)

    @lru_cache(maxsize=None)
    def adjective(self, lemma: str, case: str, number: str, gender: str | None = None) -> str:
        parse = self._pick(lemma, want_noun=False)
        if parse is None or parse.tag.POS not in ("ADJF", "PRTF"):
            return lemma
        grams = {case, number} | ({gender} if gender and number == "sing" else set())
        form = parse.inflect(grams)
        return lemma if form is None else restore_case(lemma, form.word)

    @lru_cache(maxsize=None)
    def noun_phrase(self, adjective: str, noun: str, case: str, number: str) -> str:
        noun_parse = self._pick(noun, want_noun=True)
        if number == "plur" and noun_parse is not None and "Sgtm" in noun_parse.tag:
            number = "sing"
        head = self.phrase(noun, case, number) or noun
        gender = noun_parse.tag.gender if noun_parse is not None else None
        adj_case = case
        if case == "accs" and (gender == "masc" or number == "plur"):
            adj_case = "nomn"
        if case in ("loc2", "gen2"):
            adj_case = {"loc2": "loct", "gen2": "gent"}[case]
        return f"{self.adjective(adjective, adj_case, number, gender)} {head}"

    def adjective_forms(self, word: str) -> set[str]:
        parse = self._pick(word, want_noun=False)
        if parse is None or parse.tag.POS != "ADJF":
            return {word}
        return {p.word for p in parse.lexeme if p.tag.POS == "ADJF"}

    def region_adjective(self, region: str) -> str | None:
        """'тульский' for 'Тульская область'; None when the name does not start with one."""
        first = region.split(" ")[0]
        parse = self._pick(first, want_noun=False)
        if parse is None or parse.tag.POS != "ADJF" or len(region.split(" ")) < 2:
            return None
        return parse.normal_form


# ---------------------------------------------------------------- sentences

class Writer:
    """Fills templates for one document; ``rng`` decides everything."""

    def __init__(self, inflector: Inflector, names: Names, lexicon, templates, rng: random.Random):
        self.inf, self.names, self.lex, self.templates, self.rng = inflector, names, lexicon, templates, rng
        self.author = rng.choice(names.regions)
        self.coop_share = min(0.5, rng.betavariate(1.4, 8.6))  # mean ~0.14, varies by document
        self.sentences = self.coop_sentences = 0
        self.list_heads = [r for r in names.regions if re.fullmatch(r"\S+ская область|\S+ский край", r)]

    # -- slots
    def _name(self, pool, case, number):
        for _ in range(8):
            form = self.inf.phrase(self.rng.choice(pool), case, number)
            if form is not None:
                return form
        return self.inf.phrase(pool[0], case, "sing")

    def _region(self, case, number):
        pool = self.names.short_names if self.rng.random() < 0.2 else self.names.regions
        return self._name([r for r in pool if r != self.author] or pool, case, number)

    def _region_list(self, case):
        heads = self.rng.sample(self.list_heads, 8)
        head_noun = heads[0].split(" ")[1]
        same = [h for h in heads if h.split(" ")[1] == head_noun][: self.rng.randint(2, 4)]
        if len(same) < 2:
            return self._region(case, "sing")
        gender = "femn" if head_noun == "область" else "masc"
        adjectives = [self.inf.adjective(self.inf.region_adjective(h), case, "sing", gender) for h in same]
        adjectives = [a[:1].upper() + a[1:] for a in adjectives]
        plural = self.inf.phrase(head_noun, case, "plur")
        return f"{', '.join(adjectives[:-1])} и {adjectives[-1]} {plural}"

    def _np(self, case, number):
        return self.inf.noun_phrase(self.rng.choice(self.lex["adjective"]), self.rng.choice(self.lex["noun"]), case, number)

    def _number(self):
        value = self.rng.lognormvariate(4, 2)
        if value >= 1000:
            return f"{int(value):,}".replace(",", "\u00a0")
        return f"{value:.1f}".replace(".", ",")

    def fill(self, kind: str, grams: str | None) -> str:
        parts = (grams or "nomn").split(",")
        case = parts[0]
        number = "plur" if "plur" in parts else "sing"
        r = self.rng
        match kind:
            case "A":
                return self.inf.phrase(self.author, case, "sing") or self.author
            case "R":
                return self._region(case, number)
            case "C":
                return self._name(self.names.countries, case, number)
            case "F":
                return self._name(self.names.foreign_regions, case, number)
            case "T":
                return self._name(self.names.cities, case, number)
            case "FD":
                return self._name(self.names.districts, case, number)
            case "DIST":
                return self._name(self.lex["district"], case, number)
            case "IND":
                return self._name(self.lex["indicator"], case, number)
            case "GOAL" | "N":
                pool = self.lex["goal"] if kind == "GOAL" else self.lex["noun"]
                return self._name(pool, case, number)
            case "NP":
                return self._np(case, number)
            case "CADJ":
                word = self.inf.adjective(r.choice(self.names.partner_adjectives), case, number, "masc")
                return word[:1].upper() + word[1:] if case == "nomn" else word
            case "RLIST":
                return self._region_list(case)
            case "ABBR":
                return r.choice(self.names.abbreviations)
            case "SPH" | "ORG" | "PROJ" | "NATPROJ" | "ASSOC":
                key = {"SPH": "sphere", "ORG": "org", "PROJ": "project", "NATPROJ": "natproject",
                       "ASSOC": "association"}[kind]
                return r.choice(self.lex[key])
            case "Y0":
                return str(r.randint(2012, 2023))
            case "Y":
                return str(r.randint(2024, 2030))
            case "Y2":
                return str(r.randint(2030, 2036))
            case "NUM":
                return self._number()
            case "PCT":
                return f"{r.uniform(0.1, 60):.1f}".replace(".", ",")
            case "INT":
                return str(int(r.lognormvariate(2.5, 1)) + 2)
            case "DATE":
                return f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2012, 2023)}"
            case "SEC":
                return ".".join(str(r.randint(1, 9)) for _ in range(r.randint(2, 3)))
        raise ValueError(f"unknown slot {kind}")

    def sentence(self, as_item: bool = False) -> str:
        """One sentence; ``as_item`` lower-cases its first word unless a slot (a name) starts it."""
        coop = self.rng.random() < self.coop_share
        self.sentences += 1
        self.coop_sentences += coop
        template = self.rng.choice(self.templates["coop" if coop else "plain"])
        text = SLOT_RE.sub(lambda m: self.fill(m.group(1), m.group(2)), template)
        if as_item and not template.startswith("{"):
            return text[:1].lower() + text[1:]
        return text[:1].upper() + text[1:]

    # -- blocks
    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 7)))

    def heading(self, number: int) -> str:
        goal = self._name(self.lex["goal"], "nomn", "sing")
        return f"{number}.{self.rng.randint(1, 9)}. {goal.capitalize()} {self._np('gent', 'sing')}"

    def bullet_list(self) -> str:
        lead = self.rng.choice(["Для достижения цели необходимо решить следующие задачи:",
                                "Основными направлениями являются:", "Приоритеты на период до 2030 года:",
                                "В рамках направления предусматривается:"])
        items = []
        numbered = self.rng.random() < 0.3
        count = self.rng.randint(3, 7)
        for i in range(count):
            text = self.sentence(as_item=True).rstrip(".")
            marker = f"{i + 1})" if numbered else self.rng.choice("–-•")
            items.append(f"{marker} {text}{'.' if i == count - 1 else ';'}")
        return "\n".join([lead] + items)

    def table(self, number: int) -> str:
        years = sorted(self.rng.sample(range(2015, 2036), 4))
        rows = [f"Таблица {number}. Основные показатели {self._np('gent', 'plur')}",
                "Показатель\t" + "\t".join(map(str, years))]
        for _ in range(self.rng.randint(3, 6)):
            rows.append(self._name(self.lex["indicator"], "nomn", "sing") + "\t"
                        + "\t".join(self._number() for _ in years))
        return "\n".join(rows)

    def title(self) -> str:
        author_gen = self.inf.phrase(self.author, "gent") or self.author
        return self.rng.choice([
            f"Стратегия социально-экономического развития {author_gen} на период до {self.fill('Y2', None)} года",
            f"Государственная программа {author_gen} «{self.fill('GOAL', 'nomn').capitalize()} {self._np('gent', 'sing')}»",
            f"План мероприятий по реализации Стратегии социально-экономического развития {author_gen}",
        ])


def make_document(index: int, seed: int, inflector: Inflector, names: Names, lexicon, templates) -> tuple[str, dict]:
    rng = random.Random(f"coopatlas-bench:{seed}:{index}")
    writer = Writer(inflector, names, lexicon, templates, rng)
    target = int(math.exp(rng.uniform(math.log(MIN_DOC_BYTES), math.log(MAX_DOC_BYTES))))
    blocks, size, section, tables = [writer.title()], 0, 1, 0
    while size < target:
        roll = rng.random()
        if roll < 0.07:
            section += 1
            block = writer.heading(section)
        elif roll < 0.19:
            block = writer.bullet_list()
        elif roll < 0.22:
            tables += 1
            block = writer.table(tables)
        else:
            block = writer.paragraph()
        blocks.append(block)
        size += len(block.encode("utf-8")) + 1
    text = "\n".join(blocks) + "\n"
    return text, {"sentences": writer.sentences, "coop_sentences": writer.coop_sentences, "author": writer.author}


# ---------------------------------------------------------------- the corpus on disk

def fingerprint() -> str:
    """Changes whenever the data files, the generator or the morphology dictionaries change."""
    digest = hashlib.sha256(f"{GEN_VERSION}:{dictionary_version()}".encode())
    for path in sorted(DATA.glob("*.txt")) + [Path(__file__).resolve()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def dictionary_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("pymorphy3-dicts-ru")
    except PackageNotFoundError:
        return None


class Corpus:
    """``.corpus/v{GEN}-{fingerprint}-seed{seed}/``: numbered documents and a manifest that only grows."""

    def __init__(self, seed: int = 1, root: Path = CORPUS_ROOT):
        self.seed = seed
        self.fingerprint = fingerprint()
        self.dir = root / f"v{GEN_VERSION}-{self.fingerprint}-seed{seed}"
        self.manifest_path = self.dir / "manifest.json"

    def manifest(self) -> dict:
        if self.manifest_path.exists():
            return json.loads(self.manifest_path.read_text())
        return {"generator_version": GEN_VERSION, "seed": self.seed, "documents": []}

    def _save(self, manifest: dict) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=0))
        os.replace(tmp, self.manifest_path)

    def ensure(self, size_bytes: int, progress=None) -> list[dict]:
        """Generate documents until the corpus holds ``size_bytes``; return the prefix that does."""
        manifest = self.manifest()
        docs = manifest["documents"]
        if sum(d["bytes"] for d in docs) < size_bytes:
            self.dir.mkdir(parents=True, exist_ok=True)
            self._grow(manifest, size_bytes, progress)
        return prefix(docs, size_bytes)

    def _grow(self, manifest: dict, size_bytes: int, progress) -> None:
        inflector, names = Inflector(), load_names()
        lexicon, templates = read_sections("lexicon.txt"), read_sections("templates.txt")
        docs = manifest["documents"]
        total = sum(d["bytes"] for d in docs)
        while total < size_bytes:
            index = len(docs)
            text, stats = make_document(index, self.seed, inflector, names, lexicon, templates)
            data = text.encode("utf-8")
            name = f"doc{index:05d}.txt"
            (self.dir / name).write_bytes(data)
            docs.append({"name": name, "bytes": len(data), "chars": len(text),
                         "tokens": len(TOKEN_RE.findall(text)), "sha256": hashlib.sha256(data).hexdigest(),
                         **stats})
            total += len(data)
            if progress and index % 20 == 0:
                progress(total, size_bytes)
        self._save(manifest)

    def path(self, doc: dict) -> Path:
        return self.dir / doc["name"]


def prefix(docs: list[dict], size_bytes: int) -> list[dict]:
    """The shortest prefix of ``docs`` holding at least ``size_bytes``."""
    out, total = [], 0
    for doc in docs:
        if total >= size_bytes:
            break
        out.append(doc)
        total += doc["bytes"]
    return out


def summarize(docs: list[dict]) -> dict:
    digest = hashlib.sha256("".join(d["sha256"] for d in docs).encode()).hexdigest()
    sentences = sum(d["sentences"] for d in docs)
    return {
        "documents": len(docs),
        "bytes": sum(d["bytes"] for d in docs),
        "chars": sum(d["chars"] for d in docs),
        "tokens_regex": sum(d["tokens"] for d in docs),
        "smallest_doc_bytes": min(d["bytes"] for d in docs),
        "largest_doc_bytes": max(d["bytes"] for d in docs),
        "sentences": sentences,
        "coop_sentence_share": round(sum(d["coop_sentences"] for d in docs) / max(1, sentences), 4),
        "sha256": digest,
    }


# ---------------------------------------------------------------- gazetteer patterns for the AC scan

def build_patterns() -> list[str]:
    """Inflected, lower-cased forms of every name in data/: the Aho-Corasick ceiling's patterns."""
    inflector, names = Inflector(), load_names()
    forms: set[str] = set()
    phrases = (names.regions + names.short_names + names.countries + names.foreign_regions
               + names.cities + names.districts)
    for phrase in phrases:
        for case in PATTERN_CASES:
            for number in ("sing", "plur"):
                form = inflector.phrase(phrase, case, number)
                if form:
                    forms.add(form)
    adjectives = set(names.partner_adjectives)
    adjectives |= {a for a in map(inflector.region_adjective, names.regions + names.foreign_regions) if a}
    for adjective in adjectives:
        forms |= inflector.adjective_forms(adjective)
    # Abbreviations (РТ, ЕС) need a case-sensitive pass, and two-letter forms (Ош) occur inside
    # words: a lower-cased scan without boundary checks keeps neither.
    return sorted(p for p in {f.lower() for f in forms} if len(p) >= 3)


def patterns_file(root: Path = CORPUS_ROOT) -> Path:
    path = root / f"patterns-v{GEN_VERSION}-{fingerprint()}.txt"
    if not path.exists():
        root.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text("\n".join(build_patterns()) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print the first N characters of document 0")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = Corpus(args.seed)
    docs = corpus.ensure(int(args.size_mb * MB),
                         lambda done, want: print(f"\r{done / MB:6.1f} / {want / MB:.1f} MB", end="", file=sys.stderr))
    print(file=sys.stderr)
    print(json.dumps(summarize(docs), indent=1))
    print(f"patterns: {len(patterns_file().read_text().splitlines())}; {time.perf_counter() - started:.1f} s")
    if args.show:
        print(corpus.path(docs[0]).read_text()[: args.show])
    return 0


if __name__ == "__main__":
    sys.exit(main())
