// libFuzzer harness for the OAuth sign-in parsers (src/core/auth/oauthflow.cpp, graph/): the
// redirect the login view intercepts (OAuthFlow::isRedirect, handleRedirect) and the token
// endpoints' answers (parseCodeExchange, GraphClient::parseTokenGrant, parseMe), each read the
// way GraphClient reads a body (quoteIdNumbers, QJsonDocument, errorFromBody).
// Input: the redirect URL, a newline, the response body. "STATE" in the URL stands for the
// attempt's random state, so that the fuzzer gets past the state check.
// Checks, besides crashes and sanitizer reports: a code handed out is not empty, the state is
// single-use, and a code exchange only succeeds with a token and the messages permission.
#include "auth/oauthflow.h"
#include "fuzzsupport.h"
#include "graph/grapherror.h"

#include <QJsonDocument>

using namespace inlet;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    QByteArray url = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);

    OAuthConfig config;
    config.appId = QStringLiteral("1234");
    config.redirectUri = QStringLiteral("https://localhost:8443/oauth/callback");
    OAuthFlow flow(nullptr, config); // the client is only used for network calls
    url.replace("STATE", flow.state().toLatin1());
    const QUrl redirect = QUrl::fromEncoded(url); // as tst_oauthflow builds redirects
    (void)flow.isRedirect(redirect);
    const Result<QString> code = flow.handleRedirect(redirect);
    if (code) {
        FUZZ_CHECK(!code->isEmpty());
    } else {
        FUZZ_CHECK(code.error().kind == Error::Kind::Auth);
    }
    FUZZ_CHECK(!flow.handleRedirect(redirect)); // the state is spent

    const QJsonObject reply = QJsonDocument::fromJson(quoteIdNumbers(body)).object();
    (void)errorFromBody(reply, 400);
    if (const auto token = OAuthFlow::parseCodeExchange(reply)) {
        FUZZ_CHECK(!token->token.isEmpty());
        FUZZ_CHECK(token->permissions.contains(QLatin1String(OAuthFlow::requiredScope)));
    }
    if (const auto grant = GraphClient::parseTokenGrant(reply, "exchange"))
        FUZZ_CHECK(!grant->token.isEmpty());
    if (const auto account = OAuthFlow::parseMe(reply))
        FUZZ_CHECK(!account->id.isEmpty());
    return 0;
}
