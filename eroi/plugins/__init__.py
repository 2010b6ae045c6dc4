"""The Pelican plugins of the site: each module or package has its register()."""
