"""Write fravaer_desktop/core/holiday_table.py: Danish public holidays from the `holidays` package.

The program reads this table instead of importing `holidays` on every start (the package costs
~45 ms to import, most of it calendars Denmark does not use). Years outside the table still come
from the package. tests/core/test_calendar.py fails when the table and the installed package
disagree: then run this script again.

Run: .venv/bin/python scripts/generate_holiday_table.py
"""

from __future__ import annotations

from pathlib import Path

import holidays

FIRST_YEAR, LAST_YEAR = 1990, 2060
TARGET = Path(__file__).resolve().parent.parent / "fravaer_desktop" / "core" / "holiday_table.py"


def main() -> int:
    lines = [
        '"""Danish public holidays 1990–2060, generated from the `holidays` package; do not edit.',
        "",
        f"Made by scripts/generate_holiday_table.py with holidays {holidays.__version__}.",
        '"""',
        "",
        f"FIRST_YEAR, LAST_YEAR = {FIRST_YEAR}, {LAST_YEAR}",
        f'SOURCE = "holidays {holidays.__version__}"',
        "",
        "#: ISO date -> Danish name",
        "HOLIDAYS: dict[str, str] = {",
    ]
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for day, name in sorted(holidays.country_holidays("DK", years=year, language="da").items()):
            lines.append(f'    "{day.isoformat()}": "{name}",')
    lines.append("}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
