<?xml version="1.0" encoding="utf-8"?>
<!-- An Atom feed as a page, for a reader who opens it in a browser
     (eroi/plugins/feeds.py names this stylesheet in every feed). Feed
     readers ignore it. Only the feed's own text, escaped: no script, nothing
     from another site. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:template match="/atom:feed">
    <html lang="it">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> · feed Atom</title>
        <style>
          :root { color-scheme: light dark; --muted: #555; --line: #ccd; --accent: #0b5cad; }
          @media (prefers-color-scheme: dark) { :root { --muted: #bbb; --line: #445; --accent: #8cc4ff; } }
          body { font: 1rem/1.6 system-ui, sans-serif; margin: 0; padding: 1rem; overflow-wrap: anywhere; }
          main { max-width: 44rem; margin: 0 auto; }
          a { color: var(--accent); }
          .feed-note { border: 2px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; }
          ol { list-style: none; padding: 0; }
          li { border-bottom: 1px solid var(--line); padding: 0.6rem 0; }
          .entry-title { font-weight: 600; }
          .meta { color: var(--muted); font-size: 0.9rem; margin: 0; }
        </style>
      </head>
      <body>
        <main>
          <p class="feed-note"><strong>Questo è un feed Atom</strong>: serve ai
          lettori di feed (come Feeder, NetNewsWire o Thunderbird) per avvisarti
          delle novità. Per seguirlo, copia l’indirizzo di questa pagina nel tuo
          lettore.</p>
          <h1><xsl:value-of select="atom:title"/></h1>
          <xsl:if test="atom:link[@rel='alternate']/@href">
            <p><a href="{atom:link[@rel='alternate']/@href}">Vai al sito</a></p>
          </xsl:if>
          <h2>Gli ultimi contenuti</h2>
          <ol>
            <xsl:for-each select="atom:entry">
              <li>
                <a class="entry-title" href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
                <p class="meta">
                  <xsl:call-template name="date">
                    <xsl:with-param name="iso" select="(atom:published | atom:updated)[1]"/>
                  </xsl:call-template>
                  <xsl:for-each select="atom:author/atom:name">
                    <xsl:text> · </xsl:text><xsl:value-of select="."/>
                  </xsl:for-each>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- 2026-05-04T17:00:00+02:00 → 4 maggio 2026 -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:variable name="month" select="number(substring($iso, 6, 2))"/>
    <time datetime="{$iso}">
      <xsl:value-of select="number(substring($iso, 9, 2))"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="substring-before(substring-after(
        ' 1:gennaio 2:febbraio 3:marzo 4:aprile 5:maggio 6:giugno 7:luglio 8:agosto 9:settembre 10:ottobre 11:novembre 12:dicembre ',
        concat(' ', $month, ':')), ' ')"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="substring($iso, 1, 4)"/>
    </time>
  </xsl:template>
</xsl:stylesheet>
