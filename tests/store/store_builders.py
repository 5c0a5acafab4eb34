"""Small invented documents and their coded facts for the store tests (no extractor needed)."""
from __future__ import annotations

from coopatlas.model import Arity, Direction, DocumentResult, Evidence, Fact, Specificity, Sphere, Status
from coopatlas.store import DocumentMeta, sha256_of


def span(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(start, start + len(quote), quote)


def fact(text: str, quote: str, parties=(), implied=(), spheres=(), specificity="formal", status="agreed",
         direction="interregional", arity="bilateral", years=(), why=None) -> Fact:
    return Fact(
        parties=tuple(parties), implied=tuple(implied), spheres=tuple(Sphere(s) for s in spheres),
        specificity=Specificity(specificity), status=Status(status),
        direction=None if direction is None else Direction(direction),
        arity=None if arity is None else Arity(arity), years=tuple(years),
        evidence=(span(text, quote),), why=why or {"status": ["test"]},
    )


def meta_for(text: str, path: str, **fields) -> DocumentMeta:
    return DocumentMeta(path=path, sha256=sha256_of(text), format="txt", size_bytes=len(text.encode()),
                        **fields)


def result(path: str, author: str | None, facts=(), language="ru", error=None) -> DocumentResult:
    return DocumentResult(document=path, author=author, language=language, facts=tuple(facts), error=error)


# Four invented documents: Kaluga (central), Pskov (north-west), Tatarstan (volga), and an
# English note by Karelia (north-west) without a year.
KALUGA = ("Калужская область заключила соглашение о торгово-экономическом и культурном сотрудничестве "
          "с Тамбовской областью. Открыт авиарейс Калуга — Минск, товарооборот с Республикой Беларусь "
          "вырос на 20 %.")
PSKOV = ("Псковская область развивает приграничное сотрудничество с Эстонией в сфере туризма. "
         "Планируется создание совместного туристического маршрута в 2025–2027 годах. "
         "Ёлочный фестиваль проводится совместно с Ленинградской областью.")
TATARSTAN = ("Республика Татарстан подписала план мероприятий с Калужской областью на 2024–2026 годы "
             "в области образования и науки.")
KARELIA = "The Republic of Karelia cooperates with Finland in education and environmental protection."


def corpus() -> list[tuple[DocumentMeta, str, DocumentResult]]:
    return [
        (meta_for(KALUGA, "ru/kaluga-2021.txt", year_adopted=2021, year_horizon=2030, title="Стратегия Калужской области",
                  doc_type="strategy", source="folder"),
         KALUGA,
         result("ru/kaluga-2021.txt", "RU-KLU", [
             fact(KALUGA, KALUGA[: KALUGA.index(".") + 1], ["RU-KLU", "RU-TAM"], spheres=["trade_investment", "culture"]),
             fact(KALUGA, KALUGA[KALUGA.index("Открыт"):], ["BY", "RU-KLU"], spheres=["transport_logistics", "trade_investment"],
                  specificity="detailed", status="implemented", direction="cross_border"),
         ])),
        (meta_for(PSKOV, "ru/pskov-2019.txt", year_adopted=2019, title="Стратегия Псковской области", doc_type="strategy",
                  url="https://example.org/pskov"),
         PSKOV,
         result("ru/pskov-2019.txt", "RU-PSK", [
             fact(PSKOV, PSKOV[: PSKOV.index("Ёлочный")].strip(), ["EE", "RU-PSK"], spheres=["tourism"],
                  specificity="detailed", status="intended", direction="cross_border", years=[2025, 2027]),
             fact(PSKOV, PSKOV[PSKOV.index("Ёлочный"):], ["RU-LEN", "RU-PSK"], spheres=["culture"],
                  specificity="detailed", status="implemented"),
         ])),
        (meta_for(TATARSTAN, "ru/tatarstan-2024.txt", year_adopted=2024, doc_type="plan"),
         TATARSTAN,
         result("ru/tatarstan-2024.txt", "RU-TA", [
             fact(TATARSTAN, TATARSTAN, ["RU-KLU", "RU-TA"], spheres=["education", "science_innovation"],
                  specificity="detailed", status="agreed", years=[2024, 2026]),
         ])),
        (meta_for(KARELIA, "en/karelia.txt", language="en"),
         KARELIA,
         result("en/karelia.txt", "RU-KR", [
             fact(KARELIA, KARELIA, ["FI", "RU-KR"], implied=["RU-MUR"], spheres=["education", "environment"],
                  specificity="formal", status="implemented", direction="cross_border", years=[2020]),
         ], language="en")),
    ]


def fill(store, version: str = "1.0") -> dict[str, int]:
    """Store the corpus in one run; the document ids by path."""
    run = store.start_run(version, {"corpus": "test"})
    ids = {meta.path: store.save_document(meta, text, coded, run) for meta, text, coded in corpus()}
    store.finish_run(run)
    return ids
