"""The content model: fields, parsers and the values the site is made of."""
