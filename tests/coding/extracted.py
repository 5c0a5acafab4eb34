"""What the extractor codes for one short text, as the batch-rule tests read it (a helper module, no tests)."""
from coopatlas import extract_text


def facts(author, text):
    """The facts of `text`, with `author` given and no author inference."""
    return extract_text(text, author, infer=False).facts


def relations(author, text):
    """The party tuples of the facts that have more than one party."""
    return {f.parties for f in facts(author, text) if len(f.parties) > 1}
