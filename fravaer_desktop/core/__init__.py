"""Qt-free, database-free domain: dataclasses and pure functions."""
