"""Blocks and sentences: the shortcut for blocks with no sentence mark gives what razdel gives."""
import pytest
from razdel import sentenize

from coopatlas.nlp.segment import blocks, sentences

TEXTS = [
    "4.3. Сотрудничество с Республикой Беларусь",
    "| 3.2 | Организованный набор граждан Республики Узбекистан | 2022 | комитет |",
    "ПЛАН МЕРОПРИЯТИЙ\nпо развитию межрегионального сотрудничества на 2024–2026 годы",
    "Область сотрудничает с Тульской областью. Соглашение подписано в 2019 г. в Туле!",
    "Cooperation with China\n\nThe Territory and Heilongjiang held a fair; it drew 40 firms.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_match_razdel(text):
    for start, end in blocks(text):
        expected = [(start + s.start, start + s.stop) for s in sentenize(text[start:end])]
        assert list(sentences(text, start, end)) == expected
