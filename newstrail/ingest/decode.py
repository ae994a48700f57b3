"""Bytes to text: UTF-8 first, then the declared charset, then a detected one.

Scraped files arrive in every encoding; a wrong guess garbles names, so the order is:
a BOM, strict UTF-8, a charset the document declares (meta tag or XML prolog), and only
then charset-normalizer's detection. Binary files are refused rather than decoded into noise.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

_DECLARED = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""", re.I)
# Share of control bytes (other than tab/newline/CR/form feed) above which a file is binary.
# Text in any encoding has almost none; 1% leaves room for stray bytes in scraped pages.
BINARY_CONTROL_SHARE = 0.01
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# Lone surrogate code points: JSON "\ud800" escapes and some codecs (UTF-7) produce them, and
# no UTF-8 consumer (hashing, lxml, SQLite) accepts them. Paired ones never reach a str.
_SURROGATE = re.compile("[\ud800-\udfff]")


def mend_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, so offsets hold)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB mean this is not a text file."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    return controls / len(head) > BINARY_CONTROL_SHARE


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a file's bytes to text or raise InputError saying why not."""
    return mend_surrogates(_decode_bytes(data, path, encoding))


def _decode_bytes(data: bytes, path: str, encoding: str | None = None) -> str:
    if not data.strip():
        raise InputError(path, "empty file")
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(path, f"cannot decode as {encoding}: {exc}") from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    if looks_binary(data):
        raise InputError(path, "binary file, not text (NUL or control bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(path, "not UTF-8 and no charset declared or detected (try --encoding)")
