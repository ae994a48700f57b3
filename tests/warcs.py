"""WARC files built in memory for the reader tests (warcio writes them)."""

from __future__ import annotations

import io


def warc_bytes(pages: list[tuple[str, str]], gz: bool = True) -> bytes:
    """A WARC of HTML response records, one per (url, html) pair."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    return out.getvalue()
