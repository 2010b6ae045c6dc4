"""sitemap.xml and robots.txt, from the pages the build described (pages.py)."""

from pathlib import Path
from xml.sax.saxutils import escape


def sitemap_xml(pages):
    """``pages``: {absolute url: lastmod or None}; one <url> each, sorted by URL."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, lastmod in sorted(pages.items()):
        lines.append(f"  <url><loc>{escape(url)}</loc>")
        if lastmod is not None:
            lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url):
    """Everything may be crawled (noindex pages say so themselves)."""
    return f"User-agent: *\nDisallow:\n\nSitemap: {sitemap_url}\n"


def write_text(output, save_as, text):
    target = Path(output, save_as)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
