"""Short lowercase topics from keywords in a sentence."""
from __future__ import annotations

import re

TOPICS = {
    "critical and emerging technologies": r"critical and emerging technolog",
    "technology": r"\btech(?:nology|nologies)?\b",
    "trade": r"\btrade\b|\btariff",
    "defence": r"\bdefen[cs]e\b|\bmilitary\b",
    "security": r"\bsecurity\b|\bterror",
    "energy": r"\benergy\b|\boil\b|\bgas\b|\bnuclear power",
    "climate": r"\bclimate\b",
    "investment": r"\binvestment",
    "migration": r"\bmigra",
    "health": r"\bhealth\b|\bvaccin",
    "connectivity": r"\bconnectivity\b|\brail\b|\bcorridor\b",
    "maritime": r"\bmaritime\b|\bnaval\b|\bsea\b",
    "ukraine": r"\bukrain",
    "gaza": r"\bgaza\b",
    "bilateral cooperation": r"\bbilateral (?:cooperation|ties|relations)\b",
}


def find_topics(sentence: str) -> list[str]:
    """Topics a sentence mentions."""
    return [topic for topic, pattern in TOPICS.items() if re.search(pattern, sentence, re.I)]
