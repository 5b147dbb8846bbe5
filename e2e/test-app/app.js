// The test app's page script. Config (clientId, scopes, issuer...) lives in localStorage so it survives
// the redirects of the flows; window.testApp is what the specs call through page.evaluate, and the
// Sign in / Sign out buttons are what people use (npm run sample-app).
(function () {
  var ISSUER = __ISSUER__;
  var DEFAULT_CLIENT_ID = __CLIENT_ID__;
  var CONFIG_KEY = "e2e-test-app-config";
  var Sdk = window.OktaAuth && window.OktaAuth.OktaAuth ? window.OktaAuth.OktaAuth : window.OktaAuth;

  function config() {
    var stored = JSON.parse(localStorage.getItem(CONFIG_KEY) || "{}");
    return stored.clientId ? stored : Object.assign({}, stored, { clientId: DEFAULT_CLIENT_ID });
  }
  function auth(overrides) {
    var c = config();
    var options = Object.assign(
      { issuer: c.issuer || ISSUER, clientId: c.clientId, redirectUri: location.origin + "/callback", postLogoutRedirectUri: location.origin + "/signed-out", scopes: c.scopes || ["openid", "email", "profile", "offline_access"], pkce: true, tokenManager: { autoRenew: false, autoRemove: false } },
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

  function showError(message) {
    var error = document.getElementById("error");
    error.textContent = message;
    error.hidden = !message;
  }

  /** The people-facing part: who is signed in (ID token claims) and Sign out, or the Sign in form. */
  async function renderSession() {
    var tokens = await auth().tokenManager.getTokens();
    var idToken = tokens.idToken;
    var form = document.getElementById("sign-in-form");
    var signedIn = document.getElementById("signed-in");
    signedIn.hidden = !idToken;
    form.hidden = Boolean(idToken);
    if (idToken) {
      var claims = idToken.claims;
      document.getElementById("who").textContent = "You are " + (claims.name || claims.sub) + (claims.email ? " (" + claims.email + ")" : "") + ".";
      document.getElementById("claims").textContent = JSON.stringify(claims, null, 2);
    } else {
      document.getElementById("client-id").value = config().clientId || "";
    }
  }

  document.getElementById("sign-in-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var clientId = document.getElementById("client-id").value.trim();
    window.testApp.configure(Object.assign({}, config(), { clientId: clientId }));
    // started by a person: once back, /callback gives way to / (a reload must not replay the code)
    sessionStorage.setItem("sample-app-started", "1");
    showError("");
    auth()
      .token.getWithRedirect()
      .catch(function (error) {
        showError("Could not start the sign-in: " + (error && error.message));
      });
  });
  document.getElementById("sign-out").addEventListener("click", function () {
    showError("");
    // revokes the tokens (CORS), forgets them here, then ends the IdP session (/logout)
    auth()
      .signOut({ clearTokensBeforeRedirect: true })
      .catch(function (error) {
        showError("Could not sign out: " + (error && error.message));
      });
  });

  // Landing pages: /callback parses the code response (PKCE); /implicit parses a fragment.
  (async function () {
    try {
      if (location.pathname === "/callback" && (location.search || location.hash)) {
        // an implicit response arrives in the fragment: the SDK reads it there only without PKCE
        var a = auth(location.hash ? { pkce: false, responseMode: "fragment" } : {});
        if (new URLSearchParams(location.search).get("error")) {
          var q = new URLSearchParams(location.search);
          showError("Sign-in failed: " + q.get("error") + (q.get("error_description") ? " (" + q.get("error_description") + ")" : ""));
          await renderSession();
          return show("error", { error: q.get("error"), error_description: q.get("error_description"), state: q.get("state") });
        }
        var res = await a.token.parseFromUrl();
        a.tokenManager.setTokens(res.tokens);
        if (sessionStorage.getItem("sample-app-started")) {
          sessionStorage.removeItem("sample-app-started");
          history.replaceState(null, "", "/");
        }
        await renderSession();
        return show("signed-in", { state: res.state, scopes: res.tokens.accessToken && res.tokens.accessToken.scopes, sub: res.tokens.idToken && res.tokens.idToken.claims.sub });
      }
      if (location.pathname === "/implicit" && location.hash) {
        return show("fragment", Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
      }
      if (location.pathname === "/signed-out") {
        await renderSession();
        return show("signed-out", { search: location.search });
      }
      if (location.pathname === "/") await renderSession();
      show("ready", {});
    } catch (error) {
      showError(String(error && error.message));
      show("error", describeError(error));
    }
  })();
})();
