"""SVG drawings: published only within an inert subset, else refused with the reason.

An SVG file opened on its own runs on the site's origin without the pages'
Content-Security-Policy, so it may hold shapes, text, gradients, filters and
editor metadata, and nothing that runs or loads: no ``script``, no ``on...``
attribute, no ``foreignObject`` (HTML inside), no animation (``set``,
``animate...`` can rewrite a link), no ``href`` but to a ``#fragment`` of the
drawing itself, no ``url()`` but ``url(#...)``, no ``@import``, no DTD.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from eroi.messages import N_, _
from eroi.plugins.boundary.css import unescape_css
from eroi.problems import problem, text_line

SVG = "http://www.w3.org/2000/svg"
# Inkscape, Sodipodi and RDF/Dublin Core metadata: not rendered, inert.
EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
}
ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern", "marker", "style", "switch",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
    "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
    "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
    "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
    "feSpotLight", "feTile", "feTurbulence",
}  # fmt: skip
PROCESSING = re.compile(r"<\?(?!xml\s)", re.I)
HREF = re.compile(r"(^|})href$")
# CSS that loads a file, read after CSS escapes and comments are decoded:
# any url() but url(#...), image-set(), image(), src(), @import.
CSS_LOAD = re.compile(r"(?:url|image-set|image|src)\(\s*['\"]?\s*(?!#)|@import", re.I)
HINT = N_(
    "save the drawing as a plain SVG without scripts, links or embedded pages "
    "(e.g. Inkscape's 'Plain SVG', or export it as PNG)"
)


def svg_problems(path):
    """``[]`` for an inert drawing; otherwise one problem naming what is not."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return [_refused(path, _("is not UTF-8 text"), "<")]
    if "<!" in text.replace("<![CDATA[", "").replace("<!--", ""):
        return [_refused(path, _("has a DTD (<!DOCTYPE or <!ENTITY)"), "<!")]
    if PROCESSING.search(text):
        return [_refused(path, _("has a processing instruction (<?...?>)"), "<?")]
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        return [
            problem(
                path,
                "file",
                _("is not a well-formed SVG: {error}").format(error=exc),
                _(HINT),
                line=line,
            )
        ]
    if root.tag != f"{{{SVG}}}svg":
        return [_refused(path, _("is not an SVG drawing (no <svg> root)"), "<")]
    for element in root.iter():
        namespace, _sep, name = str(element.tag).rpartition("}")
        namespace = namespace.lstrip("{")
        if namespace in EDITOR_NAMESPACES:
            continue
        if namespace != SVG or name not in ELEMENTS:
            message = _("has a <{element}> element").format(element=name)
            return [_refused(path, message, f"<{name}")]
        for attribute, value in element.attrib.items():
            local = attribute.rpartition("}")[2]
            tag = f"<{name} {local}>"
            if local.lower().startswith("on"):
                message = _("{tag} runs a script").format(tag=tag)
                return [_refused(path, message, local)]
            if HREF.search(attribute) and not value.strip().startswith("#"):
                message = _("{tag} points outside the drawing").format(
                    tag=f"<{name} href>"
                )
                return [_refused(path, message, value)]
            if CSS_LOAD.search(unescape_css(value)):
                message = _("{tag} loads a file").format(tag=tag)
                return [_refused(path, message, value[:30])]
        if name == "style" and CSS_LOAD.search(
            unescape_css("".join(element.itertext()))
        ):
            return [_refused(path, _("its <style> loads a file"), "<style")]
    return []


def _refused(path, message, needle):
    return problem(path, "file", message, _(HINT), line=text_line(path, needle))
