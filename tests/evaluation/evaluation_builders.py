"""Small builders for evaluation tests (records written the way a coder would)."""
from coopatlas.evaluation import DocRecord, FactRecord
from coopatlas.model import Direction, Specificity, Sphere, Status


def fact(*parties, implied=(), spheres=(), specificity="formal", status="agreed",
         direction="interregional"):
    return FactRecord(
        parties=tuple(sorted(parties)),
        implied=tuple(implied),
        spheres=tuple(Sphere(s) for s in spheres),
        specificity=Specificity(specificity),
        status=Status(status),
        direction=None if direction is None else Direction(direction),
    )


def doc(name, *facts, author=None, error=None):
    return DocRecord(document=name, author=author, language="ru", facts=tuple(facts), error=error)
