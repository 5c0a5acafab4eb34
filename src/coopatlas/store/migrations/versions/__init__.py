"""Revisions, oldest first: 0001 initial schema, 0002 full-text index, 0003 documents.url."""
