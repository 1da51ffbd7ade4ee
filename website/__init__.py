"""The public site: home, claim list and pages, topic, actor and source pages, methodology,
feeds and sitemaps. A face: every read goes through the domain's public querysets
(``claims.visibility``) and positions (``claims.positions``)."""
