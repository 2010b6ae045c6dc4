"""eroi: the Eroi Digitali site's own package.

- eroi.model: the content model (fields, parsers, talks, speakers, transcripts);
- eroi.plugins: the Pelican plugins that read, check and write the site;
- eroi.tools: the writers' tools (build runner, check, scaffolds, import).

How they fit together: docs/maintainers.md.
"""
