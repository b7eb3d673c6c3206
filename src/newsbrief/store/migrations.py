"""Ordered, named, append-only schema migrations, recorded in ``_migrations``.

Add new migrations at the end of :data:`MIGRATIONS`; never edit or reorder one that has
shipped. Each has a PostgreSQL twin of the same name in :mod:`newsbrief.store.migrations_pg`
(a test checks that both lists name the same migrations in the same order). Opening a database applies the missing ones in order, so a newer newsbrief
upgrades an older database in place.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

__all__ = ["MIGRATIONS", "apply_migrations", "applied_migrations"]

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            site_url TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            weight REAL NOT NULL DEFAULT 1.0,
            added_at TEXT NOT NULL,
            last_fetch_at TEXT,
            last_success_at TEXT,
            http_status INTEGER,
            etag TEXT,
            last_modified TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_poll_at TEXT,
            item_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL UNIQUE,
            source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
            outlet TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL,
            fetched TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            html TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT '',
            simhash INTEGER NOT NULL DEFAULT 0,
            is_teaser INTEGER NOT NULL DEFAULT 0,
            duplicate_of TEXT,
            date_source TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE TABLE skips (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            stage TEXT NOT NULL,
            what TEXT NOT NULL,
            reason TEXT NOT NULL,
            UNIQUE(stage, what, reason)
        );
        CREATE TABLE embeddings (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (article_id, model)
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            merged_into TEXT
        );
        CREATE TABLE memberships (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(id),
            score REAL NOT NULL DEFAULT 0,
            reasons TEXT NOT NULL DEFAULT '{}',
            assigned_at TEXT NOT NULL
        );
        CREATE INDEX memberships_story ON memberships(story_id);
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            story_id TEXT,
            day TEXT NOT NULL,
            article_ids TEXT NOT NULL,
            sentence TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL
        );
        CREATE INDEX facts_type_day ON facts(type, day);
        CREATE TABLE digests (
            date TEXT PRIMARY KEY,
            generated_at TEXT NOT NULL,
            title TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE digest_stories (
            date TEXT NOT NULL REFERENCES digests(date) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            rank INTEGER NOT NULL,
            article_ids TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (date, story_id)
        );
        """,
    ),
    (
        "0002_article_search",
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
        );
        INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles;
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """,
    ),
    (
        "0003_sends",
        """
        CREATE TABLE sends (
            id INTEGER PRIMARY KEY,
            digest_date TEXT NOT NULL,
            delivery TEXT NOT NULL,
            channel TEXT NOT NULL,
            recipient TEXT NOT NULL,
            recipient_key TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            status TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            next_attempt_at TEXT,
            error TEXT NOT NULL DEFAULT '',
            idempotency_key TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            UNIQUE(digest_date, delivery, recipient_key, attempt)
        );
        CREATE INDEX sends_started ON sends(started_at);
        """,
    ),
    (
        "0004_article_cleaning",
        """
        ALTER TABLE articles ADD COLUMN clean_text TEXT;
        ALTER TABLE articles ADD COLUMN clean_hash TEXT;
        ALTER TABLE articles ADD COLUMN cuts TEXT;
        CREATE INDEX articles_outlet ON articles(outlet, published);
        """,
    ),
    (
        "0005_source_leases",
        """
        CREATE TABLE source_leases (
            source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE INDEX source_leases_owner ON source_leases(owner);
        """,
    ),
    (
        "0006_article_analysis",
        """
        CREATE TABLE article_facts (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            facts TEXT NOT NULL
        );
        CREATE TABLE sentence_vectors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            key TEXT NOT NULL,
            texts TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vectors BLOB NOT NULL,
            PRIMARY KEY (article_id, model)
        );
        """,
    ),
    (
        "0007_source_pause",
        """
        ALTER TABLE sources ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    (
        "0008_storylines",
        """
        CREATE TABLE storylines (
            id TEXT PRIMARY KEY,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            merged_into TEXT
        );
        CREATE TABLE story_storylines (
            story_id TEXT PRIMARY KEY REFERENCES stories(id),
            storyline_id TEXT NOT NULL REFERENCES storylines(id),
            reasons TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX story_storylines_line ON story_storylines(storyline_id);
        """,
    ),
    (
        "0009_sentence_parses",
        """
        CREATE TABLE sentence_parses (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            key TEXT NOT NULL,
            texts TEXT NOT NULL,
            parses BLOB NOT NULL,
            entities TEXT NOT NULL,
            PRIMARY KEY (article_id, model)
        );
        """,
    ),
)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Return the names of the migrations recorded in the database, in order.

    :param conn: an open connection.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction.

    :param conn: a connection in autocommit mode (``isolation_level=None``).
    :returns: the names applied now.
    """
    done = set(applied_migrations(conn))
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations(name, applied_at) VALUES (?, ?)",
                (name, dt.datetime.now(dt.timezone.utc).isoformat()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    out, buf = [], ""
    for line in sql.strip().splitlines():
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
