// The test app's page script. Config (clientId, scopes...) lives in localStorage so it survives
// the redirects of the flows; window.testApp is what the specs call through page.evaluate.
(function () {
  var ISSUER = __ISSUER__;
  var CONFIG_KEY = "e2e-test-app-config";
  var Sdk = window.OktaAuth && window.OktaAuth.OktaAuth ? window.OktaAuth.OktaAuth : window.OktaAuth;

  function config() {
    return JSON.parse(localStorage.getItem(CONFIG_KEY) || "{}");
  }
  function auth(overrides) {
    var c = config();
    var options = Object.assign(
      { issuer: ISSUER, clientId: c.clientId, redirectUri: location.origin + "/callback", postLogoutRedirectUri: location.origin + "/signed-out", scopes: c.scopes || ["openid", "email", "profile", "offline_access"], pkce: true, tokenManager: { autoRenew: false, autoRemove: false } },
      overrides || {},
    );
    return new Sdk(options);
  }
  function describeError(error) {
    return { name: error && error.name, errorCode: error && error.errorCode, errorSummary: error && error.errorSummary, message: error && error.message };
  }
  function show(status, result) {
    document.getElementById("status").textContent = status;
    document.getElementById("result").textContent = JSON.stringify(result);
  }

  window.testApp = {
    sdkLoaded: typeof Sdk === "function",
    configure: function (c) {
      localStorage.setItem(CONFIG_KEY, JSON.stringify(c));
    },
    auth: auth,
    describeError: describeError,
    /** what the token manager holds: raw tokens and a few claims */
    stored: async function () {
      var tokens = await auth().tokenManager.getTokens();
      return {
        accessToken: tokens.accessToken ? tokens.accessToken.accessToken : null,
        idToken: tokens.idToken ? tokens.idToken.idToken : null,
        refreshToken: tokens.refreshToken ? tokens.refreshToken.refreshToken : null,
        claims: tokens.idToken ? tokens.idToken.claims : null,
        scopes: tokens.accessToken ? tokens.accessToken.scopes : null,
      };
    },
    /** runs fn(authClient) and answers {ok, value} or {ok:false, error} (errors do not cross evaluate well) */
    run: async function (fn, overrides) {
      try {
        return { ok: true, value: await fn(auth(overrides)) };
      } catch (error) {
        return { ok: false, error: describeError(error) };
      }
    },
  };

  // Landing pages: /callback parses the code response (PKCE); /implicit parses a fragment.
  (async function () {
    try {
      if (location.pathname === "/callback" && (location.search || location.hash)) {
        // an implicit response arrives in the fragment: the SDK reads it there only without PKCE
        var a = auth(location.hash ? { pkce: false, responseMode: "fragment" } : {});
        if (new URLSearchParams(location.search).get("error")) {
          var q = new URLSearchParams(location.search);
          return show("error", { error: q.get("error"), error_description: q.get("error_description"), state: q.get("state") });
        }
        var res = await a.token.parseFromUrl();
        a.tokenManager.setTokens(res.tokens);
        return show("signed-in", { state: res.state, scopes: res.tokens.accessToken && res.tokens.accessToken.scopes, sub: res.tokens.idToken && res.tokens.idToken.claims.sub });
      }
      if (location.pathname === "/implicit" && location.hash) {
        return show("fragment", Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
      }
      if (location.pathname === "/signed-out") return show("signed-out", { search: location.search });
      show("ready", {});
    } catch (error) {
      show("error", describeError(error));
    }
  })();
})();
