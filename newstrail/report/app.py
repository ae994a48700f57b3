"""The local web app: the report's pages, search and a JSON API over a read-only store.

Why it is built this way:
- Each request opens its own read-only connection (``Store(readonly=True)``) and closes it:
  SQLite connections are not meant to be shared across the threads FastAPI runs sync
  endpoints on, a read-only open is cheap, and a concurrent ``build`` (WAL) never blocks us.
- Everything is rendered on the server with autoescaped templates; the only script is
  ``/static/report.js``, so the Content-Security-Policy can forbid inline script and style.
- Static files are looked up by name in a fixed allow-list (:func:`render.static_files`),
  never joined to a path, so no request can reach a file outside the package.
- Errors are pages (or JSON ``{"ok": false, "error", "status"}`` under ``/api``): an unknown
  id is a 404 and a bad search query a 400 with the reason; an internal error is a plain 500
  page without a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Iterator

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import api
from ..errors import StoreError
from ..store import Store
from .links import AppLinks
from .render import render, static_files
from .views import Corpus, NotFound, actor_view, article_view, search_view, stories_view, story_view

__all__ = ["create_app", "serve", "SECURITY_HEADERS"]

log = logging.getLogger("newstrail.report")

# Strict by design: scripts and styles only from our own /static files, nothing framed,
# no plugins, forms post only to us. Inline SVG needs no exception (it is markup, not script).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CONTENT_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}
LINKS = AppLinks()


def _page(partial: str, view: dict[str, Any], title: str, status: int = 200, query: str = "") -> HTMLResponse:
    html = render("page.html", partial=partial, v=view, links=LINKS, title=title, query=query)
    return HTMLResponse(html, status_code=status)


def _error_page(status: int, title: str, message: str) -> HTMLResponse:
    return HTMLResponse(render("error.html", links=LINKS, status=status, title=title, message=message), status_code=status)


def _json_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(db_path: str | Path) -> FastAPI:
    """The web app over the store at ``db_path`` (checked now, so a wrong path fails at start)."""
    db = str(db_path)
    Store(db, readonly=True).close()  # raises StoreError naming the path if it is not a store
    app = FastAPI(title="newstrail", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db_path = db

    def corpus() -> Iterator[Corpus]:
        store = Store(db, readonly=True)
        try:
            yield Corpus(store, LINKS)
        finally:
            store.close()

    _install_middleware(app)
    _install_error_handlers(app)
    _install_pages(app, corpus)
    _install_api(app, corpus)
    return app


def _install_middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Every response, errors included, carries the CSP and nosniff headers."""
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _json_error(404, str(exc)) if _wants_json(request) else _error_page(404, "Not found", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _json_error(404, str(exc)) if _wants_json(request) else _error_page(404, "Not found", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if _wants_json(request):
            return _json_error(exc.status_code, message)
        return _error_page(exc.status_code, message, f"Nothing at {request.url.path}.")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        message = f"internal error: {type(exc).__name__} (see the server log)"
        return _json_error(500, message) if _wants_json(request) else _error_page(500, "Internal error", message)


def _install_pages(app: FastAPI, corpus: Callable[[], Iterator[Corpus]]) -> None:
    def page(path: str) -> Callable:
        """GET and HEAD (curl -I, link checkers) for every page."""
        return app.api_route(path, methods=["GET", "HEAD"], response_class=HTMLResponse)

    @page("/")
    def home(c: Corpus = Depends(corpus)) -> HTMLResponse:
        return _page("_stories.html", stories_view(c), "Stories")

    @page("/story/{story_id}")
    def story(story_id: str, c: Corpus = Depends(corpus)) -> HTMLResponse:
        view = story_view(c, story_id)
        return _page("_story.html", view, view["story"]["label"] or story_id)

    @page("/actor/{actor_id}")
    def actor(actor_id: str, c: Corpus = Depends(corpus)) -> HTMLResponse:
        view = actor_view(c, actor_id)
        return _page("_actor.html", view, view["actor"]["name"])

    @page("/article/{article_id}")
    def article(article_id: str, c: Corpus = Depends(corpus)) -> HTMLResponse:
        view = article_view(c, article_id)
        return _page("_article.html", view, view["article"].title or view["article"].source)

    @page("/search")
    def search(q: str = "", c: Corpus = Depends(corpus)) -> HTMLResponse:
        q = q[:500]  # FTS5 needs no more; a huge query would only slow the page
        view = search_view(c, q)
        return _page("_search.html", view, f"Search: {q}" if q else "Search", 400 if view["error"] else 200, query=q)

    @app.api_route("/static/{name:path}", methods=["GET", "HEAD"])
    def static(name: str) -> Response:
        """Only names in the package's allow-list; ``..``, slashes and encodings never match."""
        files = static_files()
        if name not in files:
            return _error_page(404, "Not found", "No such static file.")
        suffix = name[name.rfind("."):] if "." in name else ""
        return Response(files[name], media_type=CONTENT_TYPES.get(suffix, "application/octet-stream"),
                        headers={"Cache-Control": "no-cache"})


def _install_api(app: FastAPI, corpus: Callable[[], Iterator[Corpus]]) -> None:
    """JSON twins of the api views, in the CLI's ``--json`` shapes."""

    @app.get("/api/stories")
    def stories(c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_stories(c.store)

    @app.get("/api/stories/{story_id}")
    def story(story_id: str, c: Corpus = Depends(corpus)) -> dict[str, Any]:
        return api.story_detail(c.store, story_id)

    @app.get("/api/timeline")
    def timeline(story: str | None = None, c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_timeline(c.store, story=story)

    @app.get("/api/quotes")
    def quotes(speaker: str | None = None, story: str | None = None, c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_quotes(c.store, speaker=speaker, story=story)

    @app.get("/api/actors")
    def actors(c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_actors(c.store)

    @app.get("/api/positions")
    def positions(actor: str | None = None, c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_positions(c.store, actor=actor)

    @app.get("/api/duplicates")
    def duplicates(c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_duplicates(c.store)

    @app.get("/api/articles")
    def articles(story: str | None = None, body: bool = False, c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_articles(c.store, story=story, with_body=body)

    @app.get("/api/articles/{ref}")
    def article(ref: str, c: Corpus = Depends(corpus)) -> dict[str, Any]:
        return api.show_article(c.store, ref)

    @app.get("/api/articles/{ref}/dates")
    def dates(ref: str, c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_dates(c.store, ref)

    @app.get("/api/search")
    def search(q: str = Query(..., max_length=500), limit: int = Query(20, ge=1, le=500), c: Corpus = Depends(corpus)) -> Any:
        try:
            return api.search(c.store, q, limit)
        except StoreError as exc:
            return _json_error(400, str(exc))

    @app.get("/api/problems")
    def problems(c: Corpus = Depends(corpus)) -> list[dict[str, Any]]:
        return api.list_problems(c.store)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn; bound to 127.0.0.1 unless ``host`` says otherwise."""
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("newstrail serve is listening on %s: anyone who can reach it can read the store", host)
    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")
