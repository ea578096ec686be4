"""Consolidate: corpus-level corrections of the extracted mentions, between extract and link."""
from .model import Mention, Paper


def consolidate(extracted: list[tuple[Paper, list[Mention]]], vocabulary) -> list[tuple[Paper, list[Mention]]]:
    return extracted
