"""Qt-free storage: SQLite through sqlite-utils, migrations, repositories, backups."""
