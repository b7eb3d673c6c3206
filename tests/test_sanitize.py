"""Display HTML is sanitized; text extraction keeps block structure."""

from __future__ import annotations

from newsbrief.ingest.sanitize import html_to_text, paragraphs_to_html, sanitize_html


def test_sanitize_removes_scripts_handlers_and_bad_urls() -> None:
    dirty = (
        '<p onclick="x()">Hi <b>there</b><script>alert(1)</script></p><iframe src="http://e"></iframe>'
        '<a href="javascript:alert(1)">x</a><a href="https://ok.example/">ok</a><img src="data:x" onerror="y">'
        "<style>p{}</style><!-- comment -->"
    )
    clean = sanitize_html(dirty)
    for bad in ("script", "onclick", "iframe", "javascript:", "onerror", "style", "comment"):
        assert bad not in clean
    assert "<p>Hi <b>there</b></p>" in clean
    assert '<a href="https://ok.example/" rel="noopener noreferrer nofollow">ok</a>' in clean
    assert sanitize_html("") == "" and sanitize_html("   ") == ""


def test_html_to_text() -> None:
    assert (
        html_to_text("<p>One &amp; two</p><p>Three<br>Four</p><script>x()</script>")
        == "One & two\nThree\nFour"
    )
    assert html_to_text("plain &lt;text&gt;") == "plain <text>"
    assert html_to_text("") == ""
    assert html_to_text("<div>a</div>\n\n\n<div>  b  </div>") == "a\nb"


def test_paragraphs_to_html_escapes() -> None:
    assert paragraphs_to_html("a < b\n\nc & d") == "<p>a &lt; b</p>\n<p>c &amp; d</p>"


def test_relative_urls_resolved_against_the_article() -> None:
    clean = sanitize_html(
        '<a href="/about">a</a><img src="img/x.png" alt="x">', base_url="https://n.example/news/1"
    )
    assert 'href="https://n.example/about"' in clean and 'src="https://n.example/news/img/x.png"' in clean
    assert 'href="/about"' in sanitize_html('<a href="/about">a</a>')  # no base: left alone
