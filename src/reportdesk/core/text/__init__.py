"""The text of a report: figures in its prose, whole-document rules and guided writing.

Stdlib only.  ``check_text`` runs the whole-document rules; ``paragraphs`` writes the
standard paragraphs from the tables and keeps them up to date.
"""

from reportdesk.core.text.rules import TEXT_RULES, check_text, forget_reading
from reportdesk.core.text.structure import DocumentStructure, LabelFound

__all__ = ["TEXT_RULES", "DocumentStructure", "LabelFound", "check_text", "forget_reading"]
