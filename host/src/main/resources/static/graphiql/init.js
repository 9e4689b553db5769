/*
 * Starts GraphiQL for the Aftersales host (loaded by index.html, after React and GraphiQL).
 *
 *   /graphiql/index.html                          -> posts to /graphql
 *   /graphiql/index.html?endpoint=/admin/graphql  -> posts to /admin/graphql
 *
 * Headers: the headers editor starts as {"X-Shop-Id": "demo"}. Edit the shop there, and paste
 * "Authorization": "Bearer <token>" into it when the endpoint needs a token.
 */
(function () {
  'use strict';

  var DEFAULT_SHOP = 'demo';

  // The endpoint comes from ?endpoint=..., else the host's /graphql. It is resolved relative to
  // this page ('../graphql' = /graphql, kept relative so a servlet context path still works).
  // Only same-origin endpoints are accepted: otherwise a crafted link could send the token the
  // user pastes to another site.
  var requested = new URLSearchParams(window.location.search).get('endpoint') || '../graphql';
  var url = new URL(requested, window.location.href);
  if (url.origin !== window.location.origin) {
    console.warn('GraphiQL: ignoring cross-origin endpoint ' + requested);
    url = new URL('../graphql', window.location.href);
  }
  var endpoint = url.pathname + url.search;

  var httpFetcher = GraphiQL.createFetcher({ url: endpoint });

  // Sends whatever the headers editor holds, plus two fixes: X-Shop-Id falls back to the demo
  // shop if the user removed it (any letter case counts), and headers left empty
  // (e.g. "Authorization": "") are left out instead of sent blank.
  function fetcher(graphQLParams, opts) {
    var headers = {};
    var fromEditor = (opts && opts.headers) || {};
    Object.keys(fromEditor).forEach(function (name) {
      var value = fromEditor[name];
      if (value !== null && value !== undefined && String(value).trim() !== '') {
        headers[name] = String(value);
      }
    });
    var hasShop = Object.keys(headers).some(function (name) {
      return name.toLowerCase() === 'x-shop-id';
    });
    if (!hasShop) {
      headers['X-Shop-Id'] = DEFAULT_SHOP;
    }
    return httpFetcher(graphQLParams, Object.assign({}, opts, { headers: headers }));
  }

  // GraphiQL 2.x saves each run's headers with its history entry ("queries", "favorites") even
  // with shouldPersistHeaders off. Remove Authorization from what is written to localStorage.
  function withoutAuthorization(json) {
    try {
      var data = JSON.parse(json);
      Object.keys(data).forEach(function (list) {
        if (!Array.isArray(data[list])) return;
        data[list].forEach(function (item) {
          if (!item || typeof item.headers !== 'string' || item.headers.trim() === '') return;
          try {
            var headers = JSON.parse(item.headers);
            Object.keys(headers).forEach(function (name) {
              if (name.toLowerCase() === 'authorization') delete headers[name];
            });
            item.headers = JSON.stringify(headers, null, 2);
          } catch (e) {
            item.headers = null; // not JSON: drop it all rather than risk keeping a token
          }
        });
      });
      return JSON.stringify(data);
    } catch (e) {
      return json;
    }
  }

  // Tabs and queries are saved in localStorage under a per-endpoint prefix, so /graphql and
  // /admin/graphql (different schemas) don't show each other's queries.
  var prefix = 'aftersales:' + endpoint + ':';
  var storage = {
    getItem: function (key) { return window.localStorage.getItem(prefix + key); },
    setItem: function (key, value) {
      if (/:(queries|favorites)$/.test(key)) value = withoutAuthorization(value);
      window.localStorage.setItem(prefix + key, value);
    },
    removeItem: function (key) { window.localStorage.removeItem(prefix + key); },
    clear: function () {
      Object.keys(window.localStorage)
        .filter(function (key) { return key.indexOf(prefix) === 0; })
        .forEach(function (key) { window.localStorage.removeItem(key); });
    },
    get length() {
      return Object.keys(window.localStorage)
        .filter(function (key) { return key.indexOf(prefix) === 0; }).length;
    }
  };

  document.title = 'Aftersales · GraphiQL · ' + endpoint;

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      storage: storage,
      defaultHeaders: JSON.stringify({ 'X-Shop-Id': DEFAULT_SHOP }, null, 2),
      // Open the headers pane so the shop and the Authorization header are in view.
      defaultEditorToolsVisibility: 'headers',
      // Never write headers (and so a pasted token) to localStorage; this also hides the toggle.
      shouldPersistHeaders: false
    })
  );
})();
