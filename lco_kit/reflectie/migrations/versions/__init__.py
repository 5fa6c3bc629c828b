"""The revisions, oldest first by their down_revision (Alembic reads every file here but this one)."""
