"""One-time voter codes: readable to a 13-year-old, worthless to whoever steals the store.

A code is six symbols from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
``7KQ-4MX``: 31⁶ ≈ 8.9 · 10⁸ codes. The store keeps only ``scrypt(code, salt)`` with a
random salt per election and a cost (log2 of scrypt's ``n``) stored beside it, so checking a
code costs one hash while trying every possible code against a leaked store costs
8.9 · 10⁸ hashes of 16 MiB each (at cost 14, about 35 ms: ~350 CPU-days).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 6
MIN_COST, MAX_COST = 10, 20


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:3]}-{raw[3:]}"


def new_codes(n: int) -> list[str]:
    """``n`` distinct fresh codes."""
    found: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        code = new_code()
        if code not in found:
            found.add(code)
            out.append(code)
    return out


def normalise(code: str) -> str | None:
    """The code as stored (upper case, no separators), or None if it cannot be a code.

    Spaces and hyphens are ignored and small letters read as capitals, so ``7kq 4mx`` works.
    """
    raw = "".join(ch for ch in code.upper() if ch not in " -")
    if len(raw) != LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return raw


def new_salt() -> str:
    return secrets.token_hex(16)


def hash_code(code: str, salt: str, cost: int) -> str:
    """The stored form of a normalised code."""
    digest = hashlib.scrypt(
        code.encode("ascii"),
        salt=bytes.fromhex(salt),
        n=2**cost,
        r=8,
        p=1,
        maxmem=2 ** (cost + 11),
        dklen=32,
    )
    return digest.hex()


def hash_codes(codes: Iterable[str], salt: str, cost: int) -> list[str]:
    """Hashes of many codes, on every core (scrypt releases the interpreter lock)."""
    import os

    codes = [normalise(c) or "" for c in codes]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(lambda c: hash_code(c, salt, cost), codes))
