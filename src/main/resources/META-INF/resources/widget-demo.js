// Writes the embedding snippet with this server's own address, as text.
(function () {
    'use strict';
    var widget = new URL('widget.js', document.baseURI).href;
    document.getElementById('snippet').textContent =
        '<div class="dicta-quote" data-quote="khamenei-neutralise-sanctions-weapon" data-lang="ur"></div>\n'
        + '<script src="' + widget + '" async></' + 'script>';
}());
