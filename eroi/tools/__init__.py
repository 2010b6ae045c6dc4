"""The writers' tools: build runner, check, scaffolds, import, local server."""
