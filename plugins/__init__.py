"""eroi: the Pelican plugins of the Eroi Digitali site, one package per capability.

- content_checks: one error model (``path:line: field: message (hint: ...)``)
  and the run's problems; schema.py declares every content type's fields.
- boundary: nothing in content/ publishes a byte from outside it, runs a
  script or writes over another page.
- slugs, italian_dates: URLs and Italian dates.
- author_profiles: the blog authors' roles and bios.
- video: the private YouTube facade; transcripts: caption files.
- talks: the archive of the Monday video conferences and their speakers.
- search: the Pagefind index; sharing: cards, Open Graph, JSON-LD, sitemap.
"""
