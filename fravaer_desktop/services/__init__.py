"""Use cases that combine the company file, the rules and the printed documents (Qt-free)."""
