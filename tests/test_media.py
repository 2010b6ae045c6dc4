"""`invoke fetch-media`: remote images become local files, and the file builds."""

from tests.helpers import serve
from tests.synthetic import tiny_png

PNG = tiny_png()  # SYNTHETIC, served as image/png
OTHER_PNG = tiny_png((200, 30, 30))  # another picture, already in the site


def test_fetch_media_downloads_rewrites_and_never_overwrites(
    small_task, small_project, tmp_path
):
    task, project = small_task, small_project
    host = tmp_path / "host"
    host.mkdir()
    (host / "logo.png").write_bytes(PNG)
    images = project / "content" / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "logo.png").write_bytes(OTHER_PNG)
    article = project / "content" / "articles" / "remoto.md"
    with serve(host) as base:
        article.write_text(
            "Title: Remoto\nDate: 2021-01-01\n\n"
            f"![Il logo]({base}/logo.png)\n\n"
            f'<img src="{base}/logo.png" alt="Di nuovo">\n\n'
            f"![Mancante]({base}/manca.png)\n",
            encoding="utf-8",
        )
        refused = task("build")
        assert refused.returncode == 1
        assert (
            "content/articles/remoto.md:4: body: <img src> loads "
            f"{base}/logo.png from another site (hint: download it with "
            "'invoke fetch-media content/articles/remoto.md'"
        ) in refused.stderr
        result = task("fetch-media", "content/articles/remoto.md")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        # progress, as plain lines: the output is not a terminal
        f"fetch-media: 1/2 {base}/logo.png",
        f"fetch-media: 2/2 {base}/manca.png",
        f"content/articles/remoto.md: {base}/logo.png saved as "
        "content/images/logo-2.png",
        "fetch-media: 1 saved, 1 failed",
    ]
    assert result.stderr.splitlines() == [
        f"content/articles/remoto.md:8: image: {base}/manca.png not downloaded: "
        "File not found (hint: check the address, or save the image into content/images/ "
        "by hand)"
    ]
    assert (images / "logo.png").read_bytes() == OTHER_PNG
    assert (images / "logo-2.png").read_bytes() == PNG
    text = article.read_text(encoding="utf-8")
    assert text.count("{static}/images/logo-2.png") == 2
    assert f"{base}/manca.png" in text  # what failed is left as it was

    article.write_text(text.replace(f"![Mancante]({base}/manca.png)\n", ""))
    assert task("build").returncode == 0
    page = (project / "output/blog/2021/remoto/index.html").read_text()
    assert 'src="../../../images/logo-2.png"' in page and "127.0.0.1" not in page
