"""CVR numbers: eight digits with a modulus-11 check."""

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def normalise_cvr(text: str) -> str:
    """Strip spaces and a leading 'DK' so '  DK 1234 5678' becomes '12345678'."""
    cleaned = text.replace(" ", "").replace("-", "").strip()
    if cleaned.upper().startswith("DK"):
        cleaned = cleaned[2:]
    return cleaned


def is_valid_cvr(text: str) -> bool:
    """True for eight digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11."""
    digits = normalise_cvr(text)
    # isascii: str.isdigit() also accepts digits such as "²" or "١", which int() may refuse.
    if len(digits) != 8 or not (digits.isascii() and digits.isdigit()) or digits[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0
